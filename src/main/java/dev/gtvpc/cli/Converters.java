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

    /** text or json, for commands that print tables. */
    static final class TextOrJson implements Iterable<String> {
        static final List<String> CHOICES = List.of("text", "json");

        @Override
        public Iterator<String> iterator() {
            return CHOICES.iterator();
        }
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
