package dev.gtvpc.audit;

import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.LintOptions;
import dev.gtvpc.lint.Linter;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.policy.io.ParsedPolicy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.policy.io.PolicyWriter;
import dev.gtvpc.space.Witnesses;
import dev.gtvpc.verify.Counterexample;
import dev.gtvpc.verify.PropertyResult;
import dev.gtvpc.verify.TrustedService;
import dev.gtvpc.verify.VerificationReport;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.verify.VerifyInputs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Judges buckets, proving each distinct policy once. Organisations stamp bucket policies from a few
 * templates that differ only in the bucket's own name, so the text is normalised (gtvpc's compact
 * layout, the bucket's own name in its ARNs replaced by {@value #PLACEHOLDER}) and the proof and lint
 * of that text, for that account and region, serve every bucket that has it; the bucket's name is put
 * back into what is shown. The bucket's account and its own VPCs and endpoints are replaced too (in the
 * policy and in the inside, see {@link SharedNames}) where that cannot change a decision: they are then
 * only names the policy matches exactly, so accounts stamped from one template share a proof.
 * Safe to call from several threads: two buckets with the same policy wait for one proof.
 */
public final class Prover {
    /** The bucket name proofs run on; every output replaces it with the bucket's own. */
    public static final String PLACEHOLDER = "gtvpc-audit-bucket";
    /** The account proofs shared across accounts run on; every output replaces it with the bucket's own. */
    static final String ACCOUNT_PLACEHOLDER = SharedNames.ACCOUNT;
    // bounds memory when an organization has more distinct policies than this: the cache starts again
    private static final int MAX_CACHED = 20_000;

    private final AuditSettings settings;
    private final ConcurrentHashMap<String, FutureTask<Outcome>> proofs = new ConcurrentHashMap<>();
    private final AtomicLong proved = new AtomicLong();
    // a record's text (bucket name replaced) -> what its proof runs on: most records skip parsing
    private final ConcurrentHashMap<String, Subject> subjects = new ConcurrentHashMap<>();
    private static final int MAX_SUBJECTS = 10_000;

    /** The policy text, account and inside a proof runs on, and the key it is kept under. */
    private record Subject(String key, String text, String account, AuditSettings.Inside inside, Optional<SharedNames> shared,
            AccountLayers layers) {
    }

    /** A proof's result for the placeholder bucket. */
    private record Outcome(Verdict verdict, String detail, List<BucketVerdict.Property> properties, List<BucketVerdict.Issue> findings,
            List<String> counterexample, List<String> notes, String policyId) {
    }

    private final boolean acrossAccounts;
    private final OrgLayers org;

    public Prover(AuditSettings settings) {
        this(settings, true, OrgLayers.NONE);
    }

    /** Each bucket judged with the organization's policies that apply to its account as well as its bucket policy. */
    public Prover(AuditSettings settings, OrgLayers org) {
        this(settings, true, org);
    }

    /** {@code acrossAccounts} false: every account gets its own proofs (the tests compare the two). */
    Prover(AuditSettings settings, boolean acrossAccounts) {
        this(settings, acrossAccounts, OrgLayers.NONE);
    }

    private Prover(AuditSettings settings, boolean acrossAccounts, OrgLayers org) {
        this.settings = settings;
        this.acrossAccounts = acrossAccounts;
        this.org = org;
    }

    /** How many distinct proofs were run (the rest of the buckets shared one). */
    public long distinctProofs() {
        return proved.get();
    }

    public BucketVerdict judge(BucketRecord r) {
        AccountLayers layers = org.of(r.account());
        BucketVerdict v = judge(r, layers);
        return layers.bucketPolicyOnly().isEmpty() ? v : OrgMarks.bucketPolicyOnly(v, layers.bucketPolicyOnly().get());
    }

    private BucketVerdict judge(BucketRecord r, AccountLayers layers) {
        if (r.unreadable().isPresent()) {
            return simple(r, Verdict.UNREADABLE, r.unreadable().get());
        }
        if (r.policy().isEmpty()) {
            return simple(r, Verdict.NO_POLICY, "the bucket has no bucket policy");
        }
        if (r.region().isEmpty()) {
            return simple(r, Verdict.UNREADABLE, "the record names no region, and --region was not given");
        }
        if (!AwsIds.isRegionName(r.region())) {
            return simple(r, Verdict.UNREADABLE, "'" + r.region() + "' is not an AWS Region name");
        }
        String account = r.account().isEmpty() ? Witnesses.UNKNOWN_ACCOUNT : r.account();
        // the record's own text with its bucket's ARNs replaced as normalise replaces them: equal texts normalise alike,
        // so a bucket stamped from a template already seen (in this account and region) is not parsed again
        String raw = account + '\n' + r.region() + '\n' + layers.key() + '\n' + withPlaceholder(r.policy().get(), r.bucket());
        Subject subject = subjects.get(raw);
        if (subject == null) {
            PolicyReader.Result read = PolicyReader.parse(r.policy().get());
            if (!read.ok()) {
                return simple(r, Verdict.UNREADABLE, "gtvpc cannot read the policy: " + read.problems().get(0).format("policy"));
            }
            Policy policy = read.parsed().get().policy();
            subject = subject(policy, normalise(policy, r.bucket()), account, r.region(), r.account().isEmpty(), layers);
            if (subjects.size() >= MAX_SUBJECTS) {
                subjects.clear();
            }
            subjects.put(raw, subject);
        }
        Optional<SharedNames> shared = subject.shared();
        Outcome o = outcome(subject, r.region(), r.account().isEmpty());
        UnaryOperator<String> named = shared.isPresent() ? t -> shared.get().back(named(t, r.bucket())) : t -> named(t, r.bucket());
        return new BucketVerdict(r, o.verdict(), named.apply(o.detail()),
                o.properties().stream().map(p -> new BucketVerdict.Property(p.property(), named.apply(p.subject()), p.status()))
                        .toList(),
                o.findings().stream().map(f -> new BucketVerdict.Issue(f.ruleId(), f.severity(), named.apply(f.message()))).toList(),
                o.counterexample().stream().map(named).toList(),
                o.notes().stream().map(named).toList(), o.policyId());
    }

    /** What a proof is run on for a normalised policy of {@code account} in {@code region}, and under which key it is kept. */
    private Subject subject(Policy policy, String normalised, String account, String region, boolean accountAssumed,
            AccountLayers layers) {
        AuditSettings.Inside inside = settings.insideOf(account);
        // renaming is argued sound for the bucket policy alone: an RCP or SCP could compare the real names by pattern, so
        // accounts under organization policies keep their own proofs
        Optional<SharedNames> shared = acrossAccounts && !accountAssumed && layers.key().isEmpty()
                ? SharedNames.of(policy, normalised, inside, account, settings.service()) : Optional.empty();
        String proofAccount = shared.isPresent() ? ACCOUNT_PLACEHOLDER : account;
        String text = shared.map(n -> n.text(normalised)).orElse(normalised);
        AuditSettings.Inside proofInside = shared.map(n -> n.inside(inside)).orElse(inside);
        // without layers the key (and so the policy ID every output shows) is what it was before the organization was asked
        String layered = layers.key().isEmpty() ? "" : layers.key() + '\n';
        return new Subject(proofAccount + '\n' + region + '\n' + proofInside + '\n' + layered + text, text, proofAccount, proofInside,
                shared, layers);
    }

    private Outcome outcome(Subject subject, String region, boolean accountAssumed) {
        String key = subject.key();
        FutureTask<Outcome> task = proofs.get(key);
        if (task == null) {
            if (proofs.size() >= MAX_CACHED) {
                proofs.clear();
            }
            FutureTask<Outcome> mine = new FutureTask<>(() -> prove(key, subject.text(), subject.account(), region, accountAssumed,
                    subject.inside(), subject.layers()));
            task = proofs.putIfAbsent(key, mine);
            if (task == null) {
                task = mine;
                proved.incrementAndGet();
                mine.run();
            }
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a proof", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The bucket's own name in the policy's S3 ARNs, replaced so that buckets stamped from one template share a proof. */
    static String normalise(Policy policy, String bucket) {
        return withPlaceholder(PolicyWriter.compact(policy), bucket);
    }

    private static String withPlaceholder(String text, String bucket) {
        return text.replace(":::" + bucket + "\"", ":::" + PLACEHOLDER + "\"").replace(":::" + bucket + "/", ":::" + PLACEHOLDER + "/");
    }

    private static String named(String text, String bucket) {
        return text.replace(PLACEHOLDER, bucket);
    }

    private static BucketVerdict simple(BucketRecord r, Verdict v, String detail) {
        return new BucketVerdict(r, v, detail, List.of(), List.of(), List.of(), List.of(), "");
    }

    private Outcome prove(String key, String normalised, String account, String region, boolean accountAssumed,
            AuditSettings.Inside inside, AccountLayers layers) {
        ParsedPolicy parsed = PolicyReader.parse(normalised).parsed().orElseThrow(() ->
                new IllegalStateException("gtvpc's own compact form of a policy did not read back"));
        Policy policy = parsed.policy();
        String partition = AwsIds.partitionOf(region);
        List<String> notes = new ArrayList<>();
        List<VerifyInputs.TrustedEndpoint> trusted = new ArrayList<>();
        TrustedService service = settings.service();
        if (settings.checkService()) {
            service.in(region).ifPresentOrElse(trusted::add, () -> notes.add(service.name() + "'s endpoint in " + region
                    + " is not in the region table: " + service.property() + " was not checked"));
        }
        List<String> vpcs = inside.vpcs();
        List<String> vpces = inside.vpces();
        Optional<String> orgId = inside.orgId().or(layers::orgId);
        notes.addAll(layers.notes());
        RcpExceptions exceptions = RcpExceptions.NONE;
        if (!inside.namesNetwork()) {
            // the VPCs by ID and, as generate writes them by default, by ARN
            Set<String> ownVpcs = new LinkedHashSet<>(named(policy, "aws:sourcevpc", AwsIds::isVpcId, false));
            named(policy, "aws:sourcevpcarn", v -> true, false).forEach(v -> vpcByArn(v, account, region, partition).ifPresent(ownVpcs::add));
            vpcs = List.copyOf(ownVpcs);
            vpces = named(policy, "aws:sourcevpce", v -> AwsIds.isVpceId(v) && !isServiceEndpoint(v), false);
            if (!vpcs.isEmpty() || !vpces.isEmpty()) {
                List<String> all = new ArrayList<>(vpcs);
                all.addAll(vpces);
                notes.add("no --vpc/--vpce for account " + account + ": the networks the policy names (" + String.join(", ", all)
                        + ") were taken to be the account's own; the proof shows everyone else is kept out, not that they are yours");
            } else {
                exceptions = RcpExceptions.of(layers.layers().rcps(), account, orgId, partition);
                if (exceptions.any()) {
                    notes.add("the bucket policy names no network and the organization's RCPs draw the perimeter: what they exempt ("
                            + exceptions.describe() + ") was taken to be inside; the proof shows everyone else is kept out");
                }
            }
        }
        List<String> roles = inside.roles();
        if (roles.isEmpty() && !exceptions.roles().isEmpty()) {
            roles = exceptions.roles();
        } else if (roles.isEmpty()) {
            roles = named(policy, "aws:principalarn", v -> !Wildcards.hasWildcard(v) && AwsIds.checkPrincipalArn(v, partition).isEmpty()
                    && Arn.parse(v).map(a -> a.account().equals(account)).orElse(false), true);
            if (!roles.isEmpty()) {
                notes.add("no --role-arn for account " + account + ": the principals of the account that the policy exempts ("
                        + String.join(", ", roles) + ") were taken to be trusted");
            }
        }
        if (accountAssumed) {
            notes.add("the bucket's account was not given: it was taken to be " + Witnesses.UNKNOWN_ACCOUNT + ", an account no policy names");
        }
        VerifyInputs inputs = VerifyInputs.of(region, partition, PLACEHOLDER, account)
                .withServiceEndpoints(trusted)
                .withNetwork(vpcs, vpces, exceptions.cidrs())
                .withPrincipals(roles, inside.admin())
                .withOrganization(orgId, List.of())
                .withAwsServiceAccess(exceptions.awsServices())
                .withTagsAndEndpoints(orgId.isPresent() ? layers.principalTags() : Optional.empty(), layers.bucketTags(),
                        exceptions.orgEndpoints(), exceptions.endpointAccounts());
        VerificationReport report = Verifier.verify(policy, "the bucket policy", layers.layers(), inputs, Optional.empty(), false);
        // lint's own-network rules take the user's word for which networks are theirs: only what was given
        List<Finding> lint = new Linter(new LintOptions(Optional.of(region), Optional.of(PLACEHOLDER), inside.vpcs(), inside.vpces(), Set.of()),
                service).lint(parsed);
        List<BucketVerdict.Issue> issues = lint.stream().filter(f -> f.severity().reaches(Severity.SECURITY_WARNING))
                .map(f -> new BucketVerdict.Issue(f.ruleId(), f.severity().id(), f.message())).toList();
        report.notes().forEach(n -> notes.add(n));
        report.samplingNotes().stream().distinct().forEach(n -> notes.add("sampled, not exhaustive: " + n));
        List<BucketVerdict.Property> properties = report.results().stream()
                .map(p -> new BucketVerdict.Property(p.property(), p.subject(), p.status().name())).toList();
        Outcome decided = decide(report, service, issues, properties, notes, policyId(key));
        return layers.layers().layered() ? withProof(decided, report) : decided;
    }

    /** A proved verdict over layers says which layers' statements kept the outside out. */
    private static Outcome withProof(Outcome o, VerificationReport report) {
        if (o.verdict() != Verdict.GT_READY && o.verdict() != Verdict.PERIMETER_PROVED) {
            return o;
        }
        Optional<String> by = report.results().stream().filter(p -> p.property().equals("outside-denied")).findFirst()
                .flatMap(PropertyResult::reason);
        return by.isEmpty() ? o : new Outcome(o.verdict(), o.detail() + "; outside-denied " + by.get(), o.properties(), o.findings(),
                o.counterexample(), o.notes(), o.policyId());
    }

    private static Outcome decide(VerificationReport report, TrustedService service, List<BucketVerdict.Issue> issues,
            List<BucketVerdict.Property> properties, List<String> notes, String id) {
        Optional<BucketVerdict.Issue> open = issues.stream().filter(i -> i.ruleId().equals("public-allow")).findFirst();
        Optional<PropertyResult> refuted = report.results().stream()
                .filter(p -> !p.property().equals(service.property()) && p.status() == PropertyResult.Status.REFUTED).findFirst();
        Optional<PropertyResult> broken = refuted.or(() -> serviceResult(report, service)
                .filter(p -> p.status() == PropertyResult.Status.REFUTED));
        List<String> counterexample = broken.flatMap(p -> p.counterexample().map(c -> lines(p.property(), c))).orElse(List.of());
        if (open.isPresent()) {
            return new Outcome(Verdict.PUBLIC, open.get().message(), properties, issues, counterexample, notes, id);
        }
        Optional<BucketVerdict.Issue> lockout = issues.stream().filter(i -> i.ruleId().equals("lockout-risk")).findFirst();
        if (lockout.isPresent()) {
            return new Outcome(Verdict.LOCKOUT_RISK, lockout.get().message(), properties, issues, counterexample, notes, id);
        }
        if (refuted.isPresent()) {
            PropertyResult p = refuted.get();
            return new Outcome(Verdict.REFUTED, p.property() + " refuted (" + p.subject() + ")" + p.reason().map(r -> ": " + r).orElse(""),
                    properties, issues, counterexample, notes, id);
        }
        Optional<PropertyResult> open2 = report.results().stream()
                .filter(p -> !p.property().equals(service.property()) && p.status() != PropertyResult.Status.PROVED).findFirst();
        if (open2.isPresent()) {
            PropertyResult p = open2.get();
            return new Outcome(Verdict.UNPROVED, p.property() + " " + p.status().name().toLowerCase(Locale.ROOT)
                    + p.reason().map(r -> ": " + r).orElse(""), properties, issues, counterexample, notes, id);
        }
        Optional<PropertyResult> gt = serviceResult(report, service);
        if (gt.isPresent() && gt.get().status() == PropertyResult.Status.PROVED) {
            return new Outcome(Verdict.GT_READY, "perimeter proved and " + service.name() + "'s endpoint gets in", properties, issues,
                    counterexample, notes, id);
        }
        String why = gt.map(p -> service.name() + ": " + p.property() + " " + p.status().name().toLowerCase(Locale.ROOT)
                + p.reason().map(r -> ": " + r).orElse("")).orElse(service.name() + " was not checked");
        return new Outcome(Verdict.PERIMETER_PROVED, "perimeter proved; " + why, properties, issues, counterexample, notes, id);
    }

    /** The result of the property that checks the trusted service's endpoint gets in. */
    private static Optional<PropertyResult> serviceResult(VerificationReport report, TrustedService service) {
        return report.results().stream().filter(p -> p.property().equals(service.property())).findFirst();
    }

    private static List<String> lines(String property, Counterexample c) {
        List<String> out = new ArrayList<>();
        out.add(property + ": " + c.request().action() + " on " + c.request().resource() + " by " + c.caller().label() + " from " + c.origin()
                + " is " + c.decision().map(d -> d.name()).orElse("undecided")
                + (c.statements().isEmpty() ? "" : " by statement " + String.join(", ", c.statements())));
        List<String> context = new ArrayList<>();
        c.request().context().entries().forEach(e -> context.add(e.key() + "=" + String.join(",", e.values())));
        if (!context.isEmpty()) {
            out.add("context: " + String.join(" ", context));
        }
        out.addAll(c.errors());
        return out;
    }

    /** Every value of condition key {@code key} (any case) that {@code accept} takes, under negated operators only if asked. */
    private static List<String> named(Policy policy, String key, java.util.function.Predicate<String> accept, boolean negatedOnly) {
        Set<String> out = new LinkedHashSet<>();
        for (PolicyScan.EntryAt e : PolicyScan.of(policy).entriesOf(key)) {
            if (!negatedOnly || e.block().operator().type().map(OperatorType::negated).orElse(false)) {
                e.values().stream().filter(accept).forEach(out::add);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The VPC an aws:SourceVpcArn value ({@code arn:PARTITION:ec2:REGION:ACCOUNT:vpc/VPC_ID}) names, as the perimeter takes
     * one: its ID when it is of the bucket's Region (or any, {@code *}) and account (or any, {@code *}: the VPC is taken to
     * be the account's, as an aws:SourceVpc ID is), else its ARN (a VPC of another Region, reached through a cross-Region
     * endpoint, or of another owner, a shared VPC). Empty for a pattern of VPC IDs or anything but a VPC's ARN.
     */
    static Optional<String> vpcByArn(String value, String account, String region, String partition) {
        Optional<Arn> arn = Arn.parse(value).filter(a -> a.partition().equals(partition) && a.service().equals("ec2")
                && (a.region().equals("*") || AwsIds.isRegionName(a.region())) && (a.account().equals("*") || AwsIds.isAccountId(a.account()))
                && a.resource().startsWith("vpc/") && AwsIds.isVpcId(a.resource().substring("vpc/".length())));
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        String id = arn.get().resource().substring("vpc/".length());
        String owner = arn.get().account().equals("*") ? account : arn.get().account();
        String vpcRegion = arn.get().region().equals("*") ? region : arn.get().region();
        if (owner.equals(account) && vpcRegion.equals(region)) {
            return Optional.of(id);
        }
        return Optional.of(new Arn(partition, "ec2", vpcRegion, owner, "vpc/" + id).toString());
    }

    private boolean isServiceEndpoint(String vpce) {
        return settings.service().isEndpoint(vpce);
    }

    private static String policyId(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                b.append(String.format(Locale.ROOT, "%02x", d[i]));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
