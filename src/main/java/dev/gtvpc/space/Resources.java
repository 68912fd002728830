package dev.gtvpc.space;

import dev.gtvpc.policy.PolicyScan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a request names: the bucket, or an object of it by class of key; and the keys AWS derives from the bucket. */
final class Resources {
    private final PolicyScan scan;
    private final Perimeter perimeter;
    private final List<String> notes = new ArrayList<>();
    private List<String> objectKeys;
    private Map<String, List<String>> context;

    Resources(PolicyScan scan, Perimeter perimeter) {
        this.scan = scan;
        this.perimeter = perimeter;
    }

    List<String> notes() {
        keys();
        return notes;
    }

    /** A fresh key, and a witness for each object pattern the policies name in the bucket. */
    List<String> keys() {
        if (objectKeys == null) {
            Set<String> keys = new LinkedHashSet<>();
            keys.add(Witnesses.FRESH_KEY);
            String prefix = perimeter.bucketArn() + "/";
            for (String pattern : scan.resourcePatterns()) {
                if (pattern.startsWith(prefix) && !pattern.equals(prefix + "*")) {
                    keys.add(Witnesses.witness(pattern.substring(prefix.length())));
                }
            }
            if (keys.size() > 2) {
                notes.add("object keys: one witness per Resource pattern in the bucket; keys that match several patterns"
                        + " at once are covered only where a witness does");
            }
            objectKeys = List.copyOf(keys);
        }
        return objectKeys;
    }

    /** The resources an action of this class can name in the bucket: the bucket, or each class of object keys. */
    List<String> of(ActionClass a) {
        if (!a.onObjects()) {
            return List.of(perimeter.bucketArn());
        }
        return keys().stream().map(k -> perimeter.bucketArn() + "/" + k).toList();
    }

    /** An object of {@code bucket} no policy names. */
    String freshObject(String bucket) {
        return "arn:" + perimeter.partition() + ":s3:::" + bucket + "/" + Witnesses.FRESH_KEY;
    }

    /** A resource outside the bucket, for equivalence: another bucket, or an object in it. */
    String otherBucket(ActionClass a) {
        return "arn:" + perimeter.partition() + ":s3:::" + Witnesses.OTHER_BUCKET + (a.onObjects() ? "/" + Witnesses.FRESH_KEY : "");
    }

    /** The keys a request about the bucket carries, when a policy tests them: its account and, when known, its organization. */
    Map<String, List<String>> context() {
        if (context == null) {
            context = derivedContext();
        }
        return context;
    }

    private Map<String, List<String>> derivedContext() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        if (scan.tests("aws:ResourceAccount")) {
            c.put("aws:ResourceAccount", List.of(perimeter.bucketAccount()));
        }
        if (perimeter.orgId().isPresent() && scan.tests("aws:ResourceOrgID")) {
            c.put("aws:ResourceOrgID", List.of(perimeter.orgId().get()));
        }
        if (perimeter.orgId().isPresent() && !perimeter.orgPaths().isEmpty() && scan.tests("aws:ResourceOrgPaths")) {
            c.put("aws:ResourceOrgPaths", perimeter.orgPaths());
        }
        return Collections.unmodifiableMap(c);
    }
}
