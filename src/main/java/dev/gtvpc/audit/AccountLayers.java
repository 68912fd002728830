package dev.gtvpc.audit;

import dev.gtvpc.layers.LayerPolicy;
import dev.gtvpc.verify.Layers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization's policies that apply to one account's buckets, as an audit proves them:
 *
 * @param layers           the RCPs above the account and the SCPs of every member account (see {@link OrganizationLayers})
 * @param orgId            the account's organization, when Organizations (or --org-policies) says it
 * @param principalTags    the tags the organization's principals are taken to carry (--principal-tag); empty: unknown
 * @param bucketTags       the tags the buckets are taken to have (--bucket-tag); empty: unknown
 * @param notes            what was read or left out, for every bucket of the account
 * @param bucketPolicyOnly why the organization's policies could not be asked: every verdict of the account is then
 *                         the bucket policy's alone and says so
 */
public record AccountLayers(Layers layers, Optional<String> orgId, Optional<Map<String, String>> principalTags,
        Optional<Map<String, String>> bucketTags, List<String> notes, Optional<String> bucketPolicyOnly) {
    /** No organization was asked about: the audit judges bucket policies as it always did, and says nothing of layers. */
    public static final AccountLayers NONE = new AccountLayers(Layers.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
            List.of(), Optional.empty());

    public AccountLayers {
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(orgId, "orgId");
        principalTags = principalTags.map(Map::copyOf);
        bucketTags = bucketTags.map(Map::copyOf);
        notes = List.copyOf(notes);
        Objects.requireNonNull(bucketPolicyOnly, "bucketPolicyOnly");
    }

    /** The bucket policy alone, because of {@code why}. */
    public static AccountLayers bucketPolicyOnly(String why) {
        return new AccountLayers(Layers.NONE, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.of(why));
    }

    /**
     * What tells two accounts' proofs apart besides the bucket policy: equal keys, equal layers. Empty without layers
     * (a "bucket policy only" account too: its mark is put on after the proof), so those proofs and their policy IDs are
     * the ones an audit without the organization gives.
     */
    String key() {
        StringBuilder b = new StringBuilder();
        layers.rcps().forEach(p -> b.append("rcp ").append(p.source()).append(';'));
        layers.scps().forEach(p -> b.append("scp ").append(p.source()).append(';'));
        orgId.ifPresent(o -> b.append("org ").append(o).append(';'));
        principalTags.ifPresent(t -> b.append("ptags ").append(new java.util.TreeMap<>(t)).append(';'));
        bucketTags.ifPresent(t -> b.append("btags ").append(new java.util.TreeMap<>(t)).append(';'));
        notes.forEach(n -> b.append("note ").append(n).append(';'));
        return b.toString();
    }

}
