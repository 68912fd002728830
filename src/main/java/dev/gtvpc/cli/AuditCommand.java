package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.audit.AccountSource;
import dev.gtvpc.audit.AccountsFile;
import dev.gtvpc.audit.Audit;
import dev.gtvpc.audit.AuditSettings;
import dev.gtvpc.audit.AuditSink;
import dev.gtvpc.audit.AuditSummary;
import dev.gtvpc.audit.ConfigAggregatorSource;
import dev.gtvpc.audit.Filter;
import dev.gtvpc.audit.OrgLayers;
import dev.gtvpc.audit.PolicyFiles;
import dev.gtvpc.audit.Prover;
import dev.gtvpc.audit.RecordSource;
import dev.gtvpc.audit.Verdict;
import dev.gtvpc.aws.AwsService;
import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.render.AuditRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit",
        header = "Prove the perimeter of every bucket of an account or an organization, and say which are not.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Reads many bucket policies and gives each bucket a verdict: gt-ready (the perimeter is proved and Ground Truth's"
                    + " endpoint gets in), perimeter-proved (proved; Ground Truth is kept out or was not asked about), refuted (a"
                    + " request breaks the perimeter: the counterexample is shown), public (anonymous callers or any AWS account"
                    + " are allowed), lockout-risk (administrators would lose Get/Put/DeleteBucketPolicy), unproved (vacuous, or it"
                    + " depends on what was not given), no-policy, unreadable (the read failed: nothing is known).",
            "",
            "\"The perimeter\" is the verify properties: outside-denied (every origin and principal but the inside is denied the"
                    + " actions the policy's Deny covers), vpc-can-access, vpce-can-access and role-can-access for the inside, and"
                    + " gt-can-access for Ground Truth's endpoint of the bucket's region. The inside is --vpc/--vpce/--role-arn;"
                    + " when they are not given, the networks the policy names and the principals of the bucket's account it"
                    + " exempts are taken as the inside, and every bucket's output says so.",
            "",
            "Buckets whose policies differ only in the bucket's own name are proved once. The offline source (--policies) talks"
                    + " to no AWS service.",
            ""},
        footerHeading = "%nExit codes: 0 done (no bucket has a --fail-on verdict), 1 a bucket has one, 2 bad input, 3 AWS or network error.%n",
        footer = {
            "",
            "Examples:",
            "  gtvpc audit --policies collected/ --region us-east-1 --bucket-account 111122223333",
            "  gtvpc audit --policies buckets.jsonl --format csv > audit.csv",
            "  gtvpc audit --policies buckets.jsonl --fail-on public,lockout-risk,refuted --filter account=111122223333",
            "  gtvpc audit --account --region us-east-1 --vpc vpc-0abc1234def567890 --format csv > buckets.csv",
            "  gtvpc audit --config-aggregator org-inventory --region us-east-1 --filter tag:data=labeling --format sarif"})
public final class AuditCommand implements Callable<Integer>, OptionWording.Worded, AwsOptions.Reaching {
    @Spec
    CommandSpec spec;

    @Option(names = "--policies", paramLabel = "DIR|FILE.jsonl",
            description = "Policies already collected: a directory of BUCKET.json files (an empty file: no policy), or JSON Lines"
                    + " (- for standard input), one {\"bucket\", \"account\", \"region\", \"policy\", \"tags\"} per line, or AWS Config"
                    + " results ({\"resourceName\", \"accountId\", \"awsRegion\", \"supplementaryConfiguration\"}). Offline.")
    Path policies;

    @Option(names = "--account",
            description = "The caller's own account: ListBuckets (every page) and GetBucketPolicy for each bucket, --concurrency at a"
                    + " time. Needs s3:ListAllMyBuckets and s3:GetBucketPolicy.")
    boolean account;

    @Option(names = "--config-aggregator", paramLabel = "NAME",
            description = "Every bucket of an AWS Config aggregator (an organization's), with SelectAggregateResourceConfig: a count"
                    + " per account and region, then the policies of each, --concurrency queries at a time. Needs"
                    + " config:SelectAggregateResourceConfig only.")
    String aggregator;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Requests in flight: GetBucketPolicy with --account (default 16), AWS Config queries (one per account and"
                    + " region) with --config-aggregator (default 8; AWS Config throttles above about 10). Throttled requests back"
                    + " off one by one, the others go on.")
    Integer concurrency;

    @Mixin
    Inside.OptionalRegion region;

    @Mixin
    Inside.BucketAccount bucketAccount;

    @Mixin
    Inside.OptionalVpcs vpcs;

    @Mixin
    Inside.Vpces vpces;

    @Mixin
    Inside.Roles roles;

    @Mixin
    Inside.Admin admin;

    @Mixin
    Inside.OrgId orgId;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "The inside per account, for accounts with their own networks: a JSON object of account ID to"
                    + " {\"vpc\": [...], \"vpce\": [...], \"role-arn\": [...], \"admin-arn\": \"...\", \"org-id\": \"o-...\"}; an"
                    + " account it names uses only what it gives, the others the options above.")
    Path accountsFile;

    @Mixin
    OrgPolicyOptions org;

    @Option(names = "--ground-truth", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Check gt-can-access (the default). --no-ground-truth: the buckets are not for Ground Truth (no gt-ready).")
    boolean groundTruth;

    @Mixin
    Formats.Audit.Option format;

    @Option(names = "--fail-on", completionCandidates = Converters.Verdicts.class, paramLabel = "VERDICT", split = ",",
            description = "Exit 1 when a bucket has this verdict (repeatable): refuted, public, lockout-risk, unproved, no-policy,"
                    + " unreadable, perimeter-proved, gt-ready.")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Only buckets that match (repeatable): account=ID, region=NAME, bucket=PATTERN (* and ?), tag:KEY=VALUE or"
                    + " tag:KEY. Values of one kind are alternatives; different kinds and tags must all hold.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "The text and Markdown listings show this many buckets (default 50); the summary counts all.")
    int limit;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that prove policies (default: the machine's processors).")
    Integer threads;

    @Mixin
    GroundTruthOptions regionTable;

    @Mixin
    AwsOptions aws;

    @Override
    public Set<AwsService> endpointUrlReaches() {
        // the buckets, listed by S3 or by AWS Config, and the organization's policies; the caller (STS) only names the account
        return Set.of(AwsService.S3, AwsService.CONFIG_SERVICE, AwsService.ORGANIZATIONS);
    }

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--region", "The region of buckets whose record names none (every bucket of a directory); with --account and"
                        + " --config-aggregator also the region the requests go to (default: AWS_REGION or the profile's).",
                "--bucket-account", "The account of buckets whose record names none (default: an account no policy names, and the output says so).",
                "--admin-arn", "An administrator who must keep managing every policy (owner-can-manage).",
                "--org-id", "The organization (o-…) the buckets' accounts are in.",
                "--principal-tag", "A tag every principal of the organization carries, as aws:PrincipalTag shows it; with it they carry"
                        + " exactly the tags given (repeatable). Without it, each class of every tag a policy tests is tried.",
                "--bucket-tag", "A tag every bucket has, as aws:ResourceTag shows it; with it the buckets have exactly the tags given,"
                        + " 'none' for none (repeatable). Without it, each class of every tag a policy tests is tried.");
    }

    @Override
    public Integer call() {
        Formats.Audit chosen = format.value();
        Set<Verdict> failing = EnumSet.noneOf(Verdict.class);
        for (String f : failOn) {
            failing.add(Verdict.fromId(f).orElseThrow(() -> GtvpcException.badInput("--fail-on: '" + f + "' is not a verdict: "
                    + Verdict.ids())));
        }
        if (limit < 0) {
            throw GtvpcException.badInput("--limit: give a number of buckets, 0 or more");
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 256) {
            throw GtvpcException.badInput("--threads: give 1 to 256");
        }
        Filter filter = Filter.parse(filters);
        if (region.given().isPresent()) {
            region.checkName();
        }
        bucketAccount.check();
        org.check();
        AuditSettings settings = settings(regionTable.table());
        int sources = (policies != null ? 1 : 0) + (account ? 1 : 0) + (aggregator != null ? 1 : 0);
        if (sources != 1) {
            throw GtvpcException.badInput(sources == 0 ? "give the buckets' source: --policies DIR|FILE.jsonl, --account or"
                    + " --config-aggregator NAME" : "give one source of buckets: --policies, --account or --config-aggregator");
        }
        if (policies != null) {
            RecordSource source = new PolicyFiles(Inputs.name(policies), bucketAccount.given().orElse(""), region.given().orElse(""),
                    Inputs.of(spec)::stdin);
            return run(source, settings, org.offline(spec.commandLine().getErr()), filter, workers, failing, chosen);
        }
        int inFlight = concurrency != null ? concurrency : account ? 16 : 8;
        if (inFlight < 1 || inFlight > 256) {
            throw GtvpcException.badInput("--concurrency: give 1 to 256");
        }
        if (aggregator != null && !aggregator.matches("[\\w-]{1,256}")) {
            throw GtvpcException.badInput("--config-aggregator: '" + aggregator + "' is not an aggregator name (letters, digits, _ and -)");
        }
        // only here is the SDK loaded: --policies stays an offline command
        try (AwsServices services = aws.connect(spec, region.given())) {
            RecordSource source;
            if (account) {
                String owner = bucketAccount.given().orElseGet(() -> services.callerIdentity().whoAmI().account());
                source = new AccountSource(services.accountBuckets(), owner, services.region(), inFlight);
            } else {
                source = new ConfigAggregatorSource(services.configInventory(), aggregator, inFlight);
            }
            return run(source, settings, org.online(services::organizations, spec.commandLine().getErr()), filter, workers, failing,
                    chosen);
        }
    }

    private Integer run(RecordSource source, AuditSettings settings, OrgLayers layers, Filter filter, int workers,
            Set<Verdict> failing, Formats.Audit chosen) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AuditSink sink = switch (chosen) {
            case JSON -> AuditRenderer.json(out);
            case JSONL -> AuditRenderer.jsonLines(out);
            case CSV -> AuditRenderer.csv(out, err);
            case SARIF -> AuditRenderer.sarif(out, version());
            case MARKDOWN -> AuditRenderer.markdown(out, limit);
            case TEXT -> AuditRenderer.text(out, limit);
        };
        boolean[] failed = {false};
        AuditSink counting = new AuditSink() {
            @Override
            public void bucket(dev.gtvpc.audit.BucketVerdict v) {
                failed[0] |= failing.contains(v.verdict());
                sink.bucket(v);
            }

            @Override
            public void end(AuditSummary s) {
                sink.end(s);
            }
        };
        Audit.Progress progress = GtvpcCommand.context(spec).terminal().isPresent() ? new TerminalProgress(err) : Audit.Progress.NONE;
        AuditSummary summary = Audit.run(source, filter, new Prover(settings, layers), counting, workers, progress);
        counting.end(summary);
        return failed[0] ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }

    private AuditSettings settings(RegionTable table) {
        vpcs.check();
        vpces.check();
        orgId.check();
        roles.check("aws");
        admin.check("aws");
        Map<String, AuditSettings.Inside> perAccount = accountsFile == null ? Map.of()
                : AccountsFile.parse(Inputs.of(spec).read(Inputs.name(accountsFile), "--accounts"), Inputs.name(accountsFile));
        return new AuditSettings(groundTruth, new AuditSettings.Inside(vpcs.ids(), vpces.ids, roles.arns, admin.given(), orgId.given()),
                perAccount, GroundTruthAccess.service(table));
    }

    /** One line on stderr, redrawn in place: buckets read, judged, and per second. */
    private static final class TerminalProgress implements Audit.Progress {
        private final PrintWriter err;
        private boolean drawn;

        TerminalProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(long read, long judged, long millis) {
            double perSecond = millis == 0 ? 0 : judged * 1000.0 / millis;
            err.printf(Locale.ROOT, "\r%,d read, %,d proved, %,.0f/s ", read, judged, perSecond);
            err.flush();
            drawn = true;
        }

        @Override
        public void done() {
            if (drawn) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }

    private static String version() {
        String v = AuditCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.0.0-dev" : v;
    }
}
