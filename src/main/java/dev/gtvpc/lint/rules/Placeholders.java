package dev.gtvpc.lint.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text copied from documentation and never replaced: {@code <bucket-name>}-style placeholders and the
 * sample IDs of the AWS Ground Truth page and AWS's documentation (vpce-12345678, vpc-12345678,
 * 111122223333, amzn-s3-demo-bucket, bucket-name, role-name).
 */
final class Placeholders {
    private static final Pattern ANGLE = Pattern.compile("<[^<>]+>");
    private static final Pattern SAMPLE = Pattern.compile("(?<![A-Za-z0-9-])(vpce-12345678(?:901234567)?|vpc-12345678"
            + "|111122223333|123456789012|amzn-s3-demo-[a-z0-9.-]*|bucket-name|role-name)(?![A-Za-z0-9])");

    private Placeholders() {
    }

    /** The placeholder or sample ID in {@code value}, if any. */
    static Optional<String> find(String value) {
        Matcher angle = ANGLE.matcher(value);
        if (angle.find()) {
            return Optional.of(angle.group());
        }
        Matcher sample = SAMPLE.matcher(value);
        return sample.find() ? Optional.of(sample.group(1)) : Optional.empty();
    }

    static boolean in(String value) {
        return find(value).isPresent();
    }

    /** True for an angle-bracket placeholder only (a sample ID still has a shape worth checking). */
    static boolean angle(String value) {
        return ANGLE.matcher(value).find();
    }
}
