package dev.gtvpc.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a request comes from: the internet (no VPC keys), or through endpoint {@code vpce} in VPC
 * {@code vpc}. The two keys are present together or not at all, as S3 sets them.
 */
public record Origin(Optional<String> vpce, Optional<String> vpc) {
    public static final Origin INTERNET = new Origin(Optional.empty(), Optional.empty());

    public static Origin via(String vpce, String vpc) {
        return new Origin(Optional.of(vpce), Optional.of(vpc));
    }

    public Map<String, List<String>> context() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        vpce.ifPresent(v -> c.put("aws:SourceVpce", List.of(v)));
        vpc.ifPresent(v -> c.put("aws:SourceVpc", List.of(v)));
        return c;
    }

    @Override
    public String toString() {
        return vpce.isEmpty() ? "the internet" : "endpoint " + vpce.get() + " in " + vpc.get();
    }
}
