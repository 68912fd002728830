/*
 * Writes the lists of lint rules at build time (Maven runs it at generate-sources, as a single-file
 * Java program: java scripts/RuleList.java SOURCES OUT_DIR). For every package under
 * dev.gtvpc.lint.rules that holds rules it writes a class PackageRules there, which makes each rule
 * with `new`, and dev.gtvpc.lint.RulePackages names those classes; Rules asks each for its rules.
 * So a new rule is its class (and its case file) and no list is edited by hand, while start-up
 * does no scanning and no reflection per rule.
 *
 * A rule is a public, non-abstract top-level class of those packages that implements
 * dev.gtvpc.lint.Rule, directly or through a class or interface of dev.gtvpc.lint and its
 * subpackages (BaseRule, ReadProblemRule). The sources are read, not compiled: declarations are
 * found by their shape with comments and literals set aside; RuleRegistryTest checks the lists
 * against the compiled classes. A file is rewritten only when its text changes, so an unchanged
 * build recompiles nothing.
 */
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class RuleList {
    static final String LINT = "dev.gtvpc.lint";
    static final String RULES = LINT + ".rules";
    static final String LIST_CLASS = "PackageRules";
    static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    static final Pattern DECLARATION = Pattern.compile(
            "((?:\\b(?:public|protected|private|final|abstract|sealed|non-sealed|static|strictfp)\\s+)*)"
            + "\\b(class|interface|enum|record)\\s+(\\w+)([^{]*)\\{");

    record Type(String pkg, String name, String kind, Set<String> modifiers, Set<String> supers) {
    }

    public static void main(String[] args) throws IOException {
        Path sources = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Type> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources.resolve(LINT.replace('.', '/')))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                types.addAll(topLevelTypes(codeOnly(Files.readString(f))));
            }
        }
        Set<String> ruleTypes = new HashSet<>(Set.of("Rule"));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Type t : types) {
                if (!ruleTypes.contains(t.name()) && t.supers().stream().anyMatch(ruleTypes::contains)) {
                    grew |= ruleTypes.add(t.name());
                }
            }
        }
        Map<String, TreeSet<String>> rulesByPackage = new TreeMap<>();
        for (Type t : types) {
            boolean inRules = t.pkg().equals(RULES) || t.pkg().startsWith(RULES + ".");
            if (inRules && t.kind().equals("class") && ruleTypes.contains(t.name()) && t.modifiers().contains("public")
                    && !t.modifiers().contains("abstract")) {
                rulesByPackage.computeIfAbsent(t.pkg(), k -> new TreeSet<>()).add(t.name());
            }
        }
        if (rulesByPackage.isEmpty()) {
            throw new IllegalStateException("no lint rule found under " + sources.resolve(RULES.replace('.', '/')));
        }
        Set<Path> written = new HashSet<>();
        List<String> lists = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : rulesByPackage.entrySet()) {
            StringBuilder s = new StringBuilder();
            s.append("package ").append(e.getKey()).append(";\n\n")
                    .append("/** The lint rules of this package, listed at build time by scripts/RuleList.java. */\n")
                    .append("public final class ").append(LIST_CLASS)
                    .append(" implements java.util.function.Supplier<java.util.List<").append(LINT).append(".Rule>> {\n")
                    .append("    @Override\n")
                    .append("    public java.util.List<").append(LINT).append(".Rule> get() {\n")
                    .append("        return java.util.List.of(\n");
            List<String> made = e.getValue().stream().map(n -> "                new " + n + "()").toList();
            s.append(String.join(",\n", made)).append(");\n    }\n}\n");
            written.add(write(out, e.getKey(), LIST_CLASS, s.toString()));
            lists.add("            \"" + e.getKey() + "." + LIST_CLASS + "\"");
        }
        String packages = "package " + LINT + ";\n\n"
                + "/** The classes that list the lint rules of each rules package, written at build time by scripts/RuleList.java. */\n"
                + "final class RulePackages {\n"
                + "    static final java.util.List<String> LISTS = java.util.List.of(\n"
                + String.join(",\n", lists) + ");\n\n"
                + "    private RulePackages() {\n    }\n}\n";
        written.add(write(out, LINT, "RulePackages", packages));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!written.contains(f)) {
                    Files.delete(f);
                }
            }
        }
    }

    private static Path write(Path out, String pkg, String name, String text) throws IOException {
        Path file = out.resolve(pkg.replace('.', '/')).resolve(name + ".java");
        if (!Files.exists(file) || !Files.readString(file).equals(text)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        return file;
    }

    /** The types declared at the top level of a file (brace depth 0), with their modifiers and the types they extend or implement. */
    static List<Type> topLevelTypes(String code) {
        Matcher p = PACKAGE.matcher(code);
        String pkg = p.find() ? p.group(1) : "";
        List<Type> types = new ArrayList<>();
        Matcher d = DECLARATION.matcher(code);
        int depth = 0;
        int at = 0;
        while (d.find(at)) {
            depth += braces(code, at, d.start());
            boolean topLevel = depth == 0;
            depth += braces(code, d.start(), d.end());
            if (topLevel) {
                Set<String> supers = new HashSet<>();
                String header = d.group(4);
                for (String before = ""; !before.equals(header); ) {
                    before = header;
                    header = header.replaceAll("<[^<>]*>", "");
                }
                Matcher s = Pattern.compile("\\b(?:extends|implements)\\s+([\\w.\\s,]+?)(?=\\b(?:extends|implements|permits)\\b|$)")
                        .matcher(header.strip());
                while (s.find()) {
                    for (String n : s.group(1).split(",")) {
                        String simple = n.strip();
                        supers.add(simple.substring(simple.lastIndexOf('.') + 1));
                    }
                }
                types.add(new Type(pkg, d.group(3), d.group(2), Set.of(d.group(1).strip().split("\\s+")), supers));
            }
            at = d.end();
        }
        return types;
    }

    private static int braces(String code, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            depth += code.charAt(i) == '{' ? 1 : code.charAt(i) == '}' ? -1 : 0;
        }
        return depth;
    }

    /** The source with comments and string, text-block and character literals blanked out. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char q = source.charAt(i);
                end = i + 1;
                while (end < n && source.charAt(end) != q && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
            } else {
                out.append(source.charAt(i++));
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(source.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }
}
