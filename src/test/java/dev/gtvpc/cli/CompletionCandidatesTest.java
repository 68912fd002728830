package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gtvpc.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completion offers every fixed value an option has, and only values the command accepts: each
 * candidate is run through the offline commands and must not be refused as a value of its option.
 */
class CompletionCandidatesTest {
    /** The options whose values are a fixed set, wherever they appear. */
    static final Set<String> FIXED = Set.of("--format", "--fail-on", "--disable", "--expect", "--actions", "--task-type",
            "--region", "--policy-type", "--style", "--for", "--partition");

    @TempDir
    static Path dir;
    static Path policy;
    static Path cases;

    @BeforeAll
    static void files() throws Exception {
        policy = dir.resolve("policy.json");
        Files.writeString(policy, Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "b-data",
                "--vpc", "vpc-0abc1234def567890").out());
        cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, "{\"id\":\"outside\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b-data/k\","
                + "\"expect\":\"deny\"}\n");
    }

    /** A run of each offline command that succeeds (or fails a check) with nothing else wrong. */
    static Map<String, List<String>> bases() {
        return Map.of(
                "policy generate", List.of("--region", "us-east-1", "--bucket", "b-data", "--vpc", "vpc-0abc1234def567890"),
                "policy lint", List.of(policy.toString()),
                "policy verify", List.of(policy.toString(), "--region", "us-east-1", "--vpc", "vpc-0abc1234def567890"),
                "policy simulate", List.of(policy.toString(), "--action", "s3:GetObject", "--resource", "arn:aws:s3:::b-data/k"),
                "policy test", List.of(policy.toString(), "--cases", cases.toString()),
                "endpoint-policy generate", List.of("--region", "us-east-1", "--bucket", "b-data"),
                "iam-policy generate", List.of("--bucket", "b-data", "--for", "execution-role"),
                "job vpc-config", List.of("--region", "us-east-1", "--task-type", "BoundingBox", "--subnet", "subnet-0abc1234def567890",
                        "--security-group", "sg-0abc1234def567890"),
                "regions list", List.of(),
                "regions show", List.of("us-east-1"));
    }

    @Test
    void everyFixedValueOptionHasCandidates() {
        List<String> missing = new ArrayList<>();
        for (CommandLine leaf : UsageErrorStyleTest.leaves(all())) {
            for (OptionSpec o : leaf.getCommandSpec().options()) {
                // any option that takes a FORMAT, whatever it is called, is a fixed set too (simulate's --format once lacked them)
                boolean fixed = FIXED.contains(o.longestName()) || o.longestName().endsWith("format") || "FORMAT".equals(o.paramLabel());
                if (fixed && o.completionCandidates() == null) {
                    missing.add(leaf.getCommandSpec().qualifiedName() + " " + o.longestName());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyCandidateIsAccepted() {
        List<DynamicTest> tests = new ArrayList<>();
        for (CommandLine leaf : UsageErrorStyleTest.leaves(all())) {
            String name = leaf.getCommandSpec().qualifiedName().substring("gtvpc ".length());
            List<String> base = bases().get(name);
            if (base == null) {
                continue; // the AWS commands: their candidates are the shared classes these runs check
            }
            for (OptionSpec o : leaf.getCommandSpec().options()) {
                if (o.completionCandidates() == null) {
                    continue;
                }
                for (String candidate : o.completionCandidates()) {
                    tests.add(DynamicTest.dynamicTest(name + " " + o.longestName() + " " + candidate, () -> {
                        List<String> args = new ArrayList<>(List.of(name.split(" ")));
                        args.addAll(without(base, o.longestName()));
                        args.addAll(List.of(o.longestName(), candidate));
                        Cli.Result r = Cli.run(args.toArray(String[]::new));
                        assertThat(r.err()).as(String.join(" ", args))
                                .doesNotContain("gtvpc: " + o.longestName() + ":").doesNotContain("is not one of");
                        // --input names what the file is: the value is accepted when gtvpc reads the policy file as
                        // that kind and says the content is not one (exit 2), which the lines above tell from a refusal
                        List<Integer> ok = o.longestName().equals("--input") ? List.of(0, 1, 2) : List.of(0, 1);
                        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isIn(ok.toArray());
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void theScriptOffersTheValuesTheCliAcceptsNotEnumConstants() {
        String script = Cli.run("completion", "bash").out();
        assertThat(script).contains(words("bucket vpc-endpoint identity identity-inline scp rcp") + " # --policy-type values")
                .doesNotContain("VPC_ENDPOINT")
                .contains(words("error security-warning warning suggestion never") + " # --fail-on values")
                .contains(words("text json sarif junit github gitlab") + " # --format values")
                .contains(words("text json junit") + " # --format values")
                .contains(words("text json markdown") + " # --format values")
                .contains(words("allow deny not-denied implicit-deny") + " # --expect values")
                .contains(words("data doc ground-truth") + " # --actions values")
                .contains("(\"BoundingBox\" \"object-detection\" ")
                .contains("(\"us-east-2\" \"us-east-1\" \"us-west-2\" ")
                .contains("\"placeholder-left\"");
    }

    /**
     * The script run by bash, as the shell runs it on Tab: each option completes with its own values
     * (two options labelled FORMAT once shared one list, so --format offered --input's and the reverse),
     * and what names a file completes file names.
     */
    @Test
    void bashCompletesEachOptionWithItsOwnValuesAndFileArgumentsWithFiles() throws Exception {
        assumeThat(Path.of("/bin/bash")).as("bash installed").exists();
        Path work = Files.createDirectories(dir.resolve("completion"));
        Path script = Files.writeString(work.resolve("gtvpc.bash"), Cli.run("completion", "bash").out());
        Files.writeString(work.resolve("policy-a.json"), "{}");
        Files.writeString(work.resolve("policy-b.json"), "{}");
        assertThat(complete(script, work, "policy lint --format ")).containsExactly("text", "json", "sarif", "junit", "github", "gitlab");
        assertThat(complete(script, work, "policy lint --input ")).containsExactly("policy", "terraform-plan", "cloudformation");
        assertThat(complete(script, work, "policy simulate --format ")).containsExactly("text", "json");
        assertThat(complete(script, work, "policy test --input ")).containsExactly("policy", "terraform-plan", "cloudformation");
        // the other commands, each way round: verify offered --input's values for --format, apply and simulate the reverse
        assertThat(complete(script, work, "policy verify --format ")).containsExactly("text", "json", "markdown");
        assertThat(complete(script, work, "policy verify --input ")).containsExactly("policy", "terraform-plan", "cloudformation");
        assertThat(complete(script, work, "policy simulate --input ")).containsExactly("policy", "terraform-plan", "cloudformation");
        assertThat(complete(script, work, "policy test --format ")).containsExactly("text", "json", "junit");
        assertThat(complete(script, work, "policy apply --format ")).containsExactly("text", "json");
        assertThat(complete(script, work, "policy apply --input ")).containsExactly("policy", "terraform-plan", "cloudformation");
        for (String line : List.of("policy lint pol", "policy lint -o pol", "policy lint --baseline pol", "policy lint --create-baseline pol",
                "policy test --cases pol", "policy simulate --cases pol", "policy verify pol", "policy simulate pol", "policy apply pol",
                "policy generate --region us-east-1 -o pol", "audit --accounts pol")) {
            assertThat(complete(script, work, line)).as(line).containsExactlyInAnyOrder("policy-a.json", "policy-b.json");
        }
    }

    /** What bash offers for the last word of {@code gtvpc LINE}, in the directory {@code work}. */
    private static List<String> complete(Path script, Path work, String line) throws Exception {
        String words = "gtvpc " + line;
        String program = "source " + script + " 2>/dev/null\n"
                + "COMP_WORDS=(" + words + (words.endsWith(" ") ? "''" : "") + ")\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "_complete_gtvpc 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder("/bin/bash", "-c", program).directory(work.toFile()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    /** How picocli's script lists an option's values: ("a" "b" "c"). */
    private static String words(String spaced) {
        return "(\"" + String.join("\" \"", spaced.split(" ")) + "\")";
    }

    private static List<String> without(List<String> base, String option) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            if (base.get(i).equals(option)) {
                i++;
            } else {
                out.add(base.get(i));
            }
        }
        return out;
    }

    private static CommandLine all() {
        return ExitCodes.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
