package dev.gtvpc.lint;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Condition;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.ConditionOperator;
import dev.gtvpc.policy.ConditionValue;
import dev.gtvpc.policy.ConditionValues;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.SetQualifier;
import dev.gtvpc.policy.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lint --fix}: rewrites what can be rewritten without changing what the policy decides, plus
 * the one repair whose whole point is a change of meaning, which the author evidently intended:
 * <ul>
 * <li>a set qualifier on a block of single-valued keys becomes the plain operator where that decides
 *     alike: ForAllValues:X → X for a negated X (both true on a missing key), ForAllValues:X →
 *     XIfExists for a positive X, ForAnyValue:X → X for a positive X. ForAnyValue with a negated
 *     operator is false on a missing key, which no single operator reproduces: it is left for the
 *     user (the fix there is meant to change the meaning);</li>
 * <li>a condition key spelled in another case takes the reference's spelling (unless that spelling
 *     is already used in the same block);</li>
 * <li>a VPC ID under aws:SourceVpce moves to aws:SourceVpc of the same negated operator, which is
 *     what the author meant: the VPC becomes exempt. Under a positive operator the move would narrow
 *     the condition instead, and under an Arn operator no ID compares at all, so both are left alone;</li>
 * <li>given the bucket's Region, aws:SourceVpc that source-vpc-without-region flags is bound to it by
 *     aws:SourceVpcArn ({@code arn:PARTITION:ec2:REGION:*:vpc/VPC_ID}, the IAM guide's form), each value mapped and
 *     the operator's twin taken (StringNotEquals → ArnNotEquals, StringLike → ArnLike, IfExists kept): a Deny's entry
 *     is replaced, an Allow's grant gets the ARN entry beside it (S3's Block Public Access counts aws:SourceVpc, not
 *     aws:SourceVpcArn, as keeping a grant non-public). This one changes decisions on purpose, and only for requests
 *     from a VPC of another Region: before cross-Region endpoints (November 2025) the VPC of every request to the
 *     bucket through an endpoint was in the bucket's Region, so what worked then decides alike. An Allow for every VPC
 *     but some is left (binding it would widen the grant), and so is a value that is not a VPC ID.</li>
 * </ul>
 */
public final class Fixer {
    /** The fixed policy, a sentence per change, and a sentence per defect it saw and left, saying why. */
    public record Result(Policy policy, List<String> changes, List<String> left) {
        public Result {
            changes = List.copyOf(changes);
            left = List.copyOf(left);
        }
    }

    private final ConditionKeyCatalog keys;
    private final Optional<String> region;
    private final List<String> changes = new ArrayList<>();
    private final List<String> left = new ArrayList<>();

    private Fixer(ConditionKeyCatalog keys, Optional<String> region) {
        this.keys = keys;
        this.region = region;
    }

    /** The fixes that change no decision (and the moved VPC IDs); aws:SourceVpc is left, as no Region is known. */
    public static Result fix(Policy policy) {
        return fix(policy, Optional.empty());
    }

    /** All fixes; with {@code region} (the bucket's), aws:SourceVpc is bound to it by aws:SourceVpcArn too. */
    public static Result fix(Policy policy, Optional<String> region) {
        Fixer f = new Fixer(ConditionKeyCatalog.bundled(), region);
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < policy.statements().size(); i++) {
            statements.add(f.statement(policy.statements().get(i), i));
        }
        return new Result(policy.toBuilder().statements(statements).build(), f.changes, f.left);
    }

    private Statement statement(Statement s, int index) {
        if (s.condition().isEmpty()) {
            return s;
        }
        int before = changes.size();
        List<ConditionBlock> blocks = new ArrayList<>();
        for (ConditionBlock block : s.condition().get().blocks()) {
            ConditionBlock b = keyCase(block, s.label(index));
            b = qualifier(b, s.label(index));
            b = vpcIds(b, s.label(index));
            // moving VPC IDs can remove a key whose spelling blocked another key's
            b = keyCase(b, s.label(index));
            if (!b.entries().isEmpty()) {
                blocks.add(b);
            }
        }
        int beforeLeft = left.size();
        blocks = vpcArns(s, blocks, s.label(index));
        // two blocks may now share an operator: merge them when their keys differ, as IAM ANDs both ways
        List<ConditionBlock> merged = new ArrayList<>();
        for (ConditionBlock b : blocks) {
            ConditionBlock same = merged.stream().filter(m -> m.operator().text().equals(b.operator().text())).findFirst().orElse(null);
            if (same == null) {
                merged.add(b);
                continue;
            }
            Set<String> present = new HashSet<>();
            same.entries().forEach(e -> present.add(e.key().toLowerCase(Locale.ROOT)));
            if (b.entries().stream().anyMatch(e -> present.contains(e.key().toLowerCase(Locale.ROOT)))) {
                merged.add(b); // cannot merge; the writer will refuse a duplicate operator, so keep the original form
                continue;
            }
            List<ConditionEntry> all = new ArrayList<>(same.entries());
            all.addAll(b.entries());
            merged.set(merged.indexOf(same), new ConditionBlock(same.operator(), all));
        }
        if (merged.stream().map(m -> m.operator().text()).distinct().count() != merged.size()) {
            // a fix would have produced the same operator twice: leave the statement as it was
            changes.subList(before, changes.size()).clear();
            left.subList(beforeLeft, left.size()).clear();
            left.add("statement " + s.label(index) + ": left as it was: its fixes would write one operator twice (merge its blocks by hand)");
            return s;
        }
        return s.toBuilder().condition(merged.isEmpty() ? null : new Condition(merged)).build();
    }

    /**
     * Binds each flagged aws:SourceVpc entry to the Region by aws:SourceVpcArn: the new entry goes in a block of its own
     * under the ARN operator, which {@link #statement} merges with a block of that operator if there is one.
     */
    private List<ConditionBlock> vpcArns(Statement s, List<ConditionBlock> blocks, String label) {
        List<ConditionBlock> out = new ArrayList<>();
        List<ConditionBlock> added = new ArrayList<>();
        for (ConditionBlock block : blocks) {
            List<ConditionEntry> kept = new ArrayList<>();
            boolean twice = block.entries().stream().filter(e -> VpcArns.isSourceVpc(e.key())).count() > 1;
            for (ConditionEntry e : block.entries()) {
                Optional<VpcArns.Use> use = VpcArns.use(s.effect(), block.operator(), e);
                if (use.isEmpty() || VpcArns.regionBound(use.get(), blocks)) {
                    kept.add(e);
                    continue;
                }
                String where = "statement " + label + ": " + block.operator().text() + " " + e.key();
                if (twice) {
                    // written twice in different cases (key-case-duplicate): which values belong together is the user's call
                    left.add(where + " left: the key is written twice in this block (merge it by hand)");
                    kept.add(e);
                    continue;
                }
                Optional<ConditionOperator> arnOp = VpcArns.arnOperator(block.operator());
                Optional<List<String>> arns = region.flatMap(r -> VpcArns.arns(r, e.values().texts(), VpcArns.like(block.operator())));
                if (region.isEmpty()) {
                    left.add(where + " left: give --region (the bucket's) to bind it by aws:SourceVpcArn");
                } else if (block.operator().qualifier() != SetQualifier.NONE) {
                    left.add(where + " left: no plain operator decides as " + block.operator().text() + " (see forallvalues-single-valued-key)");
                } else if (use.get() == VpcArns.Use.WITHHOLDS) {
                    left.add(where + " left: binding an Allow for every VPC but these to the Region would widen the grant");
                } else if (arnOp.isEmpty()) {
                    left.add(where + " left: ARN operators compare with case, so " + block.operator().text() + " has no ARN twin");
                } else if (arns.isEmpty()) {
                    left.add(where + " left: " + e.values().texts() + " is not a list of VPC IDs");
                } else {
                    if (use.get() == VpcArns.Use.GRANTS) {
                        kept.add(e);
                    }
                    added.add(new ConditionBlock(arnOp.get(), List.of(new ConditionEntry(VpcArns.SOURCE_VPC_ARN,
                            new ConditionValues(arns.get().stream().map(ConditionValue::string).toList(), arns.get().size() == 1)))));
                    changes.add(where + (use.get() == VpcArns.Use.GRANTS ? " kept, and bound to " + region.get() + " by " : " → ")
                            + arnOp.get().text() + " " + VpcArns.SOURCE_VPC_ARN + " " + String.join(", ", arns.get()));
                    continue;
                }
                kept.add(e);
            }
            if (!kept.isEmpty()) {
                out.add(new ConditionBlock(block.operator(), kept));
            }
        }
        out.addAll(added);
        return out;
    }

    private ConditionBlock keyCase(ConditionBlock block, String label) {
        Set<String> written = new HashSet<>();
        block.entries().forEach(e -> written.add(e.key()));
        List<ConditionEntry> entries = new ArrayList<>();
        for (ConditionEntry e : block.entries()) {
            String canonical = keys.canonical(e.key()).orElse(e.key());
            // S3 keys the Service Authorization Reference lower-cases are written as the S3 guide writes them: key-name-case leaves them
            boolean referencesDisagree = canonical.startsWith("s3:") && canonical.equals(canonical.toLowerCase(Locale.ROOT));
            if (!canonical.equals(e.key()) && !written.contains(canonical) && !referencesDisagree) {
                changes.add("statement " + label + ": " + e.key() + " → " + canonical);
                entries.add(new ConditionEntry(canonical, e.values()));
            } else {
                entries.add(e);
            }
        }
        return new ConditionBlock(block.operator(), entries);
    }

    private ConditionBlock vpcIds(ConditionBlock block, String label) {
        if (block.operator().type().isEmpty() || !block.operator().type().get().negated()
                || block.operator().type().get().family() != OperatorType.Family.STRING
                || block.operator().qualifier() == SetQualifier.FOR_ANY_VALUE) {
            return block; // under an Arn or IP operator a VPC ID is an unreadable value, and moving it would change decisions
        }
        ConditionEntry vpce = find(block, "aws:sourcevpce");
        if (vpce == null || block.entries().stream().map(e -> e.key().toLowerCase(Locale.ROOT)).distinct().count()
                != block.entries().size()) {
            return block; // a key written twice in different cases (key-case-duplicate) is for the user to merge
        }
        List<ConditionValue> keep = new ArrayList<>();
        List<ConditionValue> move = new ArrayList<>();
        for (ConditionValue v : vpce.values().items()) {
            (AwsIds.isVpcId(v.text()) ? move : keep).add(v);
        }
        if (move.isEmpty()) {
            return block;
        }
        ConditionEntry vpc = find(block, "aws:sourcevpc");
        List<ConditionEntry> entries = new ArrayList<>();
        for (ConditionEntry e : block.entries()) {
            if (e == vpce) {
                if (!keep.isEmpty()) {
                    entries.add(new ConditionEntry(e.key(), new ConditionValues(keep, keep.size() == 1 && e.values().scalar())));
                }
            } else if (e == vpc) {
                List<ConditionValue> values = new ArrayList<>(e.values().items());
                move.stream().filter(m -> values.stream().noneMatch(v -> v.text().equals(m.text()))).forEach(values::add);
                entries.add(new ConditionEntry(e.key(), new ConditionValues(values, values.size() == 1)));
            } else {
                entries.add(e);
            }
        }
        if (vpc == null) {
            entries.add(new ConditionEntry("aws:SourceVpc", new ConditionValues(move, move.size() == 1)));
        }
        changes.add("statement " + label + ": moved " + String.join(", ", move.stream().map(ConditionValue::text).toList())
                + " from " + vpce.key() + " to aws:SourceVpc under " + block.operator().text());
        return new ConditionBlock(block.operator(), entries);
    }

    private ConditionBlock qualifier(ConditionBlock block, String label) {
        ConditionOperator op = block.operator();
        if (op.type().isEmpty() || op.qualifier() == SetQualifier.NONE) {
            return block;
        }
        if (!block.entries().stream().allMatch(e -> keys.singleValued(e.key()))) {
            return block;
        }
        OperatorType type = op.type().get();
        if (type == OperatorType.NULL) {
            return block; // ForAllValues:Null "false" is always true, not plain Null: not something to rewrite silently
        }
        ConditionOperator plain;
        if (op.qualifier() == SetQualifier.FOR_ALL_VALUES) {
            plain = ConditionOperator.of(SetQualifier.NONE, type, op.ifExists() || !type.negated());
        } else if (!type.negated() || op.ifExists()) {
            plain = ConditionOperator.of(SetQualifier.NONE, type, op.ifExists());
        } else {
            return block;
        }
        changes.add("statement " + label + ": " + op.text() + " → " + plain.text() + " (single-valued keys; same decisions)");
        return new ConditionBlock(plain, block.entries());
    }

    private static ConditionEntry find(ConditionBlock block, String lowerKey) {
        return block.entries().stream().filter(e -> e.key().toLowerCase(Locale.ROOT).equals(lowerKey)).findFirst().orElse(null);
    }
}
