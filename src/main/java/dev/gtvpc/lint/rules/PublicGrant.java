package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.Condition;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Allow as S3 judges whether it is public ("The meaning of public", S3 Block Public Access page): on
 * its own, its conditions reduced to those that restrict in S3's sense — a key S3 lists (the catalogue's
 * {@code restricts-public} keys) with fixed values only: no wildcard and no policy variable, an
 * aws:SourceIp range no broader than /8 (IPv4) or /32 (IPv6), a wildcard only where S3 allows one
 * (an access point's name after a fixed account, a role's sessions {@code ROLE-ID:*}). Every other
 * condition restricts nothing for S3: keys the caller sets (s3:TlsVersion, aws:SecureTransport,
 * s3:x-amz-acl), keys that describe the bucket (aws:ResourceOrgID, aws:ResourceAccount), and a
 * restricting key with a pattern ({@code ArnLike aws:SourceArn "arn:aws:cloudtrail:*:…"}).
 */
final class PublicGrant {
    private static final Pattern ROLE_SESSIONS = Pattern.compile("[A-Z0-9]+:\\*");

    private PublicGrant() {
    }

    /** The one-statement policy S3 judges for {@code allow}: its conditions reduced as above. */
    static Policy judged(Policy policy, Statement allow, ConditionKeyCatalog keys) {
        Optional<Condition> condition = allow.condition().map(c -> reduce(c, keys)).filter(c -> !c.blocks().isEmpty());
        Statement judged = allow.toBuilder().condition(condition.orElse(null)).build();
        return policy.toBuilder().statements(List.of(judged)).statementIsObject(false).build();
    }

    private static Condition reduce(Condition condition, ConditionKeyCatalog keys) {
        List<ConditionBlock> blocks = new ArrayList<>();
        for (ConditionBlock block : condition.blocks()) {
            Optional<OperatorType> type = block.operator().type();
            if (type.isEmpty() || type.get() == OperatorType.NULL) {
                continue;
            }
            List<ConditionEntry> kept = block.entries().stream().filter(e -> restricts(e, type.get(), keys)).toList();
            if (!kept.isEmpty()) {
                blocks.add(new ConditionBlock(block.operator(), kept));
            }
        }
        return new Condition(blocks);
    }

    private static boolean restricts(ConditionEntry e, OperatorType type, ConditionKeyCatalog keys) {
        if (!keys.is(e.key(), ConditionKeyCatalog.Flag.RESTRICTS_PUBLIC)) {
            return false;
        }
        for (String v : e.values().texts()) {
            if (!fixed(v, e.key(), type, keys)) {
                return false;
            }
        }
        return !e.values().texts().isEmpty();
    }

    private static boolean fixed(String v, String key, OperatorType type, ConditionKeyCatalog keys) {
        if (v.contains("${")) {
            return false;
        }
        if (type.family() == OperatorType.Family.IP_ADDRESS) {
            // "values broader than /8 for IPv4 and /32 for IPv6 (excluding RFC1918 private ranges)" are public
            return IpRanges.parse(v).map(r -> r.prefix() >= (r.ipv6() ? 32 : 8)).orElse(false);
        }
        if (!Wildcards.hasWildcard(v)) {
            return true;
        }
        if (keys.is(key, ConditionKeyCatalog.Flag.PUBLIC_WILDCARD_SESSION) && ROLE_SESSIONS.matcher(v).matches()) {
            return true;
        }
        // "can contain a wildcard for the access point name … as long as the account id is fixed"
        return keys.is(key, ConditionKeyCatalog.Flag.PUBLIC_WILDCARD_NAME) && Arn.parse(v)
                .filter(a -> !Wildcards.hasWildcard(a.partition() + a.service() + a.region() + a.account()) && !a.account().isEmpty())
                .isPresent();
    }
}
