package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.input.InputFormat;
import dev.gtvpc.input.PolicySource;
import dev.gtvpc.input.PolicyTarget;
import dev.gtvpc.input.TargetLinter;
import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.LintReport;
import dev.gtvpc.lint.LintTarget;
import dev.gtvpc.lint.Linter;
import dev.gtvpc.policy.io.JsonRepair;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code policy lint} does with its FILE arguments: reads each (a directory: the files under it),
 * tells a policy from a Terraform plan or a CloudFormation template, and lints every policy in it.
 * A file that cannot be read or is not text is a report of its own, so every format lists it; a plan
 * or template that cannot be read is said on stderr and counted ({@link Result#unreadableFile}).
 */
final class LintRun {
    /**
     * Every report, the targets a review judges, and whether a plan or template could not be read at all;
     * with --fix, what was removed from the text before it could be read (comments, a trailing comma, a BOM).
     */
    record Result(List<LintReport> reports, List<LintTarget> targets, boolean unreadableFile, List<String> repairs) {
        /** A file that was not linted at all: unreadable, or not JSON. Other reader problems are findings like any. */
        boolean unreadable() {
            return unreadable(reports);
        }

        static boolean unreadable(List<LintReport> reports) {
            return reports.stream().anyMatch(r -> r.policy().isEmpty() && r.findings().stream().anyMatch(Result::notLinted));
        }

        private static boolean notLinted(Finding f) {
            return f.ruleId().equals("invalid-json") || f.ruleId().equals("unreadable-file");
        }
    }

    private final Linter linter;
    private final IacOptions iac;
    private final Inputs inputs;
    private final PrintWriter err;
    /** Problems of inputs also go to stderr when the report is for a machine (json, sarif): a person reads the job's log. */
    private final boolean tellOnStderr;
    private final LintInputs.Excludes excludes;
    /** --quiet: findings only, no notes. */
    private final boolean quiet;

    LintRun(Linter linter, IacOptions iac, Inputs inputs, PrintWriter err, boolean tellOnStderr, LintInputs.Excludes excludes,
            boolean quiet) {
        this.linter = linter;
        this.excludes = excludes;
        this.quiet = quiet;
        this.iac = iac;
        this.inputs = inputs;
        this.err = err;
        this.tellOnStderr = tellOnStderr;
    }

    /** Lints {@code files}; {@code fix}: the one file must be a policy, as --fix rewrites one. */
    Result lint(List<String> files, boolean fix) {
        List<LintReport> reports = new ArrayList<>();
        List<LintTarget> targets = new ArrayList<>();
        boolean unreadableFile = false;
        List<String> repairs = List.of();
        List<LintInputs.Input> expanded = LintInputs.expand(files, excludes, this::note);
        if (fix && expanded.size() != 1) {
            throw GtvpcException.badInput("--fix takes one file; " + files.get(0) + " is a directory of " + expanded.size());
        }
        for (LintInputs.Input file : expanded) {
            String source = file.name().equals("-") ? "<stdin>" : file.name();
            Object read = read(file);
            if (read instanceof LintReport problem) {
                reports.add(problem);
                targets.add(LintTarget.of(address(file.name()), problem, ""));
                continue;
            }
            String text = (String) read;
            PolicySource.Input input;
            try {
                input = iac.read(text, source);
            } catch (GtvpcException e) {
                err.println("gtvpc: " + e.getMessage());
                unreadableFile = true;
                continue;
            }
            if (input.format() == InputFormat.POLICY) {
                LintReport report = linter.lint(text, source);
                if (fix && report.policy().isEmpty()) {
                    JsonRepair.Result repaired = JsonRepair.repair(text);
                    LintReport again = linter.lint(repaired.text(), source);
                    // only a repair that makes the policy readable is made: findings keep the places the user wrote
                    if (again.policy().isPresent()) {
                        report = again;
                        repairs = repaired.changes();
                    }
                }
                reports.add(report);
                targets.add(LintTarget.of(address(file.name()), report, text));
                continue;
            }
            if (fix) {
                throw GtvpcException.badInput("--fix rewrites a policy file; " + source + " is a " + input.format().cliName()
                        + " (fix the policy where it is written)");
            }
            TargetLinter targetLinter = new TargetLinter(linter);
            List<PolicyTarget> selected = iac.select(input, source);
            if (selected.isEmpty()) {
                err.println("gtvpc: " + source + ": the " + input.format().cliName() + " holds no policy gtvpc reads");
            }
            for (PolicyTarget target : selected) {
                LintReport report = targetLinter.lint(target, source);
                report.notes().forEach(n -> note(source + ":" + n.replaceFirst(": ", ": " + target.address() + ": ")));
                reports.add(report);
                targets.add(TargetLinter.lintTarget(address(file.name()), target, report));
            }
        }
        return new Result(reports, targets, unreadableFile, repairs);
    }

    private void note(String note) {
        if (!quiet) {
            err.println("gtvpc: note: " + note);
        }
    }

    /**
     * What baseline entries name a file by: its path as given, with '/' separators and without "./"
     * segments, so the same checkout lints to the same addresses on every system; a path under the
     * working directory given absolutely is made relative to it. Standard input is "&lt;stdin&gt;".
     */
    static String address(String file) {
        if (file.equals("-")) {
            return "<stdin>";
        }
        Path path;
        try {
            path = Path.of(file).normalize();
        } catch (InvalidPathException e) {
            return file.replace('\\', '/');
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (path.isAbsolute() && path.startsWith(cwd)) {
            path = cwd.relativize(path);
        }
        return path.toString().replace('\\', '/');
    }

    /**
     * One input's text, or the report of why it has none. An input that cannot be read, or is not UTF-8
     * text, is a report with one finding (unreadable-file, invalid-json), so every format lists it; with
     * --format json or sarif, whose reader may be a machine, it is also said on stderr for the person
     * reading the job's log.
     */
    private Object read(LintInputs.Input input) {
        String source = input.name().equals("-") ? "<stdin>" : input.name();
        Optional<String> problem = input.problem();
        byte[] bytes = null;
        if (problem.isEmpty()) {
            try {
                bytes = input.name().equals("-") ? inputs.stdin().readAllBytes() : Files.readAllBytes(Path.of(input.name()));
            } catch (IOException e) {
                problem = Optional.of(LintInputs.why(input.name(), e));
            }
        }
        if (problem.isPresent()) {
            if (tellOnStderr) {
                err.println("gtvpc: FILE: " + problem.get());
            }
            return Linter.unreadable(source, problem.get());
        }
        Object decoded = Inputs.decode(bytes);
        if (decoded instanceof Inputs.NotUtf8 bad) {
            if (tellOnStderr) {
                err.println("gtvpc: FILE: " + input.name() + " is " + bad.describe());
            }
            return Linter.notText(source, "the file is " + bad.describe(), bad.line(), bad.column());
        }
        return decoded;
    }
}
