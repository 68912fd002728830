package dev.gtvpc.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IAnnotatedElement;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Gives each command's shared options the words its {@link Wording} annotations say, through
 * picocli's own hook for per-command help text: a resource bundle, looked up by the option's name
 * before its annotated description. The bundle is made in memory from the annotations (picocli's
 * {@code ResourceBundle.getBundle} costs a tenth of a second at start-up), and only for commands that
 * word something.
 */
final class OptionWording {
    private OptionWording() {
    }

    /** Installs the wording of {@code cl} and of every command below it. */
    static void install(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        Map<String, String> texts = new LinkedHashMap<>();
        collect(spec, texts);
        if (!texts.isEmpty()) {
            spec.resourceBundle(new Texts(texts));
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }

    /** The wording {@code spec}'s mixins carry, and their own mixins' (a mixin of options may word the ones it mixes in). */
    private static void collect(CommandSpec spec, Map<String, String> texts) {
        for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
            IAnnotatedElement element = spec.mixinAnnotatedElements().get(mixin.getKey());
            Wording wording = element == null ? null : element.getAnnotation(Wording.class);
            if (wording != null) {
                texts.put(key(only(mixin.getValue(), mixin.getKey())), wording.value());
            }
            collect(mixin.getValue(), texts);
        }
    }

    private static ArgSpec only(CommandSpec mixin, String name) {
        List<ArgSpec> args = mixin.args();
        if (args.size() != 1) {
            // a programming error, caught by every test that builds the command line
            throw new IllegalStateException("@Wording on mixin '" + name + "' needs exactly one option in it, not " + args.size());
        }
        return args.get(0);
    }

    /** The key picocli looks a description up by (see ArgSpec#getAdditionalDescriptionKeys). */
    private static String key(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            String name = option.longestName();
            int start = 0;
            while (start < name.length() && !Character.isJavaIdentifierPart(name.charAt(start))) {
                start++;
            }
            return name.substring(start);
        }
        PositionalParamSpec positional = (PositionalParamSpec) arg;
        return positional.paramLabel() + "[" + positional.index() + "]";
    }

    private static final class Texts extends ResourceBundle {
        private final Map<String, String> texts;

        Texts(Map<String, String> texts) {
            this.texts = Map.copyOf(texts);
        }

        @Override
        protected Object handleGetObject(String key) {
            return texts.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(texts.keySet());
        }
    }
}
