package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.PrincipalType;
import dev.gtvpc.policy.Values;
import dev.gtvpc.policy.Wildcards;
import java.util.List;
import java.util.Optional;

/**
 * Flags an ARN whose account field can never be a real account, so the ARN never matches: in a
 * Principal (an IAM or STS ARN), in a value of an ARN-typed condition key (aws:PrincipalArn,
 * aws:SourceArn…) and in a Resource ARN that has an account field. An account ID is 12 digits
 * ("arn:aws:iam::12345678901:role/x", eleven, matches nobody). Allowed besides: a wildcard where the
 * element takes one (Resource, the Arn operators and StringLike: {@code ArnLike aws:PrincipalArn
 * arn:aws:iam::*:role/Admin}); a policy variable; an empty field where the service's ARNs have none
 * (S3 buckets), but not for IAM and STS principals, which always carry their account; {@code aws}
 * (resources AWS owns: managed policies, prefix lists, Image Builder components) and {@code cloudfront}
 * (the legacy origin access identity). Under
 * StringEquals a {@code *} is literal and matches no account, which is flagged too.
 * Placeholders are placeholder-left's. Pages: IAM identifiers (ARN format), Access Analyzer
 * INVALID_ARN_ACCOUNT.
 */
public final class InvalidArnAccount extends BaseRule {
    public InvalidArnAccount() {
        super(RuleInfo.of("invalid-arn-account", Severity.ERROR, RuleGroup.GRAMMAR, 220,
                "An ARN whose account field is not a 12-digit account (it never matches).", Docs.ARNS).judging(Judges.VALUE_SHAPE));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            s.statement().resource().ifPresent(r -> each(r.resources(), s.pointer() + "/" + r.elementName(), (v, p) ->
                    problem(v, Where.RESOURCE).ifPresent(m -> c.report(p, m, FIX))));
            s.statement().principal().ifPresent(p -> {
                for (PrincipalEntry e : p.entries()) {
                    if (e.type() == PrincipalType.AWS) {
                        each(e.ids(), s.pointer() + "/" + p.elementName() + "/AWS", (v, ptr) ->
                                problem(v, Where.PRINCIPAL).ifPresent(m -> c.report(ptr, m, FIX)));
                    }
                }
            });
            for (PolicyScan.EntryAt e : c.conditionEntries(s)) {
                if (!Keys.arnTyped(c, e.entry().key()) || e.block().operator().type().filter(OperatorType.NULL::equals).isPresent()) {
                    continue;
                }
                OperatorType type = e.block().operator().type().map(OperatorType::positive).orElse(null);
                // ArnEquals and ArnLike both match each ARN part by pattern; only the String equality operators are literal
                Where where = type != null && (type.family() == OperatorType.Family.ARN || type == OperatorType.STRING_LIKE)
                        ? Where.PATTERN : Where.LITERAL;
                List<String> texts = e.entry().values().texts();
                for (int i = 0; i < texts.size(); i++) {
                    int index = i;
                    problem(texts.get(i), where).ifPresent(m -> c.report(e.valuePointer(index), m
                            + (where == Where.LITERAL && texts.get(index).contains("*") ? " (under " + e.block().operator().text()
                                    + " a * is literal; ArnLike and ArnEquals match patterns)" : ""), FIX));
                }
            }
        }
    }

    private static final String FIX = "write the 12-digit account ID, without hyphens";

    private enum Where { RESOURCE, PRINCIPAL, PATTERN, LITERAL }

    private interface Check {
        void accept(String value, String pointer);
    }

    private static void each(Values values, String pointer, Check check) {
        for (int i = 0; i < values.items().size(); i++) {
            check.accept(values.items().get(i), values.scalar() ? pointer : JsonPointer.child(pointer, i));
        }
    }

    private static Optional<String> problem(String v, Where where) {
        if (Placeholders.in(v) || v.contains("${")) {
            return Optional.empty();
        }
        Optional<Arn> parsed = Arn.parse(v);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Arn a = parsed.get();
        String account = a.account();
        boolean principalService = a.service().equals("iam") || a.service().equals("sts");
        if (AwsIds.isAccountId(account)) {
            return Optional.empty();
        }
        if (account.isEmpty()) {
            // S3 buckets, Route 53 zones… have no account; an IAM or STS principal always has one
            return principalService && where != Where.RESOURCE
                    ? Optional.of("\"" + v + "\" has no account; an IAM or STS ARN always names its 12-digit account, so this never matches")
                    : Optional.empty();
        }
        // "aws" owns AWS managed policies, public prefix lists, image builder components…
        if (account.equals("aws") || InvalidArn.cloudFrontOai(a)) {
            return Optional.empty();
        }
        if (Wildcards.hasWildcard(account)) {
            // Resource and the Like operators take patterns; a wildcard in a Principal is invalid-arn's
            return where != Where.LITERAL ? Optional.empty()
                    : Optional.of("\"" + v + "\" has the account \"" + account + "\", which is literal text here and matches no account");
        }
        return Optional.of("\"" + v + "\" has the account \"" + account + "\""
                + (account.matches("[0-9-]+") ? ", " + account.replace("-", "").length() + " digits" + (account.contains("-") ? " and hyphens" : "")
                        : "") + "; an account ID is 12 digits, so this ARN never matches");
    }
}
