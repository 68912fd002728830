package dev.gtvpc.lint.rules;

import java.util.Locale;
import java.util.Set;

/** Condition key names rules look for, compared without case as IAM does. */
final class Keys {
    static final String SOURCE_VPCE = "aws:sourcevpce";
    static final String SOURCE_VPC = "aws:sourcevpc";
    static final String PRINCIPAL_ARN = "aws:principalarn";

    /** Keys whose absence is normal for some callers (the internet has no endpoint, anonymous no ARN). */
    static final Set<String> SOMETIMES_ABSENT = Set.of(SOURCE_VPCE, SOURCE_VPC, "aws:sourceip", "aws:vpcsourceip",
            PRINCIPAL_ARN, "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths", "aws:userid", "aws:username",
            "aws:sourcearn", "aws:sourceaccount", "aws:sourcevpcarn", "aws:vpceaccount", "aws:vpceorgid");

    /** "The use of wildcards in these condition keys does not have any valid use cases" (global condition keys page). */
    static final Set<String> NO_WILDCARDS = Set.of(SOURCE_VPC, SOURCE_VPCE, "aws:sourceaccount", "aws:principalaccount",
            "aws:principalorgid", "aws:resourceaccount", "aws:resourceorgid", "aws:sourceorgid", "aws:vpceaccount", "aws:vpceorgid");

    /** Keys that say who or where a request is from: conditions on them can exempt or restrict callers. */
    static final Set<String> CALLER = Set.of(SOURCE_VPCE, SOURCE_VPC, "aws:sourceip", "aws:vpcsourceip", PRINCIPAL_ARN,
            "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths", "aws:userid", "aws:username",
            "aws:sourcearn", "aws:sourceaccount", "aws:sourcevpcarn", "aws:sourceorgid", "aws:sourceorgpaths");

    private Keys() {
    }

    static boolean is(String key, String lowerName) {
        return key.toLowerCase(Locale.ROOT).equals(lowerName);
    }

    static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /** Keys whose values are ARNs: the catalogue's ARN-typed keys, and the two the IAM pages always treat as ARNs. */
    static boolean arnTyped(dev.gtvpc.lint.LintContext c, String key) {
        String k = lower(key);
        return k.equals(PRINCIPAL_ARN) || k.equals("aws:sourcearn")
                || c.keys().find(key).map(found -> found.type().equalsIgnoreCase("ARN")).orElse(false);
    }

    /** aws:PrincipalTag/…: present only for principals with that tag. */
    static boolean principalTag(String key) {
        return lower(key).startsWith("aws:principaltag/");
    }
}
