package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.AwsIds;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The ID checks several commands share, each failing with the option's name in front of the problem. */
final class Validate {
    private Validate() {
    }

    static void vpcs(List<String> vpcs) {
        each("--vpc", vpcs, AwsIds::checkVpcId);
    }

    static void vpces(List<String> vpces) {
        each("--vpce", vpces, AwsIds::checkVpceId);
    }

    /** A --bucket value S3 would take. */
    static void bucket(String bucket) {
        each("--bucket", List.of(bucket), AwsIds::checkBucketName);
    }

    static void each(String option, List<String> values, Function<String, Optional<String>> check) {
        for (String v : values) {
            check.apply(v).ifPresent(problem -> {
                throw GtvpcException.badInput(option + ": " + problem);
            });
        }
    }
}
