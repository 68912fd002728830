package dev.gtvpc.eval;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.policy.io.ReadProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the lines of a cases file. Each distinct policy (inline, by its compact text; or by file) is
 * read once, however many cases use it. A bad line becomes an error outcome; the run goes on.
 */
public final class CaseRunner {
    /**
     * What one line came to: a case, the policy it was decided against and its evaluation, or an error for that line
     * (with the case, its policy and the result when the policy could not decide it).
     */
    public record Outcome(Optional<String> id, Optional<RequestCase> requestCase, Optional<UsedPolicy> policy,
            Optional<EvaluationResult> result, Optional<String> error) {

        static Outcome error(Optional<String> id, String message) {
            return new Outcome(id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(message));
        }
    }

    /** A case's policy and where it came from: POLICY's file, the case's policyFile, or its inline policy. */
    public record UsedPolicy(String source, Policy policy) {
    }

    /** What a trace calls a case's inline policy. */
    public static final String INLINE = "(the case's policy)";

    private final Optional<Policy> defaultPolicy;
    private String defaultSource = "POLICY";
    private final Path baseDir;
    private final Check check;
    private final Map<String, Object> inlinePolicies = new HashMap<>();
    private final Map<Path, Object> filePolicies = new HashMap<>();

    /**
     * @param defaultPolicy the policy for lines that name none
     * @param baseDir       where relative {@code policyFile} paths start (the cases file's directory)
     */
    public CaseRunner(Optional<Policy> defaultPolicy, Path baseDir) {
        this(defaultPolicy, baseDir, (request, allowUnknownAction) -> Optional.empty());
    }

    /**
     * What makes a case's request one AWS could not receive (a misspelt action, a VPC ID as an endpoint), which
     * becomes that line's error instead of a decision; {@code allowUnknownAction} is the case's own field.
     */
    @FunctionalInterface
    public interface Check {
        Optional<String> problem(Request request, boolean allowUnknownAction);
    }

    public CaseRunner(Optional<Policy> defaultPolicy, Path baseDir, Check check) {
        this.defaultPolicy = defaultPolicy;
        this.baseDir = baseDir;
        this.check = check;
    }

    /** Names POLICY in what {@link Outcome#policy()} says (its file, or {@code <stdin>}). */
    public CaseRunner withDefaultSource(String source) {
        this.defaultSource = source;
        return this;
    }

    public Outcome run(String line) {
        RequestCase c;
        try {
            c = RequestCase.parse(line);
        } catch (RequestCase.BadCase e) {
            return Outcome.error(e.id(), e.getMessage());
        }
        Optional<String> unreal = check.problem(c.request(), c.allowUnknownAction());
        if (unreal.isPresent()) {
            return Outcome.error(c.id(), unreal.get());
        }
        Object policy;
        String source;
        if (c.policy().isPresent()) {
            source = INLINE;
            policy = inlinePolicies.computeIfAbsent(Json.write(c.policy().get(), false),
                    text -> readOrProblem(PolicyReader.parse(c.policy().get()), null));
        } else if (c.policyFile().isPresent()) {
            source = c.policyFile().get();
            policy = filePolicies.computeIfAbsent(baseDir.resolve(source).normalize(), file -> readFile(file, c.policyFile().get()));
        } else if (defaultPolicy.isPresent()) {
            source = defaultSource;
            policy = defaultPolicy.get();
        } else {
            return Outcome.error(c.id(), "the case names no \"policy\" or \"policyFile\", and no POLICY was given");
        }
        if (policy instanceof String problem) {
            return Outcome.error(c.id(), problem);
        }
        Optional<UsedPolicy> used = Optional.of(new UsedPolicy(source, (Policy) policy));
        EvaluationResult result = Evaluator.evaluate((Policy) policy, c.request())
                .withNotes(RequestNotes.of((Policy) policy, c.request(), c.derivedPrincipalArn()));
        if (result.decision().isEmpty()) {
            return new Outcome(c.id(), Optional.of(c), used, Optional.of(result), Optional.of(String.join("; ", result.errors())));
        }
        return new Outcome(c.id(), Optional.of(c), used, Optional.of(result), Optional.empty());
    }

    /**
     * The policy, or the one-line problem that stops it being read (cached like a policy). An inline
     * policy ({@code source} null) is located by its column in the case's line.
     */
    private static Object readOrProblem(PolicyReader.Result result, String source) {
        if (result.ok()) {
            return result.parsed().get().policy();
        }
        ReadProblem first = result.problems().get(0);
        return source != null ? first.format(source)
                : "policy, column " + first.location().column() + ": " + first.message() + " (at " + dev.gtvpc.policy.JsonPointer.display(first.pointer()) + ")";
    }

    /** {@code name} is the path as the case wrote it, which is what an error should show. */
    private static Object readFile(Path file, String name) {
        try {
            return readOrProblem(PolicyReader.parse(Files.readString(file, StandardCharsets.UTF_8)), name);
        } catch (NoSuchFileException e) {
            return "policyFile: no such file: " + name;
        } catch (IOException e) {
            return "policyFile: cannot read " + name + ": " + e.getMessage();
        }
    }
}
