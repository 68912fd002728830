package dev.gtvpc.lint;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan.EntryAt;
import dev.gtvpc.policy.PolicyScan.StatementAt;
import dev.gtvpc.policy.PolicyScan.ValueAt;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.io.SourceMap;
import dev.gtvpc.space.RequestSpace;
import dev.gtvpc.space.ShownPerimeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a rule sees: the policy, where its parts were written, the user's options and gtvpc's catalogues. */
public final class LintContext {
    private final Policy policy;
    private final PolicyScan scan;
    private final SourceMap sourceMap;
    private final LintOptions options;
    private final RegionTable regions;
    private final S3ActionCatalog actions;
    private final ConditionKeyCatalog keys;
    private final List<Finding> findings = new ArrayList<>();
    private Rule current;
    private RequestSpace space;

    LintContext(Policy policy, SourceMap sourceMap, LintOptions options, RegionTable regions) {
        this.policy = policy;
        this.scan = PolicyScan.of(policy);
        this.sourceMap = sourceMap;
        this.options = options;
        this.regions = regions;
        this.actions = S3ActionCatalog.bundled();
        this.keys = ConditionKeyCatalog.bundled();
    }

    void run(Rule rule) {
        current = rule;
        rule.check(this);
    }

    List<Finding> findings() {
        return findings;
    }

    public Policy policy() {
        return policy;
    }

    public LintOptions options() {
        return options;
    }

    public RegionTable regions() {
        return regions;
    }

    public S3ActionCatalog actions() {
        return actions;
    }

    public ConditionKeyCatalog keys() {
        return keys;
    }

    /** The policy read once: statements, condition keys and values with their pointers. */
    public PolicyScan scan() {
        return scan;
    }

    /**
     * The requests the rules that ask the evaluator may put to the policy: the request space of the
     * policy and the perimeter it shows ({@link ShownPerimeter}), built when a rule first asks.
     */
    public RequestSpace space() {
        if (space == null) {
            space = RequestSpace.of(scan, ShownPerimeter.of(scan, options.bucket(), options.region(), options.vpcs(), options.vpces()),
                    actions);
        }
        return space;
    }

    public List<StatementAt> statements() {
        return scan.statements();
    }

    public List<EntryAt> conditionEntries() {
        return scan.conditionEntries();
    }

    public List<EntryAt> conditionEntries(StatementAt s) {
        return scan.conditionEntries(s);
    }

    /**
     * Every value of every condition key named {@code key} (compared without case, as IAM does), except
     * under Null, whose values are true or false, not values of the key.
     */
    public List<ValueAt> valuesOf(String key) {
        return scan.valuesOf(key);
    }

    /**
     * The region the Ground Truth rules check against: --region, else the region whose Ground Truth
     * endpoint the policy names. Empty when neither: the Ground Truth rules then stay silent.
     */
    public Optional<RegionInfo> groundTruthRegion() {
        if (options.region().isPresent()) {
            return regions.find(options.region().get());
        }
        for (EntryAt e : conditionEntries()) {
            for (String v : e.entry().values().texts()) {
                Optional<RegionInfo> r = regionOfEndpoint(v);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    public Optional<RegionInfo> regionOfEndpoint(String vpce) {
        return regions.regions().stream().filter(r -> r.groundTruthEndpoint().value().equals(vpce)).findFirst();
    }

    /** Reports a finding of the running rule at {@code pointer}. */
    public void report(String pointer, String message, String fix) {
        findings.add(new Finding(current.id(), current.severity(), message, fix, pointer, sourceMap.locate(pointer)));
    }

    /** Reports at a member's name (an operator or condition key), where an editor should put the cursor. */
    public void reportAtName(String pointer, String message, String fix) {
        findings.add(new Finding(current.id(), current.severity(), message, fix, pointer,
                sourceMap.nameAt(pointer).orElseGet(() -> sourceMap.locate(pointer))));
    }
}
