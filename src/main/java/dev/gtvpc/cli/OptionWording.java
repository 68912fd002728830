package dev.gtvpc.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A shared option such as {@code --region} is declared once (name, label, type, completion
 * candidates, checks); what it means for a command — "turns on the Ground Truth rules", "a bucket
 * elsewhere is refused" — is the command's to say ({@link Worded}). This gives each command's shared
 * options those words through picocli's own hook for per-command help text: a resource bundle, looked
 * up by the option's name before its annotated description. The bundle is made in memory
 * (picocli's {@code ResourceBundle.getBundle} costs a tenth of a second at start-up), and only when
 * help is made ({@link #help}): a run that prints none never builds it. The words are a method, not
 * an annotation: each annotation type a run reads costs the JVM a proxy class at start-up.
 */
final class OptionWording {
    /** A command, or a mixin of options, that says what some of its shared options mean for it. */
    interface Worded {
        /** Option name ({@code --region}) to its help text in this command. */
        Map<String, String> wording();
    }

    private OptionWording() {
    }

    /** picocli's help factory: the command's wording installed, then its help as picocli makes it. */
    static CommandLine.Help help(CommandSpec spec, CommandLine.Help.ColorScheme colors) {
        if (spec.resourceBundle() == null) {
            install(spec);
        }
        return new CommandLine.Help(spec, colors);
    }

    /** Installs the wording of {@code cl} and of every command below it. */
    static void install(CommandLine cl) {
        install(cl.getCommandSpec());
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }

    private static void install(CommandSpec spec) {
        Map<String, String> texts = new LinkedHashMap<>();
        collect(spec, spec, texts);
        if (!texts.isEmpty()) {
            spec.resourceBundle(new Texts(texts));
        }
    }

    /** The wording of {@code owner} (the command, or one of its mixins) and of the mixins below it, keyed as picocli looks it up. */
    private static void collect(CommandSpec command, CommandSpec owner, Map<String, String> texts) {
        if (owner.userObject() instanceof Worded worded) {
            for (Map.Entry<String, String> w : worded.wording().entrySet()) {
                if (command.findOption(w.getKey()) == null) {
                    // a programming error, caught by every test that renders help (the man page renders all)
                    throw new IllegalStateException(command.qualifiedName() + " words " + w.getKey() + ", an option it does not have");
                }
                texts.put(w.getKey().replaceFirst("^-+", ""), w.getValue());
            }
        }
        for (CommandSpec mixin : owner.mixins().values()) {
            collect(command, mixin, texts);
        }
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
