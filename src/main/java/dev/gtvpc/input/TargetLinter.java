package dev.gtvpc.input;

import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintReport;
import dev.gtvpc.lint.LintTarget;
import dev.gtvpc.lint.Suppression;
import dev.gtvpc.lint.Linter;
import dev.gtvpc.lint.Rules;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.policy.io.SourceLocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lints the targets of a plan or template with the rules of their policy type. Findings of a policy
 * written as a JSON string point at the string in the file (the element is named by the pointer); a
 * finding that only says a symbolic value is not a well-formed ARN or ID is dropped, since the value
 * is unknown, not malformed — the target's notes say which values were unknown. A template's policy
 * with variants (Conditions the values given do not decide) is linted in every variant. In-source skips
 * are handed on as suppressions ({@link #lintTarget}), applied after the rules like a baseline's.
 */
public final class TargetLinter {
    private final Linter linter;

    /** @param linter the linter of the run; each target is linted with its own policy type */
    public TargetLinter(Linter linter) {
        this.linter = linter;
    }

    public LintReport lint(PolicyTarget target, String source) {
        List<String> notes = new ArrayList<>(target.notes());
        if (!target.known()) {
            return new LintReport(source, List.of(), Optional.empty(), Optional.of(target.address()),
                    notes.stream().map(n -> target.origin() + ": " + n).toList());
        }
        Linter linter = this.linter.ofKind(target.kind());
        LintReport report;
        List<Finding> findings = new ArrayList<>();
        if (target.text().isPresent()) {
            report = linter.lint(PolicyReader.parse(target.text().get()), source);
            for (Finding f : report.findings()) {
                findings.add(at(f, target.origin()));
            }
        } else if (target.variants().size() > 1) {
            // the first variant is the target's tree: its report is the target's, and its findings the first of the merge
            report = linter.lint(PolicyReader.parse(target.tree().get()), source);
            List<List<Finding>> perVariant = new ArrayList<>(List.of(kept(report.findings(), target.tree().get())));
            for (PolicyTarget.Variant v : target.variants().subList(1, target.variants().size())) {
                perVariant.add(kept(linter.lint(PolicyReader.parse(v.tree()), source).findings(), v.tree()));
            }
            findings.addAll(acrossVariants(target.variants(), perVariant));
        } else {
            Json.Value tree = target.tree().get();
            report = linter.lint(PolicyReader.parse(tree), source);
            findings.addAll(kept(report.findings(), tree));
        }
        for (InSourceSkip skip : target.skips()) {
            if (Rules.find(skip.rule()).isEmpty()) {
                notes.add("Metadata gtvpc skip names no rule '" + skip.rule() + "' ('gtvpc policy lint --list-rules' lists them)");
            }
        }
        return new LintReport(source, findings, report.policy(), Optional.of(target.address()),
                notes.stream().map(n -> target.origin() + ": " + n).toList());
    }

    /** The findings that do not only say an unknown value is unknown. */
    private static List<Finding> kept(List<Finding> findings, Json.Value tree) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (judges(f, Judges.VALUE_SHAPE, Judges.VALUE) && valueAt(tree, f.pointer()).filter(Symbolic::in).isPresent()) {
                continue;
            }
            if (judges(f, Judges.RESOURCES) && resourcesOf(tree, f.pointer()).stream().anyMatch(TargetLinter::unknownShape)) {
                continue;
            }
            kept.add(f);
        }
        return kept;
    }

    /**
     * Every policy the template can deploy here, linted ({@code findings} per variant, in order): a finding is one
     * finding wherever it recurs (the same rule at the same place in the file), and one that only some variants
     * draw says which.
     */
    private static List<Finding> acrossVariants(List<PolicyTarget.Variant> variants, List<List<Finding>> findings) {
        Map<String, Finding> first = new LinkedHashMap<>();
        Map<String, List<PolicyTarget.Variant>> drawnBy = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            for (Finding f : findings.get(i)) {
                String key = f.ruleId() + "\u0000" + f.severity() + "\u0000" + f.location();
                first.putIfAbsent(key, f);
                List<PolicyTarget.Variant> by = drawnBy.computeIfAbsent(key, k -> new ArrayList<>());
                if (!by.contains(variants.get(i))) {
                    by.add(variants.get(i));
                }
            }
        }
        List<Finding> merged = new ArrayList<>();
        for (Map.Entry<String, Finding> e : first.entrySet()) {
            Finding f = e.getValue();
            List<PolicyTarget.Variant> by = drawnBy.get(e.getKey());
            merged.add(by.size() == variants.size() ? f : new Finding(f.ruleId(), f.severity(),
                    f.message() + " (only when " + when(variants, by) + ")", f.fix(), f.pointer(), f.location(), f.alsoAt()));
        }
        return merged;
    }

    /** The condition values the variants {@code drawing} share, when those alone single them out; else their names. */
    private static String when(List<PolicyTarget.Variant> all, List<PolicyTarget.Variant> drawing) {
        Map<String, Boolean> shared = new LinkedHashMap<>(drawing.get(0).conditions());
        drawing.forEach(v -> shared.entrySet().retainAll(v.conditions().entrySet()));
        if (!shared.isEmpty() && all.stream().filter(v -> v.conditions().entrySet().containsAll(shared.entrySet())).count() == drawing.size()) {
            return String.join(", ", shared.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList());
        }
        return String.join("; or ", drawing.stream().map(PolicyTarget.Variant::name).toList());
    }

    /**
     * The target as suppressions see it: addressed by its file and its address in the file (two plans may
     * hold the same resource address), its document to fingerprint findings in, and its resource's
     * Metadata skips as in-source suppressions, applied with the baseline's after the rules have run.
     */
    public static LintTarget lintTarget(String file, PolicyTarget target, LintReport report) {
        String address = file + "#" + target.address();
        String text = target.text().orElseGet(() -> target.tree().map(t -> Json.write(t, false)).orElse(""));
        LintTarget lint = target.tree().isPresent()
                ? new LintTarget(address, report, target.tree(), text, List.of())
                : LintTarget.of(address, report, text);
        return lint.withInSource(target.skips().stream()
                .map(s -> Suppression.inSource(s.rule(), address, Optional.of(s.reason()), "Metadata of " + target.address()))
                .toList());
    }

    /** Whether the resource's Metadata skips this finding's rule (what apply's lint step honours too). */
    public static boolean skipped(PolicyTarget target, Finding finding) {
        return target.skips().stream().anyMatch(s -> s.rule().equals(finding.ruleId()));
    }

    /** Whether the finding's rule judges any of {@code what}: such a finding on an unknown value says nothing of it. */
    private static boolean judges(Finding f, Judges... what) {
        return Rules.find(f.ruleId()).filter(r -> Arrays.stream(what).anyMatch(r.info().judges()::contains)).isPresent();
    }

    /** The finding placed at the JSON string that holds the policy; its pointer still names the element inside. */
    private static Finding at(Finding f, SourceLocation origin) {
        List<Finding.Place> also = f.alsoAt().stream().map(p -> new Finding.Place(p.pointer(), origin)).toList();
        return new Finding(f.ruleId(), f.severity(), f.message(), f.fix(), f.pointer(), origin, also);
    }

    /** The Resource and NotResource values of the statement that holds {@code pointer}. */
    private static List<String> resourcesOf(Json.Value tree, String pointer) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^/Statement(/[0-9]+)?").matcher(pointer);
        List<String> values = new ArrayList<>();
        if (!m.find()) {
            return values;
        }
        for (String element : List.of("/Resource", "/NotResource")) {
            node(tree, m.group() + element).ifPresent(v -> {
                if (v instanceof Json.Str s) {
                    values.add(s.value());
                } else if (v instanceof Json.Arr a) {
                    a.items().stream().filter(Json.Str.class::isInstance).forEach(i -> values.add(((Json.Str) i).value()));
                }
            });
        }
        return values;
    }

    /**
     * A symbolic value whose kind of resource is unknown too: {@code {{unknown:Fn::GetAtt B.Arn}}} may be the
     * bucket or not, while {@code arn:aws:s3:::{{unknown:Ref B}}/*} is an object ARN whatever the name.
     */
    static boolean unknownShape(String value) {
        return Symbolic.in(value) && !value.matches("(?s)arn:(\\{\\{unknown:[^}]*\\}\\}|[^:{]*):s3:::[^{/]*(\\{\\{unknown:[^}]*\\}\\})?[^{/]*(/.*)?");
    }

    /** The value at a JSON pointer of the tree ("" is the root), if there is one. */
    private static Optional<Json.Value> node(Json.Value root, String pointer) {
        Json.Value v = root;
        if (pointer.isEmpty()) {
            return Optional.of(v);
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String part = raw.replace("~1", "/").replace("~0", "~");
            if (v instanceof Json.Obj o && o.get(part).isPresent()) {
                v = o.get(part).get();
            } else if (v instanceof Json.Arr a && part.matches("[0-9]+") && Integer.parseInt(part) < a.items().size()) {
                v = a.items().get(Integer.parseInt(part));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(v);
    }

    /** The string at a JSON pointer of the tree, if there is one; a list or object as its JSON (symbolic if any string inside is). */
    static Optional<String> valueAt(Json.Value root, String pointer) {
        return node(root, pointer).map(v -> v instanceof Json.Str s ? s.value() : Json.write(v, false));
    }}
