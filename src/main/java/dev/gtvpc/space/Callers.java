package dev.gtvpc.space;

import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalType;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who makes requests, as classes: every principal the policies or the perimeter name (a role also by a
 * session of it), a fresh principal of each named account and of an account nobody names, anonymous,
 * AWS service principals, and calls an AWS service forwards for a principal; each in or out of the
 * bucket account's organization as the policies need.
 */
final class Callers {
    private final PolicyScan scan;
    private final Perimeter perimeter;
    private final Witnesses witnesses;
    private final Set<String> accounts;
    private final Set<String> memberAccounts = new HashSet<>();
    private List<Caller> all;

    /** @param named the accounts the policies and the perimeter name ({@link #namedAccounts}) */
    Callers(PolicyScan scan, Perimeter perimeter, Witnesses witnesses, Set<String> named) {
        this.scan = scan;
        this.perimeter = perimeter;
        this.witnesses = witnesses;
        this.accounts = new LinkedHashSet<>(named);
        this.accounts.add(witnesses.outsider());
        memberAccounts.addAll(memberAccounts(perimeter));
    }

    /**
     * The accounts of the bucket account's organization the space knows: the bucket's, the perimeter's
     * principals', its management account.
     */
    static Set<String> memberAccounts(Perimeter perimeter) {
        Set<String> members = new LinkedHashSet<>();
        members.add(perimeter.bucketAccount());
        for (String arn : perimeterPrincipals(perimeter)) {
            Arn.parse(arn).map(Arn::account).ifPresent(members::add);
        }
        perimeter.managementAccount().ifPresent(members::add);
        return members;
    }

    /** The bucket's account, every account the policies name (in Principal, aws:PrincipalAccount, ARNs) and the perimeter's. */
    static Set<String> namedAccounts(PolicyScan scan, Perimeter perimeter) {
        Set<String> accounts = new LinkedHashSet<>();
        accounts.add(perimeter.bucketAccount());
        for (String id : scan.principalIds(PrincipalType.AWS)) {
            if (AwsIds.isAccountId(id)) {
                accounts.add(id);
            } else {
                accountOf(id).ifPresent(accounts::add);
            }
        }
        for (PolicyScan.EntryAt e : scan.conditionEntries()) {
            for (String v : e.values()) {
                if (e.lowerKey().equals("aws:principalaccount") && AwsIds.isAccountId(v)) {
                    accounts.add(v);
                } else if (e.lowerKey().equals("aws:principalarn")) {
                    accountOf(v).ifPresent(accounts::add);
                }
            }
        }
        for (String arn : perimeterPrincipals(perimeter)) {
            accountOf(arn).ifPresent(accounts::add);
        }
        accounts.addAll(perimeter.trustedAccounts());
        return accounts;
    }

    private static Optional<String> accountOf(String arn) {
        return Arn.parse(arn).map(Arn::account).filter(AwsIds::isAccountId);
    }

    private static List<String> perimeterPrincipals(Perimeter perimeter) {
        List<String> arns = new ArrayList<>(perimeter.roleArns());
        perimeter.adminArn().ifPresent(arns::add);
        return arns;
    }

    /**
     * Every named ARN (and a session of each role), a fresh principal of each named account, one of an
     * account nobody names, anonymous; AWS service principals (named ones and a fresh one); and requests
     * an AWS service forwards for a principal of the bucket's account and for an outsider. Principals of
     * the bucket's account and of the perimeter's roles are members of the bucket account's organization
     * when it is known; everyone else is tried outside any organization and, where a policy tests it, in
     * another.
     */
    List<Caller> all() {
        if (all == null) {
            all = build();
        }
        return all;
    }

    private List<Caller> build() {
        List<Caller> plain = new ArrayList<>();
        for (String arn : namedArns()) {
            Optional<Arn> a = Arn.parse(arn);
            if (a.isEmpty() || !AwsIds.isAccountId(a.get().account()) || a.get().resource().equals("root")) {
                continue; // the account's own principals stand for its root below
            }
            plain.add(Caller.of(arn, arn));
            if (a.get().service().equals("iam") && a.get().resource().startsWith("role/")) {
                plain.add(Caller.sessionOf(arn));
            }
        }
        for (String account : accounts) {
            if (!account.equals(witnesses.outsider()) && !account.equals(witnesses.awsOwner())) {
                plain.add(fresh(account));
            }
        }
        plain.add(fresh(witnesses.outsider()));

        boolean orgTested = scan.tests("aws:PrincipalOrgID") || scan.tests("aws:PrincipalOrgPaths");
        List<Caller> list = new ArrayList<>();
        for (Caller c : plain) {
            if (isMember(c)) {
                list.add(inBucketOrganization(c));
            } else {
                list.add(c);
                if (orgTested) {
                    list.add(c.inOrganization(Optional.of(Witnesses.FRESH_ORG), List.of(Witnesses.FRESH_ORG_PATH), false,
                            " in another organization"));
                }
            }
        }
        list.add(Caller.ANONYMOUS);
        Set<String> services = new LinkedHashSet<>(scan.principalIds(PrincipalType.SERVICE));
        services.add(Witnesses.FRESH_SERVICE);
        for (String service : services) {
            list.add(Caller.of("AWS service " + service, service));
        }
        Set<String> forwarders = new LinkedHashSet<>();
        for (PolicyScan.EntryAt e : scan.conditionEntries()) {
            if (e.lowerKey().startsWith("aws:calledvia")) {
                e.values().stream().filter(v -> !Wildcards.hasWildcard(v)).forEach(forwarders::add);
            }
        }
        forwarders.add(Witnesses.FRESH_SERVICE);
        Caller member = principalOf(perimeter.bucketAccount());
        for (String service : forwarders) {
            list.add(member.forwardedBy(service));
        }
        list.add(outsider().forwardedBy(Witnesses.FRESH_SERVICE));
        return List.copyOf(list);
    }

    /** The ARNs the policies' Principal and aws:PrincipalArn and the perimeter name; a service-linked role when services are inside. */
    private Set<String> namedArns() {
        Set<String> arns = new LinkedHashSet<>();
        for (String id : scan.principalIds(PrincipalType.AWS)) {
            if (!AwsIds.isAccountId(id) && Arn.parse(id).isPresent()) {
                arns.add(id);
            }
        }
        for (PolicyScan.EntryAt e : scan.entriesOf("aws:PrincipalArn")) {
            for (String v : e.values()) {
                arns.addAll(principalWitnesses(v));
            }
        }
        arns.addAll(perimeterPrincipals(perimeter));
        if (perimeter.awsServiceAccess()) {
            arns.add("arn:" + perimeter.partition() + ":iam::" + perimeter.bucketAccount() + ":role/" + Witnesses.SERVICE_LINKED_ROLE);
        }
        return arns;
    }

    /**
     * Principals an aws:PrincipalArn value stands for: itself; for a pattern, a witness in each account
     * the space knows when the account field is a wildcard (service-linked roles are named so:
     * {@code arn:aws:iam::*:role/aws-service-role/*}), else one witness.
     */
    private List<String> principalWitnesses(String value) {
        if (!Wildcards.hasWildcard(value)) {
            return List.of(value);
        }
        String[] parts = value.split(":", 6);
        if (parts.length == 6 && Wildcards.hasWildcard(parts[4]) && !Wildcards.hasWildcard(parts[0] + parts[1] + parts[2])) {
            List<String> out = new ArrayList<>();
            for (String account : accounts) {
                if (Wildcards.matches(parts[4], account)) {
                    out.add(principalWitness(value, account));
                }
            }
            return out;
        }
        return List.of(Witnesses.witness(value));
    }

    /** A principal an ARN pattern matches: a wildcard account becomes {@code account}, other wildcards a letter. */
    static String principalWitness(String pattern, String account) {
        String[] parts = pattern.split(":", 6);
        if (parts.length == 6 && Wildcards.hasWildcard(parts[4])) {
            parts[4] = account;
            return Witnesses.witness(String.join(":", parts));
        }
        return Witnesses.witness(pattern);
    }

    /** A principal of {@code account} no policy names, in the bucket account's organization when that account is a member. */
    Caller principalOf(String account) {
        Caller c = fresh(account);
        return isMember(c) ? inBucketOrganization(c) : c;
    }

    /** A principal of an account nobody names: a stranger, in no organization. */
    Caller outsider() {
        return fresh(witnesses.outsider());
    }

    private Caller fresh(String account) {
        String label = account.equals(perimeter.bucketAccount()) ? "a principal of the bucket's account (" + account + ")"
                : account.equals(witnesses.outsider()) ? "a principal of another account (" + account + ")"
                : "a principal of account " + account;
        return Caller.of(label, "arn:" + perimeter.partition() + ":iam::" + account + ":role/" + Witnesses.FRESH_ROLE);
    }

    private boolean isMember(Caller c) {
        return perimeter.orgId().isPresent() && memberAccounts.contains(c.principal().account().orElse(""));
    }

    private Caller inBucketOrganization(Caller c) {
        return c.inOrganization(perimeter.orgId(), perimeter.orgPaths(), true, "");
    }

    /** AWS service principals, service-linked roles of the bucket's account, and calls forwarded for its principals. */
    List<Caller> awsServices() {
        return all().stream().filter(c -> c.kind() == Caller.Kind.SERVICE
                || c.kind() == Caller.Kind.FORWARDED && ofBucketAccount(c)
                || c.serviceLinked() && ofBucketAccount(c)).toList();
    }

    private boolean ofBucketAccount(Caller c) {
        return c.principal().account().filter(perimeter.bucketAccount()::equals).isPresent();
    }

    /**
     * The callers outside the perimeter: all but its roles and administrator, the principals of its
     * trusted accounts, and (when they are inside) AWS services and what they forward.
     */
    List<Caller> outside() {
        Set<String> exempt = new HashSet<>(perimeterPrincipals(perimeter));
        List<Caller> services = perimeter.awsServiceAccess() ? awsServices() : List.of();
        Set<String> trusted = new HashSet<>(perimeter.trustedAccounts());
        return all().stream()
                .filter(c -> c.principalArn().map(a -> !exempt.contains(a)).orElse(true))
                .filter(c -> !(c.kind() == Caller.Kind.PRINCIPAL && c.principal().account().filter(trusted::contains).isPresent()))
                .filter(c -> !services.contains(c)).toList();
    }
}
