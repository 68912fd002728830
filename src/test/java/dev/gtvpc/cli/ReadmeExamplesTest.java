package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ./gtvpc} example of README.md runs, in the order the page gives them, and prints what
 * the page shows where it shows output: a {@code $ ./gtvpc ...} line followed by its output in the
 * same block, or a single command whose block is followed directly by a json block. The commands
 * that talk to AWS (apply, get, rollback, preflight, jobs, audit --account|--config-aggregator) are left out. Files an example writes
 * ({@code -o}, {@code >}) live in a temporary directory, where later examples read them; the
 * repository's own files are read where they are. An example may read only those two kinds of file.
 */
class ReadmeExamplesTest {
    static final Set<String> TALKS_TO_AWS = Set.of("apply", "get", "rollback", "preflight", "jobs");
    static final Pattern VARS = Pattern.compile("^([A-Z]+=\\S+)(\\s+[A-Z]+=\\S+)*\\s*$");

    @TempDir
    static Path work;

    record Example(int line, String command, String shown, boolean prompt) {
    }

    /** The page's output as a pattern: "…" stands for text the page leaves out. */
    static Pattern shown(String text) {
        StringBuilder regex = new StringBuilder();
        String[] parts = text.split("…", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*?").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /**
     * Each document the README links to or names in backquotes ({@code docs/DESIGN.md}) is in the
     * repository: it once named a DESIGN.md that was not (issue 28). A bare name may sit in any
     * directory ({@code SOURCES.md} is in several); {@code RULE-ID} is the page of any rule.
     */
    @org.junit.jupiter.api.Test
    void everyDocumentTheReadmeNamesIsInTheRepository() throws IOException {
        String readme = Files.readString(Golden.root().resolve("README.md"));
        List<String> files = new ArrayList<>();
        Files.walkFileTree(Golden.root(), new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes a) {
                String name = d.getFileName().toString();
                return name.equals("target") || name.equals(".git") ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                        : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                files.add(Golden.root().relativize(f).toString());
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        Matcher named = Pattern.compile("\\]\\(((?!https?:|#)[^)\\s]+)\\)|`([^`\\s]+\\.md)`").matcher(readme);
        List<String> missing = new ArrayList<>();
        while (named.find()) {
            String name = named.group(1) != null ? named.group(1).replaceFirst("#.*", "") : named.group(2);
            if (!name.contains("RULE-ID") && files.stream().noneMatch(f -> f.equals(name) || f.endsWith("/" + name))) {
                missing.add(name);
            }
        }
        assertThat(missing).as("documents README.md names that the repository does not hold").isEmpty();
    }

    /** The sentence under the generate example names the values gtvpc warns about, no more and no fewer. */
    @org.junit.jupiter.api.Test
    void theGenerateExamplesWarningsAreTheOnesTheReadmeNames() throws IOException {
        Cli.Result r = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "bucket-name", "--actions", "doc",
                "--vpc", "vpc-12345678", "--vpce", "vpce-12345678", "--role-arn", "arn:aws:iam::111122223333:role/role-name");
        List<String> warned = r.err().lines().map(l -> l.replaceFirst("^gtvpc: warning: [^:]+: '([^']+)'.*", "$1")).toList();
        String readme = Files.readString(Golden.root().resolve("README.md"));
        String sentence = readme.substring(readme.indexOf("warns on stderr for each value that is a documentation sample"));
        sentence = sentence.substring(0, sentence.indexOf(')'));
        List<String> named = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([^`]+)`").matcher(sentence);
        while (m.find()) {
            named.add(m.group(1));
        }
        assertThat(named).containsExactlyElementsOf(warned);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAndPrintsWhatThePageShows() throws IOException {
        List<Example> examples = examples(Files.readAllLines(Golden.root().resolve("README.md")));
        assertThat(examples).hasSizeGreaterThan(10);
        // the parser must keep finding the outputs the page shows, or this test would check nothing
        assertThat(examples.stream().filter(e -> !e.shown().isEmpty()).count()).isGreaterThanOrEqualTo(8);
        assertThat(examples).anyMatch(e -> e.command().startsWith("./gtvpc policy generate") && e.shown().startsWith("{"));
        Map<String, String> vars = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Example e : examples) {
            if (e.command().startsWith("VARS ")) {
                for (String assignment : e.command().substring(5).split("\\s+")) {
                    vars.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
                }
                continue;
            }
            List<String> words = words(substitute(e.command(), vars));
            String sub = words.size() > 2 ? words.get(2) : "";
            boolean auditOfAws = words.get(1).equals("audit") && (words.contains("--account") || words.contains("--config-aggregator"));
            if (TALKS_TO_AWS.contains(words.get(1)) || TALKS_TO_AWS.contains(sub) || auditOfAws) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest("README.md:" + e.line() + " " + e.command(), () -> run(e, words)));
        }
        return tests.stream();
    }

    /** What the shell makes of {@code dir/*.json}: the matching files of the repository, sorted (a glob in the last part only). */
    private static List<String> glob(String pattern) throws IOException {
        int slash = pattern.lastIndexOf('/');
        Path dir = Path.of(slash < 0 ? "." : pattern.substring(0, slash));
        java.nio.file.PathMatcher matcher = dir.getFileSystem().getPathMatcher("glob:" + pattern.substring(slash + 1));
        List<String> found = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(f -> matcher.matches(f.getFileName())).map(f -> (slash < 0 ? "" : pattern.substring(0, slash + 1)) + f.getFileName())
                    .sorted().forEach(found::add);
        }
        assertThat(found).as("the README's glob %s matches files", pattern).isNotEmpty();
        return found;
    }

    private static void run(Example e, List<String> words) throws IOException {
        List<String> args = new ArrayList<>();
        Path redirect = null;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals(">")) {
                redirect = work.resolve(words.get(++i));
            } else if (w.equals(">/dev/null")) {
                redirect = work.resolve("dev-null");
            } else if (w.contains("*") && !w.startsWith("-")) {
                args.addAll(glob(w));
            } else {
                args.add(local(w));
            }
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        // an example of an error shows the error; every other example must work
        boolean showsAnError = e.shown().startsWith("gtvpc: ") && !e.shown().matches("(?s)gtvpc: (baseline|note|warning|info)\\b.*");
        assertThat(r.exit()).as("exit of README.md:%d %s%n%s", e.line(), e.command(), r.err()).isIn(showsAnError ? 2 : 0, 1);
        if (redirect != null) {
            Files.writeString(redirect, r.out());
        }
        if (!e.shown().isEmpty()) {
            // a $-prompt transcript shows both streams; a json block below a command shows its stdout
            String out = (e.prompt() ? r.out() + r.err() : r.out()).replace(work + "/", "");
            assertThat(out.strip()).as("output of README.md:%d %s", e.line(), e.command()).matches(shown(e.shown().strip()));
        }
    }

    /** A relative path the repository does not have is one the examples write or the fixtures hold. */
    private static String local(String word) {
        if (word.startsWith("-") || word.contains(":") || word.contains("=") || !word.matches("[A-Za-z0-9._/-]+\\.[a-z]+")) {
            return word;
        }
        return Files.exists(Golden.root().resolve(word)) ? word : work.resolve(word).toString();
    }

    static List<Example> examples(List<String> lines) {
        List<Example> out = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            if (VARS.matcher(l).matches()) {
                out.add(new Example(i + 1, "VARS " + l.strip(), "", false));
                continue;
            }
            boolean prompt = l.startsWith("$ ./gtvpc ");
            if (!prompt && !l.startsWith("./gtvpc ")) {
                continue;
            }
            int start = i;
            StringBuilder command = new StringBuilder(prompt ? l.substring(2) : l);
            while (command.toString().endsWith("\\")) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines.get(++i).strip());
            }
            StringBuilder shown = new StringBuilder();
            if (prompt) {
                while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("```") && !lines.get(i + 1).startsWith("$ ")) {
                    shown.append(lines.get(++i)).append('\n');
                }
            } else if (i + 1 < lines.size() && lines.get(i + 1).equals("```") && isOnlyCommandOfBlock(lines, start)) {
                int j = i + 2;
                while (j < lines.size() && lines.get(j).isBlank()) {
                    j++;
                }
                if (j < lines.size() && lines.get(j).equals("```json")) {
                    j++;
                    while (!lines.get(j).startsWith("```")) {
                        shown.append(lines.get(j++)).append('\n');
                    }
                }
            }
            out.add(new Example(start + 1, stripComment(command.toString().strip()), shown.toString(), prompt));
        }
        return out;
    }

    private static boolean isOnlyCommandOfBlock(List<String> lines, int at) {
        return lines.get(at - 1).startsWith("```");
    }

    /** A trailing {@code # comment} outside quotes. */
    private static String stripComment(String command) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && i > 0 && Character.isWhitespace(command.charAt(i - 1))) {
                return command.substring(0, i).strip();
            }
        }
        return command;
    }

    private static String substitute(String command, Map<String, String> vars) {
        Matcher m = Pattern.compile("\\$([A-Z]+)").matcher(command);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Shell words: spaces separate, quotes group. */
    static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                    any = false;
                }
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }
}
