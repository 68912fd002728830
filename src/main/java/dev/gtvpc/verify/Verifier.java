package dev.gtvpc.verify;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestNotes;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.space.ActionClass;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.RequestSpace;
import dev.gtvpc.space.Witnesses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proves or refutes the properties of a perimeter bucket policy over the request space.
 *
 * <ul>
 * <li>one property per trusted service endpoint ({@code gt-can-access} for Ground Truth's): the endpoint,
 *     from a VPC that is not the user's, as any principal of the bucket's account, is not denied its actions;</li>
 * <li>{@code vpc-can-access} / {@code vpce-can-access}: each named VPC (through any endpoint) and each
 *     named endpoint (from any VPC) is not denied the protected actions;</li>
 * <li>{@code cidr-can-access}: each address range, over the internet, is not denied them;</li>
 * <li>{@code role-can-access}: each named role, and its sessions, from anywhere, is not denied them;</li>
 * <li>{@code account-can-access}: each trusted account's principals, from anywhere, are not denied them;</li>
 * <li>{@code aws-service-can-access} (asked for): AWS services acting on their own, service-linked roles and
 *     calls an AWS service forwards for the organization's principals are not denied them;</li>
 * <li>{@code outside-denied}: every other origin and principal is explicitly denied each protected action;</li>
 * <li>{@code owner-can-manage}: the administrator keeps Get/Put/DeleteBucketPolicy from anywhere;</li>
 * <li>{@code equivalent-to}: two policies decide every request alike.</li>
 * </ul>
 * A property that checked no request, or an access property whose requests no statement reaches (by
 * principal, action and resource: the policy is about other buckets, actions or principals), is VACUOUS,
 * never PROVED: there was nothing to prove. {@code owner-can-manage} is the exception to the second rule:
 * a policy silent on the policy actions is exactly one that keeps the administrator in. When the bucket account's
 * organization is not given and a policy tests the organization keys, every property is checked with
 * the bucket's account in the policy's organization and in none; where the two differ it DEPENDS on it.
 * Requests are tried simplest first (no other condition key, the internet first), so the first
 * counterexample is a minimal one.
 */
public final class Verifier {
    public static final List<String> POLICY_ACTIONS = List.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");
    private static final List<String> ORGANIZATION_KEYS = List.of("aws:PrincipalOrgID", "aws:ResourceOrgID", "aws:PrincipalOrgPaths",
            "aws:ResourceOrgPaths");

    /** What a layered proof takes for granted, in one line (README "Layered perimeters"). */
    static final String LAYERED_ASSUMPTIONS = "layers: each --rcp is attached above the bucket's account and each --scp beside FullAWSAccess"
            + " above the organization's principals; endpoints not yours have their owners' policies, taken as letting everything through;"
            + " ACLs are not asked (a request of another account or anonymous that no bucket policy Allow grants is denied, as with"
            + " Object Ownership 'bucket owner enforced', the default since April 2023); permission boundaries and session policies are"
            + " not modelled";

    private Verifier() {
    }

    public static VerificationReport verify(Policy policy, VerifyInputs in, Optional<Policy> equivalentTo) {
        return verify(policy, in, equivalentTo, false);
    }

    /** With {@code matrix}, the report also holds the access matrix (it costs a few evaluations per row). */
    public static VerificationReport verify(Policy policy, VerifyInputs in, Optional<Policy> equivalentTo, boolean matrix) {
        return verify(policy, "the bucket policy", Layers.NONE, in, equivalentTo, matrix);
    }

    /**
     * Over every layer of {@code layers} as well as the bucket policy ({@code source} names its file in
     * counterexamples and proofs). The access matrix and {@code equivalent-to} stay the bucket policy's own.
     */
    public static VerificationReport verify(Policy policy, String source, Layers layers, VerifyInputs in, Optional<Policy> equivalentTo,
            boolean matrix) {
        List<Policy> policies = new ArrayList<>();
        policies.add(policy);
        equivalentTo.ifPresent(policies::add);
        policies.addAll(layers.policies());
        Bucket bucket = new Bucket(policy, source, layers);
        Optional<String> assumedOrg = in.orgId().isPresent() ? Optional.empty() : organizationTested(policies);
        if (assumedOrg.isEmpty()) {
            return verifyIn(bucket, in, equivalentTo, matrix, policies);
        }
        VerificationReport inside = verifyIn(bucket, in.withOrganization(assumedOrg, orgPathsFor(policies, assumedOrg.get())),
                equivalentTo, matrix, policies);
        VerificationReport outside = verifyIn(bucket, in, equivalentTo, false, policies);
        List<PropertyResult> results = new ArrayList<>();
        for (int i = 0; i < inside.results().size(); i++) {
            PropertyResult a = inside.results().get(i);
            PropertyResult b = outside.results().get(i);
            if (a.status() == b.status()) {
                results.add(a);
                continue;
            }
            PropertyResult refuted = a.status() == PropertyResult.Status.PROVED ? b : a;
            results.add(new PropertyResult(a.property(), a.subject(), PropertyResult.Status.DEPENDS, a.requests() + b.requests(),
                    refuted.counterexample(), Optional.of(a.status() + " if the bucket's account is in organization " + assumedOrg.get()
                            + " (the policy's), " + b.status() + " if it is in none; give --org-id to say which")));
        }
        List<String> notes = new ArrayList<>(inside.samplingNotes());
        List<String> assumed = new ArrayList<>(inside.notes());
        assumed.add("the bucket account's organization was not given and the policy tests it: each property was checked with the"
                + " bucket's account in " + assumedOrg.get() + " and in no organization");
        return new VerificationReport(results, notes, inside.matrix(), assumed);
    }

    /** The bucket policy, the file it was read from, and the layers asked with it. */
    private record Bucket(Policy policy, String source, Layers layers) {
    }

    private static VerificationReport verifyIn(Bucket bucket, VerifyInputs in, Optional<Policy> equivalentTo, boolean matrix,
            List<Policy> policies) {
        Policy policy = bucket.policy();
        Properties v = new Properties(policy, bucket.source(), bucket.layers(), in, RequestSpace.of(policies, in, S3ActionCatalog.bundled()));
        RequestSpace space = v.space();
        List<PropertyResult> results = new ArrayList<>();
        List<ActionClass> protectedActions = v.protectedActions();
        for (VerifyInputs.TrustedEndpoint t : in.serviceEndpoints()) {
            results.add(v.trustedEndpointCanAccess(t));
        }
        // Values every policy literal compares alike with decide every request alike, so one proof per class
        // serves them all; a refuted one is checked again from its class's counterexample (Properties.shared).
        Map<String, PropertyResult> decidedByClass = new LinkedHashMap<>();
        for (String vpc : in.vpcs()) {
            String rep = space.representative("aws:SourceVpc", vpc, in.vpcs());
            results.add(v.shared(decidedByClass, "vpc " + rep, vpc, (subject, decided) -> v.canAccess("vpc-can-access", subject,
                    space.throughVpc(subject), v.memberPrincipals(), protectedActions, decided)));
        }
        for (String vpce : in.vpces()) {
            String rep = space.representative("aws:SourceVpce", vpce, in.vpces());
            // an endpoint policy given for one endpoint tells it apart from the rest of its class
            String key = "vpce " + rep + " " + bucket.layers().endpointPolicyOf(vpce).orElse("");
            results.add(v.shared(decidedByClass, key, vpce, (subject, decided) -> v.canAccess("vpce-can-access", subject,
                    space.throughEndpoint(subject), v.memberPrincipals(), protectedActions, decided)));
        }
        if (in.organizationEndpoints()) {
            results.add(v.canAccess("org-endpoint-can-access", "endpoints of " + in.orgId().orElse("the bucket account's organization"),
                    space.organizationEndpointOrigins(), v.memberPrincipals(), protectedActions));
        }
        for (String account : in.endpointAccounts()) {
            results.add(v.canAccess("endpoint-account-can-access", "endpoints of " + account, space.endpointOriginsOf(account),
                    v.memberPrincipals(), protectedActions));
        }
        for (String cidr : in.cidrs()) {
            results.add(v.canAccess("cidr-can-access", cidr + " over the internet", space.internetOrigins(cidr, false),
                    v.memberPrincipals(), protectedActions));
        }
        for (String role : in.roleArns()) {
            results.add(v.canAccess("role-can-access", role, space.origins(), v.callersOf(role), protectedActions));
        }
        for (String account : in.trustedAccounts()) {
            results.add(v.canAccess("account-can-access", account + " from anywhere", space.origins(), v.principalsOf(account),
                    protectedActions));
        }
        if (in.awsServiceAccess()) {
            results.add(v.canAccess("aws-service-can-access", "AWS services, service-linked roles, and calls through AWS services",
                    space.origins(), space.awsServiceCallers(), protectedActions));
        }
        results.add(UnnamedExemptions.explain(v.outsideDenied(protectedActions), PolicyScan.of(policies), in));
        in.adminArn().ifPresent(admin -> results.add(v.keepsPolicyActions("owner-can-manage", admin, space.origins(), v.callersOf(admin))));
        equivalentTo.ifPresent(other -> results.add(Equivalence.check(policy, other, space)));
        List<String> assumed = new ArrayList<>(space.impossibleValues());
        assumed.addAll(space.assumptions());
        if (bucket.layers().layered()) {
            assumed.add(LAYERED_ASSUMPTIONS);
        }
        return new VerificationReport(results, space.samplingNotes(), matrix ? Matrix.of(policy, in, v, protectedActions) : null, assumed);
    }

    private static Properties properties(Policy policy, VerifyInputs in, List<Policy> spaceOf) {
        return new Properties(policy, in, RequestSpace.of(spaceOf, in, S3ActionCatalog.bundled()));
    }

    /** The first organization ID a policy's organization keys name, when one does: the organization to assume. */
    private static Optional<String> organizationTested(List<Policy> policies) {
        PolicyScan scan = PolicyScan.of(policies);
        for (PolicyScan.EntryAt e : scan.conditionEntries()) {
            if (ORGANIZATION_KEYS.stream().anyMatch(e.key()::equalsIgnoreCase)) {
                for (String v : e.values()) {
                    String org = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
                    if (org.matches("o-[a-z0-9]{10,32}")) {
                        return Optional.of(org);
                    }
                }
                return Optional.of(Witnesses.ASSUMED_ORG);
            }
        }
        return Optional.empty();
    }

    /** Organization paths the policies name under {@code org}, as a member's aws:PrincipalOrgPaths (witnesses for patterns). */
    private static List<String> orgPathsFor(List<Policy> policies, String org) {
        PolicyScan scan = PolicyScan.of(policies);
        for (PolicyScan.EntryAt e : scan.conditionEntries()) {
            if (e.lowerKey().endsWith("orgpaths")) {
                Optional<String> path = e.values().stream().filter(v -> v.startsWith(org + "/")).findFirst();
                if (path.isPresent()) {
                    return List.of(Witnesses.witness(path.get()));
                }
            }
        }
        return List.of();
    }

    /** The access matrix alone, without proving the properties: over --actions, else what the Deny covers. */
    public static AccessMatrix accessMatrix(Policy policy, VerifyInputs in) {
        Properties v = properties(policy, in, List.of(policy));
        return Matrix.of(policy, in, v, v.protectedActions());
    }

    /**
     * The access matrices of several policies over one request space, so that they have the same
     * origins, callers and actions in the same order and can be compared cell by cell: each policy's
     * own space would tell apart only the values that policy names, and the shapes would differ.
     */
    public static List<AccessMatrix> accessMatrices(List<Policy> policies, VerifyInputs in) {
        RequestSpace space = RequestSpace.of(policies, in, S3ActionCatalog.bundled());
        List<ActionClass> actions = new ArrayList<>();
        for (Policy p : policies) {
            for (ActionClass a : new Properties(p, in, space).protectedActions()) {
                if (!actions.contains(a)) {
                    actions.add(a);
                }
            }
        }
        return policies.stream().map(p -> Matrix.of(p, in, new Properties(p, in, space), actions)).toList();
    }

    /** The equivalent-to property alone: whether the two policies decide every request alike. */
    public static PropertyResult equivalence(Policy policy, Policy other, VerifyInputs in) {
        return Equivalence.check(policy, other, RequestSpace.of(List.of(policy, other), in, S3ActionCatalog.bundled()));
    }

    /**
     * Whether the caller of an apply keeps s3:GetBucketPolicy, s3:PutBucketPolicy and
     * s3:DeleteBucketPolicy on the bucket from where it works: the internet, or through
     * {@code callerVpce} from any VPC. gtvpc cannot see the caller's address, so unless
     * {@code callerIp} names it, this must hold for every address class the policy distinguishes: a
     * policy that keeps the caller in only from some addresses is a lock-out risk. Requests through an
     * endpoint carry no aws:SourceIp (AWS sets aws:VpcSourceIp instead). A policy that says nothing
     * about these actions keeps the caller in: that is PROVED here, not vacuous.
     *
     * @param callerArn the caller's own ARN (a session's, for a role: aws:PrincipalArn is then its role's)
     */
    public static PropertyResult callerKeepsPolicyAccess(Policy policy, VerifyInputs in, String callerArn, Optional<String> callerVpce,
            Optional<String> callerIp) {
        Properties v = properties(policy, in, List.of(policy));
        RequestSpace space = v.space();
        Caller caller = Caller.of(callerArn, callerArn);
        List<Origin> origins = new ArrayList<>();
        if (callerVpce.isPresent()) {
            for (String vpc : space.vpcClasses()) {
                for (Origin o : space.endpointOrigins(callerVpce.get(), vpc)) {
                    origins.add(callerIp.isPresent() && space.tests("aws:VpcSourceIp")
                            ? space.endpointAt(callerVpce.get(), vpc, in.bucketAccount(), callerIp) : o);
                }
            }
        } else if (callerIp.isPresent() && space.tests("aws:SourceIp")) {
            origins.add(space.internetAt(callerIp.get()));
        } else {
            origins.addAll(space.internetOrigins(null, false));
        }
        String where = callerVpce.map(e -> "through " + e).orElse("from the internet") + callerIp.map(ip -> " at " + ip).orElse("");
        PropertyResult r = v.keepsPolicyActions("caller-keeps-policy-access", callerArn + " " + where,
                List.copyOf(new LinkedHashSet<>(origins)), List.of(caller));
        // STS names the caller by its session ARN, which hides the role's path that aws:PrincipalArn holds
        List<String> notes = RequestNotes.of(policy, new Request(POLICY_ACTIONS.get(0), in.bucketArn(), caller.principal(),
                Optional.of(in.bucketAccount()), ContextKeys.of(caller.context())), true);
        return notes.isEmpty() || r.status() == PropertyResult.Status.PROVED ? r
                : new PropertyResult(r.property(), r.subject(), r.status(), r.requests(), r.counterexample(), Optional.of(notes.get(0)));
    }
}
