package dev.gtvpc.lint.rules;

import java.util.Locale;

/** Condition key names rules look for, compared without case as IAM does; what AWS says of each key is in the catalogue. */
public final class Keys {
    public static final String SOURCE_VPCE = "aws:sourcevpce";
    public static final String SOURCE_VPC = "aws:sourcevpc";
    public static final String PRINCIPAL_ARN = "aws:principalarn";

    private Keys() {
    }

    static boolean is(String key, String lowerName) {
        return key.toLowerCase(Locale.ROOT).equals(lowerName);
    }

    public static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /** Keys whose values are ARNs: the catalogue's ARN-typed keys, and the two the IAM pages always treat as ARNs. */
    static boolean arnTyped(dev.gtvpc.lint.LintContext c, String key) {
        String k = lower(key);
        return k.equals(PRINCIPAL_ARN) || k.equals("aws:sourcearn")
                || c.keys().find(key).map(found -> found.type().equalsIgnoreCase("ARN")).orElse(false);
    }
}
