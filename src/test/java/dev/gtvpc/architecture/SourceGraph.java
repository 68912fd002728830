package dev.gtvpc.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages of a Java source tree and what each one uses, read from the sources: {@code import}
 * lines and fully qualified names written inline ({@code dev.gtvpc.lint.rules.Placeholders.find(v)}),
 * with comments and string literals set aside (a name in a Javadoc or a message is no dependency). A
 * reference to a class of the same package is no dependency either. A name is taken to end where its
 * first segment starting with a capital letter begins: that segment is the class, the ones before it
 * the package (the Java naming conventions, which this project follows).
 */
final class SourceGraph {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;", Pattern.MULTILINE);
    // a chain of lower-case segments followed by a capitalised one, not itself part of a longer chain (a.b.C, not x.a.b.C's tail)
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.$])([a-z_][\\w$]*(?:\\.[a-z_][\\w$]*)+)\\.[A-Z][\\w$]*");

    /** One use of a name from another package: where, and the name as written. */
    record Use(String file, int line, String name, String usedPackage) {
        @Override
        public String toString() {
            return file + ":" + line + " uses " + name;
        }
    }

    private final String root;
    private final Map<String, List<String>> filesByPackage = new TreeMap<>();
    private final Map<String, Integer> linesByFile = new TreeMap<>();
    private final Map<String, List<Use>> usesByPackage = new TreeMap<>();

    private SourceGraph(String root) {
        this.root = root;
    }

    /** The trees under {@code javaRoots} (a {@code src/main/java}, generated sources); {@code root} is the project's root package. */
    static SourceGraph read(List<Path> javaRoots, String root) {
        Map<String, String> files = new TreeMap<>();
        for (Path javaRoot : javaRoots) {
            try (Stream<Path> walk = Files.walk(javaRoot)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                    files.put(javaRoot.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return of(files, root);
    }

    /** A tree given as file name → source text, as a test plants one. */
    static SourceGraph of(Map<String, String> files, String root) {
        SourceGraph g = new SourceGraph(root);
        files.forEach(g::add);
        return g;
    }

    private void add(String file, String source) {
        String code = Java.codeOnly(source);
        Matcher p = PACKAGE.matcher(code);
        String pkg = p.find() ? p.group(1) : "";
        filesByPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(file);
        linesByFile.put(file, (int) source.lines().count());
        List<Use> uses = usesByPackage.computeIfAbsent(pkg, k -> new ArrayList<>());
        Matcher m = IMPORT.matcher(code);
        StringBuilder rest = new StringBuilder(code);
        while (m.find()) {
            String name = m.group(1);
            // import a.b.*: a package; import a.b.C.*, import a.b.C, import static a.b.C.m: the package of C
            String used = m.group(2) != null && packageOf(name + ".X").equals(name) ? name : packageOf(name);
            if (!used.equals(pkg)) {
                uses.add(new Use(file, lineAt(code, m.start()), name, used));
            }
            for (int i = m.start(); i < m.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        Matcher q = QUALIFIED.matcher(rest);
        while (q.find()) {
            String used = q.group(1);
            if (!used.equals(pkg)) {
                uses.add(new Use(file, lineAt(code, q.start()), q.group(), used));
            }
        }
    }

    private static int lineAt(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The package part of a qualified name: its segments before the first capitalised one. */
    static String packageOf(String qualified) {
        List<String> parts = new ArrayList<>();
        for (String s : qualified.split("\\.")) {
            if (!s.isEmpty() && Character.isUpperCase(s.charAt(0))) {
                break;
            }
            parts.add(s);
        }
        return String.join(".", parts);
    }

    /** The project's packages: those its files declare. */
    Set<String> packages() {
        return new TreeSet<>(filesByPackage.keySet());
    }

    /** Every file of the tree with its number of lines. */
    Map<String, Integer> fileLines() {
        return linesByFile;
    }

    /** What {@code pkg} uses from other packages, the project's and libraries' alike. */
    List<Use> uses(String pkg) {
        return usesByPackage.getOrDefault(pkg, List.of());
    }

    boolean isProject(String pkg) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /** The project packages {@code pkg} uses, each with the first use that shows it. */
    Map<String, Use> dependencies(String pkg) {
        Map<String, Use> out = new TreeMap<>();
        for (Use u : uses(pkg)) {
            if (isProject(u.usedPackage()) && filesByPackage.containsKey(u.usedPackage())) {
                out.putIfAbsent(u.usedPackage(), u);
            }
        }
        return out;
    }

    /** The packages that depend on one another, in groups of two or more (each group one cycle or more). */
    List<Set<String>> cycles() {
        return new Tarjan().run();
    }

    /**
     * A shortest chain of dependencies from {@code from} to {@code to} or one of its subpackages, as
     * the uses that make it; empty when there is none.
     */
    Optional<List<Use>> path(String from, String to) {
        Map<String, String> previous = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        Set<String> seen = new TreeSet<>(List.of(from));
        while (!queue.isEmpty()) {
            String p = queue.poll();
            if (!p.equals(from) && (p.equals(to) || p.startsWith(to + "."))) {
                List<Use> chain = new ArrayList<>();
                for (String at = p; !at.equals(from); at = previous.get(at)) {
                    chain.add(0, dependencies(previous.get(at)).get(at));
                }
                return Optional.of(chain);
            }
            for (String q : dependencies(p).keySet()) {
                if (seen.add(q)) {
                    previous.put(q, p);
                    queue.add(q);
                }
            }
        }
        return Optional.empty();
    }

    /** Tarjan's strongly connected components over the project packages. */
    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        List<Set<String>> run() {
            for (String p : filesByPackage.keySet()) {
                if (isProject(p) && !index.containsKey(p)) {
                    visit(p);
                }
            }
            return components;
        }

        private void visit(String p) {
            index.put(p, index.size());
            low.put(p, index.get(p));
            stack.push(p);
            onStack.add(p);
            for (String q : dependencies(p).keySet()) {
                if (!index.containsKey(q)) {
                    visit(q);
                    low.put(p, Math.min(low.get(p), low.get(q)));
                } else if (onStack.contains(q)) {
                    low.put(p, Math.min(low.get(p), index.get(q)));
                }
            }
            if (low.get(p).equals(index.get(p))) {
                Set<String> component = new TreeSet<>();
                String q;
                do {
                    q = stack.pop();
                    onStack.remove(q);
                    component.add(q);
                } while (!q.equals(p));
                if (component.size() > 1) {
                    components.add(component);
                }
            }
        }
    }

    /** Java source with comments, string, text-block and character literals blanked out; lines and offsets kept. */
    static final class Java {
        private Java() {
        }

        static String codeOnly(String source) {
            StringBuilder out = new StringBuilder(source.length());
            int i = 0;
            int n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                    while (i < n && source.charAt(i) != '\n') {
                        out.append(' ');
                        i++;
                    }
                } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                    int end = source.indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                    blank(source, i, end, out);
                    i = end;
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    while (end > 0 && source.charAt(end - 1) == '\\') {
                        end = source.indexOf("\"\"\"", end + 1);
                    }
                    end = end < 0 ? n : end + 3;
                    blank(source, i, end, out);
                    i = end;
                } else if (c == '"' || c == '\'') {
                    int end = i + 1;
                    while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                        end += source.charAt(end) == '\\' ? 2 : 1;
                    }
                    end = Math.min(n, end + 1);
                    blank(source, i, end, out);
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private static void blank(String source, int from, int to, StringBuilder out) {
            for (int k = from; k < to; k++) {
                out.append(source.charAt(k) == '\n' ? '\n' : ' ');
            }
        }
    }
}
