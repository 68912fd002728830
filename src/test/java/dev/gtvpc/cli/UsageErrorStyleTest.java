package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every usage error of every command — picocli's own (an unknown option, a missing required option,
 * an option without its value, a value the converter refuses, an unknown command) as much as gtvpc's —
 * is one line in one form: {@code gtvpc: OPTION: what is wrong; what to do}. The commands are walked
 * from the model, so a command added later is held to it too.
 */
class UsageErrorStyleTest {
    /** The option (or a few, comma-separated), a colon, the problem, a semicolon, the remedy. */
    static final Pattern STYLE = Pattern.compile("gtvpc: [^ :;]+(, [^ :;]+)*: [^\\n;]+; [^\\n]+\\n");

    @TestFactory
    Stream<DynamicTest> everyPicocliErrorOfEveryCommandIsInTheOneForm() {
        CommandLine root = ExitCodes.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(check("no command", List.of()));
        tests.add(check("an unknown command", List.of("polcy")));
        tests.add(check("an unknown subcommand", List.of("policy", "lnt")));
        for (CommandLine leaf : leaves(root)) {
            List<String> path = List.of(leaf.getCommandSpec().qualifiedName().split(" ")).subList(1,
                    leaf.getCommandSpec().qualifiedName().split(" ").length);
            tests.add(check(String.join(" ", path) + " --no-such-option", append(path, "--no-such-option")));
            if (leaf.getCommandSpec().positionalParameters().stream().noneMatch(p -> p.isMultiValue())) {
                // lint takes any number of files: a stray word is a file, and a missing file is lint's to report
                tests.add(check(String.join(" ", path) + " a stray word", append(path, "stray-word", "stray-word-2", "stray-word-3")));
            }
            if (leaf.getCommandSpec().options().stream().anyMatch(OptionSpec::required)
                    || leaf.getCommandSpec().positionalParameters().stream().anyMatch(p -> p.required())) {
                tests.add(check(String.join(" ", path) + " with nothing", path));
            }
            for (OptionSpec o : leaf.getCommandSpec().options()) {
                if (o.arity().min() > 0 && !o.usageHelp() && !o.versionHelp()) {
                    tests.add(check(String.join(" ", path) + " " + o.longestName() + " without its value",
                            append(path, o.longestName())));
                }
                if (o.arity().min() > 0 && o.typeInfo().getAuxiliaryTypes()[0] != String.class
                        && o.typeInfo().getAuxiliaryTypes()[0] != java.nio.file.Path.class) {
                    tests.add(check(String.join(" ", path) + " " + o.longestName() + " zz-not-a-value",
                            append(path, o.longestName(), "zz-not-a-value")));
                }
                if (o.arity().min() > 0 && !o.isMultiValue()) {
                    tests.add(check(String.join(" ", path) + " " + o.longestName() + " twice",
                            append(path, o.longestName(), "zz1", o.longestName(), "zz2")));
                }
            }
        }
        tests.add(check("mutually exclusive options", List.of("policy", "apply", "p.json", "--bucket", "b-data",
                "--region", "us-east-1", "--merge", "--replace")));
        return tests.stream();
    }

    private static DynamicTest check(String name, List<String> args) {
        return DynamicTest.dynamicTest(name, () -> {
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).matches(STYLE).doesNotContain("Invalid value", "Missing required", "Unmatched", "Error:");
        });
    }

    static List<CommandLine> leaves(CommandLine c) {
        List<CommandLine> out = new ArrayList<>();
        if (c.getSubcommands().isEmpty()) {
            out.add(c);
        }
        for (CommandLine sub : c.getSubcommands().values()) {
            out.addAll(leaves(sub));
        }
        return out;
    }

    private static List<String> append(List<String> base, String... more) {
        List<String> a = new ArrayList<>(base);
        a.addAll(List.of(more));
        return a;
    }
}
