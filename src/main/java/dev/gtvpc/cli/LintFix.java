package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.lint.Fixer;
import dev.gtvpc.lint.LintReport;
import dev.gtvpc.lint.Linter;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.PolicyWriter;
import dev.gtvpc.render.LintRenderer;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code policy lint --fix}: the policy with the safe fixes applied (and the comments, trailing commas and
 * byte-order mark that kept it from being read removed) on standard output (or {@code -o}),
 * each fix and the findings that remain on stderr, and the exit code of linting the fixed policy.
 */
final class LintFix {
    private LintFix() {
    }

    /** {@code region}: the bucket's Region (--region or the configuration file), which binds aws:SourceVpc by aws:SourceVpcArn. */
    static int run(LintReport report, List<String> repairs, Linter linter, Optional<String> region, Optional<Severity> threshold, String output,
            PrintWriter out, PrintWriter err) {
        if (report.policy().isEmpty()) {
            err.print(LintRenderer.text(List.of(report)));
            throw GtvpcException.badInput(report.source() + " cannot be read, so it cannot be fixed (see the findings above)");
        }
        Fixer.Result fixed = Fixer.fix(report.policy().get().policy(), region);
        String text = PolicyWriter.pretty(fixed.policy()) + "\n";
        for (String change : repairs) {
            err.println("gtvpc: fixed: " + change);
        }
        for (String change : fixed.changes()) {
            err.println("gtvpc: fixed: " + change);
        }
        for (String why : fixed.left()) {
            err.println("gtvpc: not fixed: " + why);
        }
        if (repairs.isEmpty() && fixed.changes().isEmpty()) {
            err.println("gtvpc: nothing to fix automatically");
        }
        Outputs.write(text, output, out);
        LintReport after = linter.lint(text, report.source() + " (fixed)");
        if (!after.findings().isEmpty()) {
            err.print(LintRenderer.text(List.of(after)));
        }
        if (threshold.isEmpty()) {
            return ExitCode.OK.code();
        }
        if (LintRun.Result.unreadable(List.of(after))) {
            return ExitCode.BAD_INPUT.code();
        }
        return after.reaches(threshold.get()) ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }
}
