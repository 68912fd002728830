/**
 * Proofs over the request space of a bucket policy ({@link dev.gtvpc.space}, whose documentation says
 * why one request per class decides every request, and what is sampled).
 *
 * <p>A property checks the full product of the classes of the dimensions it concerns — not a sample —
 * except where the space itself samples (the other condition keys beyond 256 combinations, {@code Like}
 * patterns, multivalued keys). Whenever anything is sampled, every output of {@code policy verify} prints
 * the space's sampling notes; otherwise the output says the check was complete.
 */
package dev.gtvpc.verify;
