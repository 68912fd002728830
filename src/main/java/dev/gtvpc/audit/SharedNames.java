package dev.gtvpc.audit;

import dev.gtvpc.lint.rules.Placeholders;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.space.Witnesses;
import dev.gtvpc.verify.TrustedService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The names a proof shared across accounts runs on instead of one account's own: the account, and the
 * account's VPCs and endpoints from its inside. An organization stamps one template into every account
 * with the account's own network in it, so without the networks renamed each account would need its own
 * proof. Renaming is only done where it cannot change a decision, that is where the proof compares the
 * name with nothing but equality:
 * <ul>
 * <li>the account: no wildcard beside a digit and no Numeric operator (either could match some account
 *     IDs and not others), not one of AWS's sample IDs (lint treats those as placeholders);</li>
 * <li>a VPC or endpoint: well formed, not a sample ID, not the trusted service's endpoint or one gtvpc
 *     invents, written in the policy only as a whole condition value, in that case only; the policy has
 *     no policy variable, and no wildcard in a value of a key a request carries a network's ID in
 *     ({@code aws:SourceVpc}, {@code aws:SourceVpce}, {@code aws:SourceVpcArn}) or of a key the policy
 *     writes one of the IDs under (a pattern could match part of the name). A pattern of any other key
 *     is only ever matched against values that hold no network ID: the request space puts the networks
 *     in those three keys alone.</li>
 * </ul>
 * A placeholder that already appears in the policy or the inside disables the renaming it belongs to, and
 * so does a network ID that holds the account's placeholder (renaming back would change it).
 * Every output of the shared proof is renamed back ({@link #back}).
 */
final class SharedNames {
    /** The account proofs shared across accounts run on. */
    static final String ACCOUNT = Witnesses.SHARED_ACCOUNT;
    private static final String VPC_PREFIX = Witnesses.SHARED_VPC_PREFIX;
    private static final String VPCE_PREFIX = Witnesses.SHARED_VPCE_PREFIX;
    private static final int MAX_NETWORKS = 256;
    // aws:SourceVpc, aws:SourceVpce and aws:SourceVpcArn, in lower case: where a request carries a network's ID
    private static final String NETWORK_KEYS = "aws:sourcevpc";
    // a wildcard beside a digit may match some account IDs and not others; Numeric operators compare them as numbers
    private static final Pattern ACCOUNT_DEPENDENT = Pattern.compile("[0-9][*?]|[*?][0-9]|\"Numeric");

    /** Real name and placeholder, in the order outputs are renamed back (networks first: none holds the account's placeholder). */
    private record Pair(String real, String placeholder) {
    }

    private final String account;
    private final List<Pair> networks;

    private SharedNames(String account, List<Pair> networks) {
        this.account = account;
        this.networks = networks;
    }

    /** The renaming for {@code account}'s proof of {@code normalised} (the text of {@code policy}), if the account can share one. */
    static Optional<SharedNames> of(Policy policy, String normalised, AuditSettings.Inside inside, String account, TrustedService service) {
        String insideText = inside.toString();
        if (!AwsIds.isAccountId(account) || normalised.contains(ACCOUNT) || insideText.contains(ACCOUNT)
                || ACCOUNT_DEPENDENT.matcher(normalised).find() || ACCOUNT_DEPENDENT.matcher(insideText).find()
                || Placeholders.sampleAccount(account).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new SharedNames(account, networks(policy, normalised, inside, service)));
    }

    private static List<Pair> networks(Policy policy, String normalised, AuditSettings.Inside inside, TrustedService service) {
        String insideText = inside.toString().toLowerCase(Locale.ROOT);
        String lowerText = normalised.toLowerCase(Locale.ROOT);
        if (normalised.contains("${") || lowerText.contains(VPC_PREFIX) || insideText.contains(VPC_PREFIX) || lowerText.contains(VPCE_PREFIX)
                || insideText.contains(VPCE_PREFIX) || inside.vpcs().size() + inside.vpces().size() > MAX_NETWORKS) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(inside.vpcs());
        ids.addAll(inside.vpces());
        PolicyScan scan = PolicyScan.of(policy);
        Set<String> keysWithIds = new HashSet<>();
        List<String> conditionValues = new ArrayList<>();
        for (PolicyScan.EntryAt e : scan.conditionEntries()) {
            conditionValues.addAll(e.values());
            if (e.values().stream().anyMatch(ids::contains)) {
                keysWithIds.add(e.lowerKey());
            }
        }
        for (PolicyScan.EntryAt e : scan.conditionEntries()) {
            if ((e.lowerKey().startsWith(NETWORK_KEYS) || keysWithIds.contains(e.lowerKey())) && e.values().stream().anyMatch(Wildcards::hasWildcard)) {
                return List.of();
            }
        }
        List<Pair> out = new ArrayList<>();
        for (String id : ids) {
            boolean vpc = AwsIds.isVpcId(id);
            if (!(vpc || AwsIds.isVpceId(id)) || id.equals(Witnesses.FRESH_VPC) || id.equals(Witnesses.FRESH_VPCE)
                    || service.isEndpoint(id) || Placeholders.find(id).isPresent() || out.stream().anyMatch(p -> p.real().equals(id))
                    || id.contains(ACCOUNT)) {
                return List.of();
            }
            long written = conditionValues.stream().filter(id::equals).count();
            long anywhere = occurrences(lowerText, id);
            long inInside = inside.vpcs().stream().filter(id::equals).count() + inside.vpces().stream().filter(id::equals).count();
            if (written != anywhere || occurrences(insideText, id) != inInside) {
                return List.of();
            }
            out.add(new Pair(id, String.format(Locale.ROOT, "%s%02x", vpc ? VPC_PREFIX : VPCE_PREFIX, out.size())));
        }
        return List.copyOf(out);
    }

    private static long occurrences(String text, String id) {
        long n = 0;
        for (int i = text.indexOf(id); i >= 0; i = text.indexOf(id, i + id.length())) {
            n++;
        }
        return n;
    }

    /** The policy text the shared proof runs on. */
    String text(String normalised) {
        String out = renamedAccount(normalised);
        for (Pair p : networks) {
            out = out.replace(p.real(), p.placeholder());
        }
        return out;
    }

    /** The inside the shared proof runs on. */
    AuditSettings.Inside inside(AuditSettings.Inside inside) {
        UnaryOperator<String> r = this::text;
        return new AuditSettings.Inside(inside.vpcs().stream().map(r).toList(), inside.vpces().stream().map(r).toList(),
                inside.roles().stream().map(r).toList(), inside.admin().map(r), inside.orgId().map(r));
    }

    /** An output of the shared proof, with this account's own names put back. */
    String back(String text) {
        String out = text;
        for (Pair p : networks) {
            out = out.replace(p.placeholder(), p.real());
        }
        return out.replace(ACCOUNT, account);
    }

    /** The account as a whole token (not part of a longer ID), replaced by the placeholder. */
    private String renamedAccount(String text) {
        return Pattern.compile("(?<![0-9A-Za-z])" + account + "(?![0-9A-Za-z])").matcher(text).replaceAll(ACCOUNT);
    }
}
