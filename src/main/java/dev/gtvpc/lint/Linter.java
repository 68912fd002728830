package dev.gtvpc.lint;

import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.lint.rules.ReadProblemRule;
import dev.gtvpc.policy.io.ParsedPolicy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.policy.io.ReadProblem;
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
    private final RegionTable regions;

    public Linter(LintOptions options, RegionTable regions) {
        this.options = options;
        this.regions = regions;
    }

    public LintReport lint(String text, String source) {
        PolicyReader.Result read = PolicyReader.parse(text);
        List<Finding> findings = new ArrayList<>();
        if (!read.ok()) {
            for (ReadProblem p : read.problems()) {
                ReadProblemRule rule = Rules.forKind(p.kind());
                if (options.runs(rule.id())) {
                    findings.add(new Finding(rule.id(), rule.severity(), p.message(), rule.fix(), p.pointer(), p.location()));
                }
            }
            return new LintReport(source, findings, Optional.empty());
        }
        ParsedPolicy parsed = read.parsed().get();
        return new LintReport(source, lint(parsed), Optional.of(parsed));
    }

    public List<Finding> lint(ParsedPolicy parsed) {
        LintContext context = new LintContext(parsed.policy(), parsed.sourceMap(), options, regions);
        for (Rule rule : Rules.ALL) {
            if (options.runs(rule.id())) {
                context.run(rule);
            }
        }
        List<Finding> findings = new ArrayList<>(context.findings());
        findings.sort(ORDER);
        return findings;
    }
}
