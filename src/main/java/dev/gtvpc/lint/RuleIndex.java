package dev.gtvpc.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the lint rule index at build time ({@code mvn process-classes}, before tests and the jar):
 * the name of every concrete {@link Rule} class under {@value #PACKAGE}, so the registry finds a new
 * rule without a list to edit and without scanning the class path at start-up. It refuses a build
 * whose rules cannot all be listed: a rule without a public no-argument constructor, two rules with
 * one id, two rules with one rank in a group (their order would be that of the files).
 */
public final class RuleIndex {
    static final String PACKAGE = "dev.gtvpc.lint.rules";

    private RuleIndex() {
    }

    /** {@code args[0]}: the compiled classes' directory, where the index is written. */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        List<String> names = ruleClasses(classes);
        check(names);
        StringBuilder out = new StringBuilder("# written at build time by " + RuleIndex.class.getName()
                + ": every Rule class under " + PACKAGE + "; Rules orders them by their declared group and rank\n");
        names.forEach(n -> out.append(n).append('\n'));
        Path index = classes.resolve(Rules.class.getPackageName().replace('.', '/')).resolve(Rules.INDEX);
        Files.writeString(index, out.toString(), StandardCharsets.UTF_8);
    }

    /** The concrete rule classes compiled into {@code classes}, by name. */
    static List<String> ruleClasses(Path classes) {
        Path root = classes.resolve(PACKAGE.replace('.', '/'));
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String relative = classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                String name = relative.substring(0, relative.length() - ".class".length());
                Class<?> c = Class.forName(name, false, RuleIndex.class.getClassLoader());
                if (Rule.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a compiled class under " + root + " cannot be loaded: " + e.getMessage(), e);
        }
        return names;
    }

    /** The rule {@code className} names, made with its public no-argument constructor. */
    static Rule instantiate(String className) {
        try {
            return Class.forName(className).asSubclass(Rule.class).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("the lint rule index names " + className + ", which is not a rule gtvpc can create: " + e, e);
        }
    }

    private static void check(List<String> names) {
        Map<String, String> byId = new HashMap<>();
        Map<String, String> byPlace = new HashMap<>();
        for (String name : names) {
            RuleInfo info = instantiate(name).info();
            String other = byId.put(info.id(), name);
            if (other != null) {
                throw new IllegalStateException(name + " and " + other + " both declare rule id " + info.id());
            }
            other = byPlace.put(info.group() + "/" + info.rank(), name);
            if (other != null) {
                throw new IllegalStateException(name + " and " + other + " both declare rank " + info.rank() + " in group "
                        + info.group().id() + ": give one of them another rank");
            }
        }
    }
}
