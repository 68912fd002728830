package dev.gtvpc.audit;

import dev.gtvpc.aws.AwsCallFailed;
import dev.gtvpc.aws.OrganizationsReader;
import dev.gtvpc.aws.OrganizationsReader.AttachedPolicy;
import dev.gtvpc.aws.OrganizationsReader.PolicyType;
import dev.gtvpc.layers.Layer;
import dev.gtvpc.layers.LayerPolicy;
import dev.gtvpc.layers.LayerShape;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.verify.Layers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The RCPs and SCPs of each account, read from AWS Organizations (or a directory shaped like its answers):
 * the account's chain of parents up to its root (ListParents), the policies attached to each (ListPoliciesForTarget),
 * and their texts (DescribePolicy), each read once for the whole audit.
 * <ul>
 * <li>RCPs: every customer RCP attached to the account, its OUs or its root. RCPFullAWSAccess is left out: it lets
 *     everything through and is at every level already ({@link LayerPolicy#RCP_FULL_AWS_ACCESS}).</li>
 * <li>SCPs: those attached to the root only. The layered proof takes each SCP as every member principal's
 *     ({@link Layers}); an SCP attached below the root binds only some accounts' principals, so counting its Deny for
 *     all of them could prove "outside-denied" for principals it does not reach. They are left out, and the notes say so.</li>
 * <li>The management account's buckets: neither RCPs nor SCPs reach them ("RCPs don't affect resources in the
 *     management account", orgs_manage_policies_rcps.html); only the bucket policy is asked, and the notes say why.</li>
 * </ul>
 * Without access to Organizations (access denied, AWSOrganizationsNotInUseException: the caller is not the management
 * account or a delegated administrator, or there is no organization), or when it cannot be read at all (the network, an
 * endpoint that is not Organizations), it says so once on stderr and every account is judged by its bucket policy alone,
 * marked as such; an account whose policies fail to read later is marked the same way.
 */
public final class OrganizationLayers implements OrgLayers {
    private static final Set<String> NO_ACCESS = Set.of("AWSOrganizationsNotInUseException", "AccessDeniedForDependencyException");
    // an organization nests OUs five deep under its root: a longer chain is a loop in what was read
    private static final int MAX_DEPTH = 8;

    private final OrganizationsReader reader;
    private final String from;
    private final Optional<Map<String, String>> principalTags;
    private final Optional<Map<String, String>> bucketTags;
    private final Consumer<String> warn;
    private final ConcurrentHashMap<String, AccountLayers> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<String>> parents = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<AttachedPolicy>> attached = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Loaded> policies = new ConcurrentHashMap<>();
    private OrganizationsReader.Organization organization;
    private String noAccess;
    private final java.util.concurrent.atomic.AtomicBoolean warned = new java.util.concurrent.atomic.AtomicBoolean();

    /** A policy as gtvpc read it, or why it could not. */
    private record Loaded(Optional<LayerPolicy> policy, Optional<String> problem) {
    }

    /**
     * @param from  where the policies come from, for people ("AWS Organizations", "--org-policies DIR")
     * @param warn  takes the one line said when Organizations cannot be read
     */
    public OrganizationLayers(OrganizationsReader reader, String from, Optional<Map<String, String>> principalTags,
            Optional<Map<String, String>> bucketTags, Consumer<String> warn) {
        this.reader = reader;
        this.from = from;
        this.principalTags = principalTags;
        this.bucketTags = bucketTags;
        this.warn = warn;
    }

    @Override
    public AccountLayers of(String account) {
        if (!AwsIds.isAccountId(account)) {
            return AccountLayers.bucketPolicyOnly("the bucket's account is not known, so neither are the organization's policies above it");
        }
        return accounts.computeIfAbsent(account, this::read);
    }

    /** Asks once whether the organization can be read: ListRoots answers only the management account or a delegated administrator. */
    private synchronized Optional<String> open() {
        if (organization == null && noAccess == null) {
            try {
                reader.roots();
                organization = reader.organization();
            } catch (AwsCallFailed e) {
                // the buckets can still be judged by their own policies, and every verdict will say that is all it asked
                boolean denied = e.reason() == AwsCallFailed.Reason.ACCESS_DENIED || NO_ACCESS.contains(e.errorCode());
                noAccess = (denied ? "no access to " : "cannot read ") + from + " (" + e.getMessage() + ")";
                warn("gtvpc: cannot read the organization's RCPs and SCPs: " + noAccess + "; it needs organizations:List* and"
                        + " organizations:Describe* on the management account or a delegated administrator. Every bucket is judged by"
                        + " its bucket policy alone and marked \"" + OrgMarks.BUCKET_POLICY_ONLY + "\".");
            }
        }
        return Optional.ofNullable(noAccess);
    }

    private AccountLayers read(String account) {
        Optional<String> denied = open();
        if (denied.isPresent()) {
            return AccountLayers.bucketPolicyOnly(denied.get());
        }
        try {
            return readMember(account);
        } catch (AwsCallFailed e) {
            warn("gtvpc: cannot read the RCPs and SCPs above account " + account + " (" + e.getMessage() + "): its buckets, and those of"
                    + " any other account this happens to, are judged by their bucket policies alone and marked \""
                    + OrgMarks.BUCKET_POLICY_ONLY + "\".");
            return AccountLayers.bucketPolicyOnly("cannot read " + from + " for account " + account + " (" + e.getMessage() + ")");
        }
    }

    private void warn(String line) {
        if (warned.compareAndSet(false, true)) {
            warn.accept(line);
        }
    }

    private AccountLayers readMember(String account) {
        Optional<String> org = Optional.of(organization.id());
        if (account.equals(organization.managementAccount())) {
            return new AccountLayers(Layers.NONE, org, principalTags, bucketTags, List.of("account " + account + " is the management"
                    + " account of " + organization.id() + ": RCPs don't affect resources in the management account, and SCPs don't affect"
                    + " its users or roles, so its bucket policies alone were asked"), Optional.empty());
        }
        Optional<List<String>> chain = ancestors(account);
        if (chain.isEmpty()) {
            return AccountLayers.bucketPolicyOnly("account " + account + " is not in organization " + organization.id()
                    + " as " + from + " tells it");
        }
        List<String> targets = new ArrayList<>(chain.get());
        targets.add(account);
        Map<String, LayerPolicy> rcps = new LinkedHashMap<>();
        for (String target : targets) {
            for (AttachedPolicy p : customer(target, PolicyType.RESOURCE_CONTROL_POLICY)) {
                if (!rcps.containsKey(p.id())) {
                    Loaded l = load(p, Layer.RCP, target);
                    if (l.problem().isPresent()) {
                        return AccountLayers.bucketPolicyOnly(l.problem().get());
                    }
                    rcps.put(p.id(), l.policy().get());
                }
            }
        }
        String root = targets.get(0);
        Map<String, LayerPolicy> scps = new LinkedHashMap<>();
        for (AttachedPolicy p : customer(root, PolicyType.SERVICE_CONTROL_POLICY)) {
            Loaded l = load(p, Layer.SCP, root);
            if (l.problem().isPresent()) {
                return AccountLayers.bucketPolicyOnly(l.problem().get());
            }
            scps.put(p.id(), l.policy().get());
        }
        List<String> below = new ArrayList<>();
        for (String target : targets.subList(1, targets.size())) {
            customer(target, PolicyType.SERVICE_CONTROL_POLICY).forEach(p -> below.add(p.id() + " (" + p.name() + ", attached to "
                    + target + ")"));
        }
        List<String> notes = new ArrayList<>();
        notes.add("organization " + organization.id() + " (" + from + "): RCPs asked: " + names(rcps) + "; SCPs asked: " + names(scps));
        if (!below.isEmpty()) {
            notes.add("SCPs attached below the root were not asked (" + String.join(", ", below) + "): gtvpc takes an SCP as every member"
                    + " principal's, and these bind only some; access they deny to the account's own principals is not seen");
        }
        Layers layers = new Layers(List.copyOf(rcps.values()), List.copyOf(scps.values()), List.of(), Optional.empty(), true);
        return new AccountLayers(layers, org, principalTags, bucketTags, notes, Optional.empty());
    }

    private static String names(Map<String, LayerPolicy> policies) {
        return policies.isEmpty() ? "none" : String.join(", ", policies.values().stream().map(LayerPolicy::source).toList());
    }

    /** The account's parents, its root first; empty when the account is not in the organization. */
    private Optional<List<String>> ancestors(String account) {
        List<String> chain = new ArrayList<>();
        String child = account;
        while (chain.isEmpty() || !chain.get(0).startsWith("r-")) {
            Optional<String> parent = parents.computeIfAbsent(child, reader::parent);
            if (parent.isEmpty()) {
                if (chain.isEmpty()) {
                    return Optional.empty();
                }
                throw new AwsCallFailed("ListParents", AwsCallFailed.Reason.OTHER, "", from + ": " + child + " has no parent, and it is not"
                        + " a root", null);
            }
            if (chain.contains(parent.get()) || chain.size() > MAX_DEPTH) {
                throw new AwsCallFailed("ListParents", AwsCallFailed.Reason.OTHER, "", from + ": the parents of " + account
                        + " do not lead to a root (" + parent.get() + ")", null);
            }
            chain.add(0, parent.get());
            child = parent.get();
        }
        return Optional.of(chain);
    }

    private List<AttachedPolicy> customer(String target, PolicyType type) {
        return attached.computeIfAbsent(type + " " + target, k -> reader.policiesFor(target, type)).stream()
                .filter(p -> !p.awsManaged()).toList();
    }

    private Loaded load(AttachedPolicy p, Layer layer, String target) {
        return policies.computeIfAbsent(layer + " " + p.id() + " " + target, k -> {
            String kind = layer == Layer.RCP ? "RCP " : "SCP ";
            String text = reader.policyText(p.id());
            PolicyReader.Result r = PolicyReader.parse(text);
            if (!r.ok()) {
                return new Loaded(Optional.empty(), Optional.of("gtvpc cannot read " + kind + p.id() + " (" + p.name() + "): "
                        + r.problems().get(0).format(p.id())));
            }
            LayerPolicy policy = new LayerPolicy(layer, p.id() + " (" + p.name() + ", attached to " + target + ")",
                    r.parsed().get().policy());
            Optional<String> mismatch = LayerShape.mismatch(layer, policy.policy());
            if (mismatch.isPresent()) {
                return new Loaded(Optional.empty(), Optional.of(kind + p.id() + " (" + p.name() + ") is not one gtvpc can prove over: it"
                        + " reads as " + mismatch.get()));
            }
            return new Loaded(Optional.of(policy), Optional.empty());
        });
    }
}
