package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.eval.CaseRunner;
import dev.gtvpc.policy.Policy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Reads a cases file (JSON Lines) line by line, from a file or the run's standard input. Blank lines and lines
 * starting with {@code #} are skipped, so hand-written case files can carry comments.
 */
final class CasesInput {
    private CasesInput() {
    }

    /** POLICY and the cases cannot both come from standard input: it is read once. */
    static void refuseBothFromStdin(String policyFile, String cases) {
        if ("-".equals(policyFile) && "-".equals(cases)) {
            throw GtvpcException.badInput("POLICY and --cases cannot both be standard input");
        }
    }

    /**
     * Runs the cases of {@code cases}: a case without a policy of its own is decided against POLICY
     * ({@code policyFile}, read now when given), each request checked as the options are; an action the
     * catalogue does not hold is decided by its name when {@code allowUnknownAction} or the case says so.
     */
    static CaseRunner runner(Inputs inputs, String policyFile, IacOptions iac, String cases, boolean allowUnknownAction) {
        Optional<Policy> policy = Optional.ofNullable(policyFile).map(f -> PolicyInput.read(inputs, f, iac).parsed().policy());
        return new CaseRunner(policy, baseDir(cases), (request, caseAllows) -> RequestChecks.check(request, RequestChecks.Names.CASE_FIELDS,
                allowUnknownAction || caseAllows)).withDefaultSource("-".equals(policyFile) ? "<stdin>" : String.valueOf(policyFile));
    }

    /** A file of only blank and comment lines: zero cases decide or test nothing, which is not a pass. */
    static GtvpcException noCases(String cases, String nothingWas) {
        return GtvpcException.badInput("--cases: no cases in " + (cases.equals("-") ? "standard input" : cases)
                + " (only blank or # lines); nothing was " + nothingWas);
    }

    /** The directory relative {@code policyFile} paths start from: the cases file's, or the working directory. */
    static Path baseDir(String name) {
        Path parent = name.equals("-") ? null : Path.of(name).toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** Calls {@code each} with the 1-based line number and the text of every case line. */
    static void forEach(String name, Inputs inputs, BiConsumer<Integer, String> each) {
        int number = 0;
        try (BufferedReader in = open(name, inputs)) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                each.accept(number, line);
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            // the decoder's own words are "Input length = 1"; it decodes ahead of the lines read, so no line is named
            throw GtvpcException.badInput("--cases: " + (name.equals("-") ? "standard input" : name) + " is not UTF-8 text"
                    + (number > 0 ? " (after " + number + " lines were read)" : "") + "; save it as UTF-8");
        } catch (NoSuchFileException e) {
            throw GtvpcException.badInput("--cases: no such file: " + name);
        } catch (IOException e) {
            throw GtvpcException.badInput("--cases: cannot read " + name + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw GtvpcException.badInput("--cases: cannot read " + name + ": " + e.getCause().getMessage());
        }
    }

    private static BufferedReader open(String name, Inputs inputs) throws IOException {
        if (name.equals("-")) {
            // a decoder that reports bad bytes: InputStreamReader's default silently replaces them
            return new BufferedReader(new InputStreamReader(inputs.stdin(), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)), 1 << 16);
        }
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw GtvpcException.badInput("--cases: " + name + " is a directory, not a file");
        }
        return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }
}
