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

    /**
     * {@code optionsAndValues} alternates an option's name and its value (a String, a list, or null).
     * A warning line for each documentation sample value or {@code <placeholder>} among the values given
     * to the options, in option order: the output was written with them, so it exempts or names
     * something nobody has. A sample account (111122223333) counts here even alone: generate's inputs
     * are what the user typed, and a real account is rarely that one.
     */
    static void warnPlaceholders(java.io.PrintWriter err, String what, Object... optionsAndValues) {
        for (int i = 0; i < optionsAndValues.length; i += 2) {
            String option = (String) optionsAndValues[i];
            Object given = optionsAndValues[i + 1];
            @SuppressWarnings("unchecked")
            List<String> values = given == null ? List.of() : given instanceof String s ? List.of(s) : (List<String>) given;
            for (String v : values) {
                Optional<String> sample = dev.gtvpc.lint.rules.Placeholders.find(v)
                        .or(() -> dev.gtvpc.lint.rules.Placeholders.sampleAccount(v));
                sample.ifPresent(s -> err.println("gtvpc: warning: " + option + ": '" + s + "'" + (s.equals(v) ? "" : " in '" + v + "'")
                        + " is a placeholder or sample value from AWS documentation; " + what + " was written with it:"
                        + " replace it with your own before you use it"));
            }
        }
        err.flush();
    }

    static void each(String option, List<String> values, Function<String, Optional<String>> check) {
        for (String v : values) {
            check.apply(v).ifPresent(problem -> {
                throw GtvpcException.badInput(option + ": " + problem);
            });
        }
    }
}
