package dev.gtvpc.lint;

import dev.gtvpc.policy.io.ParsedPolicy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.policy.io.ReadProblem;
import dev.gtvpc.verify.TrustedService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lints one policy document: what the reader refuses becomes findings (so one run reports every
 * file), and a document that reads is checked by every enabled rule.
 */
public final class Linter {
    private static final Comparator<Finding> ORDER = Comparator
            .comparingInt((Finding f) -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparingInt(f -> Rules.order(f.ruleId()));

    private final LintOptions options;
    private final TrustedService service;

    /** @param service the service whose endpoints the policy must not deny (Ground Truth's, from the region table) */
    public Linter(LintOptions options, TrustedService service) {
        this.options = options;
        this.service = service;
    }

    public LintOptions options() {
        return options;
    }

    /** The same linter for a policy of another type. */
    public Linter ofKind(PolicyKind kind) {
        return new Linter(new LintOptions(options.region(), options.bucket(), options.vpcs(), options.vpces(), options.disabled(), kind),
                service);
    }

    public LintReport lint(String text, String source) {
        return lint(PolicyReader.parse(text), source);
    }

    /**
     * Lints what the reader made of a document: its problems as findings, and the rules on what could
     * be read despite them (an invalid Effect does not hide the statement's Resource), but for the rules
     * that ask the evaluator: a document the service refuses decides nothing.
     */
    public LintReport lint(PolicyReader.Result read, String source) {
        if (read.ok()) {
            return new LintReport(source, lint(read.parsed().get()), read.parsed());
        }
        List<Finding> findings = new ArrayList<>();
        for (ReadProblem p : read.problems()) {
            ReadProblemRule rule = Rules.forKind(p.kind());
            if (options.runs(rule)) {
                // an unknown element at the root itself is a whole document of another kind: renaming fixes nothing
                String fix = p.kind() == ReadProblem.Kind.UNKNOWN_ELEMENT && p.pointer().isEmpty()
                        ? "lint the policy file; this one is not a policy" : p.fix().orElse(rule.fix());
                findings.add(new Finding(rule.id(), rule.info().severityFor(options.kind()), p.message(), fix, p.pointer(), p.location()));
            }
        }
        read.partial().ifPresent(partial -> findings.addAll(run(partial, read.problems())));
        findings.sort(ORDER);
        return new LintReport(source, oneFindingPerDefect(findings), Optional.empty());
    }

    /**
     * The report for an input that could not be read ({@code problem} says why). It is never disabled
     * (--disable): an input that was not linted must not look like one that was clean.
     */
    public static LintReport unreadable(String source, String problem) {
        ReadProblemRule rule = Rules.forKind(ReadProblem.Kind.UNREADABLE);
        return new LintReport(source, List.of(new Finding(rule.id(), rule.severity(), problem, rule.fix(), "",
                dev.gtvpc.policy.io.SourceLocation.START)), Optional.empty());
    }

    /** The report for bytes that are not UTF-8 text: invalid JSON, located where the decoding stopped. */
    public static LintReport notText(String source, String problem, int line, int column) {
        ReadProblemRule rule = Rules.forKind(ReadProblem.Kind.INVALID_JSON);
        return new LintReport(source, List.of(new Finding(rule.id(), rule.severity(), problem,
                "save the file as UTF-8 text (JSON is UTF-8), or leave a file that is not a policy out of the run", "",
                new dev.gtvpc.policy.io.SourceLocation(line, column))), Optional.empty());
    }

    public List<Finding> lint(ParsedPolicy parsed) {
        List<Finding> findings = run(parsed, List.of());
        findings.sort(ORDER);
        return oneFindingPerDefect(findings);
    }

    /** The enabled rules' findings on a policy; where the reader had problems, only the rules that need no evaluator. */
    private List<Finding> run(ParsedPolicy parsed, List<ReadProblem> problems) {
        LintContext context = new LintContext(parsed.policy(), parsed.sourceMap(), options, service, problems);
        for (Rule rule : Rules.ALL) {
            if (options.runs(rule) && (problems.isEmpty() || !rule.info().needs().contains(Need.EVALUATOR))) {
                context.run(rule);
            }
        }
        return new ArrayList<>(context.findings());
    }

    /**
     * A rule that reports the same message and fix at several places has found one defect written
     * several times (a placeholder in every statement): one finding, at its first place, with the
     * others beside it. Rules name the statement or value in their message where the defect differs.
     * A finding at a place where a placeholder was reported is the placeholder's consequence (an
     * unreadable value, a malformed ID), not a second defect, so it is dropped.
     */
    static List<Finding> oneFindingPerDefect(List<Finding> sorted) {
        java.util.Set<String> placeholderAt = new java.util.HashSet<>();
        for (Finding f : sorted) {
            if (f.ruleId().equals("placeholder-left")) {
                f.places().forEach(p -> placeholderAt.add(p.pointer()));
            }
        }
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        List<Finding> merged = new ArrayList<>();
        for (Finding f : sorted) {
            if (judgesValueShape(f.ruleId()) && placeholderAt.contains(f.pointer())) {
                continue;
            }
            String key = f.ruleId() + "\u0000" + f.message() + "\u0000" + f.fix();
            Integer at = index.get(key);
            if (at == null) {
                index.put(key, merged.size());
                merged.add(f);
            } else {
                Finding first = merged.get(at);
                List<Finding.Place> also = new ArrayList<>(first.alsoAt());
                also.addAll(f.places());
                merged.set(at, new Finding(first.ruleId(), first.severity(), first.message(), first.fix(), first.pointer(),
                        first.location(), also));
            }
        }
        return merged;
    }

    /** Whether the rule's finding on a placeholder or unknown value only restates that it is not a real value. */
    public static boolean judgesValueShape(String ruleId) {
        return Rules.find(ruleId).filter(r -> r.info().judges().contains(Judges.VALUE_SHAPE)).isPresent();
    }
}
