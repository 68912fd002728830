/**
 * {@code gtvpc preflight}: every prerequisite of the Ground Truth VPC page, checked against the
 * account read-only, each a {@link dev.gtvpc.preflight.Check} with its evidence and fix. The checks
 * talk to AWS only through the {@code dev.gtvpc.aws} interfaces, so no SDK class is named here and the
 * tests can stand any of them in; the wording of the evidence lives here, the layout in
 * {@code dev.gtvpc.render.PreflightRenderer}.
 */
package dev.gtvpc.preflight;
