package dev.gtvpc.audit;

import dev.gtvpc.policy.io.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one JSON record into a {@link BucketRecord}. Two shapes are read:
 * <ul>
 * <li>an AWS Config result ({@code arn}, {@code resourceName}, {@code accountId}, {@code awsRegion},
 *     {@code supplementaryConfiguration.BucketPolicy.policyText}, {@code tags}), as
 *     SelectAggregateResourceConfig returns each row: {@code supplementaryConfiguration} and
 *     {@code BucketPolicy} may each arrive as an object or as a JSON string holding one; the policy
 *     text as a JSON string, URL-encoded, as an object, or null (no policy);</li>
 * <li>gtvpc's own line, {@code {bucket, account, region, policy, tags}}, with {@code policy} an object,
 *     a string, or null, and {@code error} for a bucket whose read failed.</li>
 * </ul>
 * A Config record without {@code BucketPolicy} is unreadable, not "no policy": Config had nothing to say.
 */
public final class ConfigRecords {
    private ConfigRecords() {
    }

    /** The record, or empty with {@code problem[0]} set when the value is not a record of either shape. */
    public static Optional<BucketRecord> read(Json.Value value, String defaultAccount, String defaultRegion, String source,
            String[] problem) {
        if (!(value instanceof Json.Obj o)) {
            problem[0] = "a record is a JSON object, not " + value.typeName();
            return Optional.empty();
        }
        Map<String, String> tags = tags(o.get("tags"));
        if (o.get("bucket").isPresent()) {
            Optional<String> bucket = text(o.get("bucket"));
            if (bucket.isEmpty() || bucket.get().isEmpty()) {
                problem[0] = "\"bucket\" is not a bucket name";
                return Optional.empty();
            }
            String account = text(o.get("account")).orElse(defaultAccount);
            String region = text(o.get("region")).orElse(defaultRegion);
            String at = source + " (" + bucket.get() + ")";
            Optional<String> error = text(o.get("error"));
            if (error.isPresent()) {
                return Optional.of(BucketRecord.unreadable(bucket.get(), account, region, error.get(), tags, at));
            }
            return Optional.of(policy(o.get("policy")).map(p -> BucketRecord.withPolicy(bucket.get(), account, region, p, tags, at))
                    .orElseGet(() -> BucketRecord.noPolicy(bucket.get(), account, region, tags, at)));
        }
        Optional<String> arn = text(o.get("arn"));
        Optional<String> name = text(o.get("resourceName")).or(() -> arn.filter(a -> a.contains(":::")).map(a -> a.substring(a.indexOf(":::") + 3)));
        if (name.isEmpty() || name.get().isEmpty()) {
            problem[0] = "the record has neither \"bucket\" (gtvpc's shape) nor \"resourceName\" or \"arn\" (AWS Config's)";
            return Optional.empty();
        }
        String account = text(o.get("accountId")).orElse(defaultAccount);
        String region = text(o.get("awsRegion")).orElse(defaultRegion);
        String at = arn.orElse("arn:aws:s3:::" + name.get());
        Optional<Json.Value> supplementary = o.get("supplementaryConfiguration").flatMap(ConfigRecords::object);
        Optional<Json.Value> bucketPolicy = supplementary.flatMap(s -> s instanceof Json.Obj so ? so.get("BucketPolicy") : Optional.empty())
                .flatMap(ConfigRecords::object);
        if (bucketPolicy.isEmpty()) {
            return Optional.of(BucketRecord.unreadable(name.get(), account, region,
                    "the AWS Config record holds no supplementaryConfiguration.BucketPolicy", tags, at));
        }
        if (!(bucketPolicy.get() instanceof Json.Obj bp)) {
            if (bucketPolicy.get() instanceof Json.Null) {
                return Optional.of(BucketRecord.noPolicy(name.get(), account, region, tags, at));
            }
            return Optional.of(BucketRecord.unreadable(name.get(), account, region,
                    "supplementaryConfiguration.BucketPolicy is " + bucketPolicy.get().typeName() + ", not an object", tags, at));
        }
        return Optional.of(policy(bp.get("policyText")).map(p -> BucketRecord.withPolicy(name.get(), account, region, p, tags, at))
                .orElseGet(() -> BucketRecord.noPolicy(name.get(), account, region, tags, at)));
    }

    /** A value that may be a JSON string holding the JSON (Config sends some nested configurations so). */
    private static Optional<Json.Value> object(Json.Value v) {
        if (v instanceof Json.Str s) {
            String t = s.value().strip();
            if (t.startsWith("{") || t.equals("null")) {
                try {
                    return Optional.of(Json.parse(t));
                } catch (Json.SyntaxException e) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.of(v);
    }

    /** The policy text: a string (plain or URL-encoded), an object written compactly, or empty for null/absent/blank. */
    static Optional<String> policy(Optional<Json.Value> v) {
        if (v.isEmpty() || v.get() instanceof Json.Null) {
            return Optional.empty();
        }
        if (v.get() instanceof Json.Str s) {
            String t = s.value().strip();
            if (t.isEmpty() || t.equals("null")) {
                return Optional.empty();
            }
            if (t.startsWith("%7B") || t.startsWith("%7b")) {
                // IAM and Config URL-encode policy documents with %20 for spaces: a '+' is a literal plus
                return Optional.of(URLDecoder.decode(t.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            return Optional.of(s.value());
        }
        return Optional.of(Json.write(v.get(), false));
    }

    private static Optional<String> text(Optional<Json.Value> v) {
        if (v.isPresent() && v.get() instanceof Json.Str s) {
            return Optional.of(s.value());
        }
        if (v.isPresent() && v.get() instanceof Json.Num n) {
            return Optional.of(n.text());
        }
        return Optional.empty();
    }

    /** Config's [{key, value}] (or {tagKey, tagValue}), or gtvpc's {KEY: VALUE}. */
    private static Map<String, String> tags(Optional<Json.Value> v) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (v.isPresent() && v.get() instanceof Json.Arr a) {
            for (Json.Value item : a.items()) {
                if (item instanceof Json.Obj t) {
                    Optional<String> key = text(t.get("key")).or(() -> text(t.get("tagKey")));
                    Optional<String> value = text(t.get("value")).or(() -> text(t.get("tagValue")));
                    key.ifPresent(k -> tags.put(k, value.orElse("")));
                }
            }
        } else if (v.isPresent() && v.get() instanceof Json.Obj o) {
            for (Json.Member m : o.members()) {
                tags.put(m.name(), text(Optional.of(m.value())).orElse(""));
            }
        }
        return tags;
    }
}
