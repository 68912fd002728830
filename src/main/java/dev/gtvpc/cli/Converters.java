package dev.gtvpc.cli;

import dev.gtvpc.groundtruth.PolicyStyle;
import dev.gtvpc.render.OutputFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values spelled as users type them (aws-doc, cloudformation), with the choices in every error. */
final class Converters {
    private Converters() {
    }

    private static <E extends Enum<E>> E convert(String value, E[] choices, Function<E, String> name) {
        for (E e : choices) {
            if (name.apply(e).equals(value)) {
                return e;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of "
                + String.join(", ", Arrays.stream(choices).map(name).toList()));
    }

    static final class Style implements ITypeConverter<PolicyStyle>, Iterable<String> {
        @Override
        public PolicyStyle convert(String value) {
            return Converters.convert(value, PolicyStyle.values(), PolicyStyle::cliName);
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(PolicyStyle.values()).map(PolicyStyle::cliName).iterator();
        }
    }

    static final class Format implements ITypeConverter<OutputFormat>, Iterable<String> {
        @Override
        public OutputFormat convert(String value) {
            return Converters.convert(value, OutputFormat.values(), OutputFormat::cliName);
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(OutputFormat.values()).map(OutputFormat::cliName).iterator();
        }
    }

    /** {@code --input}: what a file is, by the names the option accepts. */
    static final class InputFormats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(dev.gtvpc.input.InputFormat.values()).map(dev.gtvpc.input.InputFormat::cliName).iterator();
        }
    }

    /** audit's --fail-on: every verdict. */
    static final class Verdicts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return java.util.Arrays.stream(dev.gtvpc.audit.Verdict.values()).map(dev.gtvpc.audit.Verdict::id).iterator();
        }
    }

    /** lint's --fail-on: the severities, most severe first, and never. */
    static final class FailOn implements Iterable<String> {
        static final List<String> CHOICES = java.util.stream.Stream.concat(
                Arrays.stream(dev.gtvpc.lint.Severity.values()).map(dev.gtvpc.lint.Severity::id), java.util.stream.Stream.of("never"))
                .toList();

        @Override
        public Iterator<String> iterator() {
            return CHOICES.iterator();
        }
    }

    /** lint's --min-severity: the severities. */
    static final class Severities implements Iterable<String> {
        static final List<String> CHOICES = Arrays.stream(dev.gtvpc.lint.Severity.values()).map(dev.gtvpc.lint.Severity::id).toList();

        @Override
        public Iterator<String> iterator() {
            return CHOICES.iterator();
        }
    }

    /** lint's --disable: every rule id. */
    static final class RuleIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            // the registry is built on first use, so a run that never completes never builds it for this
            // unreadable-file is about a file, not a policy: it cannot be disabled
            return dev.gtvpc.lint.Rules.ids().stream().filter(id -> !id.equals("unreadable-file")).iterator();
        }
    }

    /** lint's --policy-type, as the converter spells them (not the enum's constant names). */
    static final class PolicyTypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(dev.gtvpc.lint.PolicyKind.values()).map(dev.gtvpc.lint.PolicyKind::cliName).iterator();
        }
    }

    /** simulate's --expect, in the words the case files use. */
    static final class Expectations implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(dev.gtvpc.eval.RequestCase.Expectation.values())
                    .map(dev.gtvpc.eval.RequestCase.Expectation::word).iterator();
        }
    }

    /**
     * --actions: the presets. Single action names are not offered: there are hundreds, and a preset is
     * what a user rarely remembers the spelling of.
     */
    static final class ActionPresets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("data", "doc", "ground-truth").iterator();
        }
    }

    /** rcp generate's --actions: the services of the guidance's network RCP, each whole. */
    static final class RcpActions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return dev.gtvpc.rcp.NetworkRcpRequest.GUIDANCE_ACTIONS.iterator();
        }
    }

    /** job vpc-config's --task-type: the four with automated labeling, by name and by algorithm. */
    static final class TaskTypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new java.util.ArrayList<>();
            for (dev.gtvpc.groundtruth.LabelingTaskType t : dev.gtvpc.groundtruth.LabelingTasks.bundled().automated()) {
                names.add(t.name());
                names.add(t.algorithm().orElseThrow());
            }
            return names.iterator();
        }
    }

    /**
     * --region: the bundled table's regions (read only when the candidates are asked for: by the
     * completion script and the man page, not by a run).
     */
    static final class Regions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return dev.gtvpc.groundtruth.RegionTable.bundled().regionNames().iterator();
        }
    }

    /** iam-policy's --partition. */
    static final class Partitions implements Iterable<String> {
        static final List<String> CHOICES = List.of("aws", "aws-cn", "aws-us-gov");

        @Override
        public Iterator<String> iterator() {
            return CHOICES.iterator();
        }
    }

    /** The value of {@code option} when it is one of {@code choices}; otherwise a bad-input error listing them. */
    static String oneOf(String option, String value, List<String> choices) {
        if (!choices.contains(value)) {
            throw dev.gtvpc.GtvpcException.badInput(option + ": '" + value + "' is not one of " + String.join(", ", choices)
                    + dev.gtvpc.util.Suggestions.didYouMean(value, choices));
        }
        return value;
    }

    /** The shells {@code completion} writes a script for. */
    static final class Shells implements Iterable<String> {
        static final List<String> CHOICES = List.of("bash", "zsh");

        @Override
        public Iterator<String> iterator() {
            return CHOICES.iterator();
        }
    }
}
