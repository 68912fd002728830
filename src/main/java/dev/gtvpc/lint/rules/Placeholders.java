package dev.gtvpc.lint.rules;

import dev.gtvpc.policy.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text copied from documentation and never replaced: {@code <bucket-name>}-style placeholders and the
 * sample IDs AWS's guides use, listed with their sources in catalog/sample-ids.json. A sample account
 * ID (111122223333) or organization ID counts only beside another sample value, since a real one
 * could have it.
 */
public final class Placeholders {
    // <bucket-name> and [MAX_SIGNATURE_AGE_IN_MILLISECONDS]: the two ways AWS's examples mark what to fill in
    private static final Pattern ANGLE = Pattern.compile("<[^<>]+>|\\[[A-Z][A-Z0-9_]*\\]");
    // ${ORG_ID}, ${AWS::AccountId}, ${var.bucket}: a template's substitution left in. A policy variable names a
    // key, service:name (${aws:username}, ${aws:PrincipalTag/team}, with an optional default), or is ${*}, ${?}, ${$}
    private static final Pattern DOLLAR = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern POLICY_VARIABLE = Pattern.compile("\\s*(?:[*?$]|[A-Za-z0-9.-]+:[^:,\\s][^:,]*(?:,\\s*'[^']*')?)\\s*");
    // {accountId}-{region}: a format string's fields
    private static final Pattern BRACES = Pattern.compile("(?<![{$])\\{[A-Za-z_][A-Za-z0-9_-]*}(?!})");
    private static final String RESOURCE = "/catalog/sample-ids.json";
    private static final Samples SAMPLES = load();

    private record Samples(Pattern values, Pattern accounts) {
    }

    private Placeholders() {
    }

    private static Samples load() {
        List<String> values = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        try (InputStream in = Placeholders.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            Json.Obj root = (Json.Obj) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (Json.Value v : ((Json.Arr) root.get("samples").orElseThrow()).items()) {
                Json.Obj o = (Json.Obj) v;
                String pattern = ((Json.Str) o.get("pattern").orElseThrow()).value();
                boolean besideOthers = o.get("onlyBesideOtherSamples").map(b -> ((Json.Bool) b).value()).orElse(false);
                (besideOthers ? accounts : values).add("(?:" + pattern + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Json.SyntaxException e) {
            throw new IllegalStateException(RESOURCE + " is damaged: " + e.getMessage(), e);
        }
        return new Samples(token(values), token(accounts));
    }

    private static Pattern token(List<String> alternatives) {
        return Pattern.compile("(?<![A-Za-z0-9-])(" + String.join("|", alternatives) + ")(?![A-Za-z0-9])");
    }

    /** The placeholder or sample value (not a sample account) in {@code value}, if any. */
    public static Optional<String> find(String value) {
        Matcher angle = ANGLE.matcher(value);
        if (angle.find()) {
            return Optional.of(angle.group());
        }
        Matcher sample = SAMPLES.values().matcher(value);
        return sample.find() ? Optional.of(sample.group(1)) : Optional.empty();
    }

    /**
     * A template's placeholder in {@code value}: {@code ${NAME}} that is not a policy variable (a
     * CloudFormation or Terraform substitution, {@code ${AWS::AccountId}}, {@code ${ORG_ID}}), or a
     * format string's {@code {field}}.
     */
    public static Optional<String> template(String value) {
        Matcher dollar = DOLLAR.matcher(value);
        while (dollar.find()) {
            if (!POLICY_VARIABLE.matcher(dollar.group(1)).matches()) {
                return Optional.of(dollar.group());
            }
        }
        Matcher braces = BRACES.matcher(value);
        return braces.find() ? Optional.of(braces.group()) : Optional.empty();
    }

    /** A sample account ID in {@code value}: a placeholder only when the policy has another sample value. */
    public static Optional<String> sampleAccount(String value) {
        Matcher m = SAMPLES.accounts().matcher(value);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** True for a placeholder, a sample value or a sample account (for rules that leave such values to placeholder-left). */
    static boolean in(String value) {
        return find(value).isPresent() || sampleAccount(value).isPresent() || template(value).isPresent();
    }

    /** True for an angle-bracket placeholder only (a sample ID still has a shape worth checking). */
    static boolean angle(String value) {
        return ANGLE.matcher(value).find();
    }
}
