package dev.gtvpc.layers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The policies of every layer but the endpoint's (which depends on the path a request takes:
 * {@link Placement#endpointPolicy()}):
 * <ul>
 * <li>{@code rcps}: the levels of the bucket account's chain with customer RCPs; RCPFullAWSAccess is at
 *     every level and is never listed;</li>
 * <li>{@code scps}: the levels of the principal account's chain, each with exactly its SCPs (list
 *     {@link LayerPolicy#FULL_AWS_ACCESS} to keep it); a level not listed has FullAWSAccess alone and
 *     passes everything, so only listed levels are asked;</li>
 * <li>{@code bucket}: the bucket policy, empty for a bucket without one;</li>
 * <li>{@code identity}: the principal's identity policies; empty when they were not given, so that
 *     whether a principal of the bucket's account is granted is left open ({@link dev.gtvpc.eval.Decision#NOT_DENIED}).</li>
 * </ul>
 */
public record LayerSet(List<Level> rcps, List<Level> scps, Optional<LayerPolicy> bucket, Optional<List<LayerPolicy>> identity) {
    public LayerSet {
        rcps = List.copyOf(rcps);
        scps = List.copyOf(scps);
        Objects.requireNonNull(bucket, "bucket");
        identity = identity.map(List::copyOf);
    }

    /** A bucket policy and nothing else. */
    public static LayerSet bucketOnly(Optional<LayerPolicy> bucket) {
        return new LayerSet(List.of(), List.of(), bucket, Optional.empty());
    }

    public LayerSet withRcps(List<Level> levels) {
        return new LayerSet(levels, scps, bucket, identity);
    }

    public LayerSet withScps(List<Level> levels) {
        return new LayerSet(rcps, levels, bucket, identity);
    }

    public LayerSet withBucket(Optional<LayerPolicy> policy) {
        return new LayerSet(rcps, scps, policy, identity);
    }

    public LayerSet withIdentity(Optional<List<LayerPolicy>> policies) {
        return new LayerSet(rcps, scps, bucket, policies);
    }

    /** Every policy given, layer by layer (the endpoint's aside), for the request space to read their values. */
    public List<LayerPolicy> policies() {
        List<LayerPolicy> all = new java.util.ArrayList<>();
        rcps.forEach(l -> all.addAll(l.policies()));
        scps.forEach(l -> all.addAll(l.policies()));
        bucket.ifPresent(all::add);
        identity.ifPresent(all::addAll);
        return List.copyOf(all);
    }
}
