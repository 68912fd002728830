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
import java.util.List;
import java.util.Optional;

/**
 * Lints the targets of a plan or template with the rules of their policy type. Findings of a policy
 * written as a JSON string point at the string in the file (the element is named by the pointer); a
 * finding that only says a symbolic value is not a well-formed ARN or ID is dropped, since the value
 * is unknown, not malformed — the target's notes say which values were unknown. In-source skips are
 * handed on as suppressions ({@link #lintTarget}), applied after the rules like a baseline's.
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
        } else {
            Json.Value tree = target.tree().get();
            report = linter.lint(PolicyReader.parse(tree), source);
            for (Finding f : report.findings()) {
                if (judges(f, Judges.VALUE_SHAPE, Judges.VALUE) && valueAt(tree, f.pointer()).filter(Symbolic::in).isPresent()) {
                    continue;
                }
                if (judges(f, Judges.RESOURCES) && resourcesOf(tree, f.pointer()).stream().anyMatch(TargetLinter::unknownShape)) {
                    continue;
                }
                findings.add(f);
            }
        }
        for (InSourceSkip skip : target.skips()) {
            if (Rules.find(skip.rule()).isEmpty()) {
                notes.add("Metadata gtvpc skip names no rule '" + skip.rule() + "' ('gtvpc policy lint --list-rules' lists them)");
            }
        }
        return new LintReport(source, findings, report.policy(), Optional.of(target.address()),
                notes.stream().map(n -> target.origin() + ": " + n).toList());
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
