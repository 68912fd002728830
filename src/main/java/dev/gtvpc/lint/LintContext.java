package dev.gtvpc.lint;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.io.JsonPointer;
import dev.gtvpc.policy.io.SourceMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a rule sees: the policy, where its parts were written, the user's options and gtvpc's catalogues. */
public final class LintContext {
    /** A statement with its index and JSON pointer. */
    public record StatementAt(int index, Statement statement, String pointer) {
        public String label() {
            return statement.label(index);
        }
    }

    /** One condition key under one operator, with its pointer and its statement. */
    public record EntryAt(StatementAt statement, ConditionBlock block, ConditionEntry entry, String pointer) {
        /** The pointer of the {@code i}-th value (the key's own pointer when the value is a bare scalar). */
        public String valuePointer(int i) {
            return entry.values().scalar() ? pointer : JsonPointer.child(pointer, i);
        }
    }

    /** One value of a condition key, with where it was written. */
    public record ValueAt(EntryAt entry, String value, String pointer) {
    }

    private final Policy policy;
    private final SourceMap sourceMap;
    private final LintOptions options;
    private final RegionTable regions;
    private final S3ActionCatalog actions;
    private final ConditionKeyCatalog keys;
    private final List<Finding> findings = new ArrayList<>();
    private Rule current;

    LintContext(Policy policy, SourceMap sourceMap, LintOptions options, RegionTable regions) {
        this.policy = policy;
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

    public List<StatementAt> statements() {
        List<StatementAt> list = new ArrayList<>();
        for (int i = 0; i < policy.statements().size(); i++) {
            String pointer = policy.statementIsObject() ? "/Statement" : JsonPointer.child("/Statement", i);
            list.add(new StatementAt(i, policy.statements().get(i), pointer));
        }
        return list;
    }

    public List<EntryAt> conditionEntries() {
        List<EntryAt> list = new ArrayList<>();
        for (StatementAt s : statements()) {
            list.addAll(conditionEntries(s));
        }
        return list;
    }

    public List<EntryAt> conditionEntries(StatementAt s) {
        List<EntryAt> list = new ArrayList<>();
        s.statement().condition().ifPresent(c -> {
            for (ConditionBlock block : c.blocks()) {
                String opPointer = JsonPointer.child(s.pointer() + "/Condition", block.operator().text());
                for (ConditionEntry entry : block.entries()) {
                    list.add(new EntryAt(s, block, entry, JsonPointer.child(opPointer, entry.key())));
                }
            }
        });
        return list;
    }

    /**
     * Every value of every condition key named {@code key} (compared without case, as IAM does), except
     * under Null, whose values are true or false, not values of the key.
     */
    public List<ValueAt> valuesOf(String key) {
        List<ValueAt> list = new ArrayList<>();
        for (EntryAt e : conditionEntries()) {
            boolean isNull = e.block().operator().type().filter(dev.gtvpc.policy.OperatorType.NULL::equals).isPresent();
            if (e.entry().key().equalsIgnoreCase(key) && !isNull) {
                List<String> texts = e.entry().values().texts();
                for (int i = 0; i < texts.size(); i++) {
                    list.add(new ValueAt(e, texts.get(i), e.valuePointer(i)));
                }
            }
        }
        return list;
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
