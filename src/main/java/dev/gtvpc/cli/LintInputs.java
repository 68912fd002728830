package dev.gtvpc.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code policy lint}'s FILE arguments name: files as given, and a directory as every lintable
 * file under it (recursively, in sorted order, hidden directories such as {@code .git} skipped). An
 * argument that cannot be read becomes an input with its problem, so it is reported in every format.
 */
final class LintInputs {
    /** One input: a name as the report shows it, and the problem that stops it being read, if any. */
    record Input(String name, Optional<String> problem) {
    }

    private LintInputs() {
    }

    /**
     * The one place that decides which files in a directory lint reads: policy documents ({@code *.json}).
     * Terraform plans and CloudFormation templates (other inputs) are added here.
     */
    static boolean lintable(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** What the filter reads, for messages. */
    static final String LINTABLE = "*.json";

    /**
     * Glob patterns ({@code --exclude}, {@code lint.exclude}) that leave files out, matched against a
     * file's path relative to {@code base}: the configuration file's directory when the file gave them,
     * the working directory otherwise. A pattern that matches a directory leaves out all under it, and
     * {@code **}{@code /x} matches {@code x} at the top too, as in a .gitignore.
     */
    record Excludes(Path base, List<String> patterns) {
        static final Excludes NONE = new Excludes(Path.of(""), List.of());

        Excludes {
            base = base.toAbsolutePath().normalize();
            patterns = List.copyOf(patterns);
            for (String pattern : patterns) {
                try {
                    base.getFileSystem().getPathMatcher("glob:" + pattern);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw dev.gtvpc.GtvpcException.badInput("--exclude: '" + pattern + "' is not a glob pattern: " + e.getDescription());
                }
            }
        }

        /** The pattern that leaves {@code file} out, if one does. */
        Optional<String> leavesOut(Path file) {
            Path path = file.toAbsolutePath().normalize();
            if (patterns.isEmpty() || !path.startsWith(base) || path.equals(base)) {
                return Optional.empty();
            }
            Path relative = base.relativize(path);
            for (String pattern : patterns) {
                for (int end = 1; end <= relative.getNameCount(); end++) {
                    if (matches(pattern, relative.subpath(0, end))) {
                        return Optional.of(pattern);
                    }
                }
            }
            return Optional.empty();
        }

        private boolean matches(String pattern, Path relative) {
            java.nio.file.FileSystem fs = base.getFileSystem();
            return fs.getPathMatcher("glob:" + pattern).matches(relative)
                    || pattern.startsWith("**/") && fs.getPathMatcher("glob:" + pattern.substring(3)).matches(relative);
        }
    }

    /** {@code arguments} as inputs, without those {@code excludes} leaves out; a named file left out is told to {@code leftOut}. */
    static List<Input> expand(List<String> arguments, Excludes excludes, java.util.function.Consumer<String> leftOut) {
        List<Input> inputs = new ArrayList<>();
        for (String arg : arguments) {
            if (arg.equals("-")) {
                inputs.add(new Input(arg, Optional.empty()));
                continue;
            }
            Path path = Path.of(arg);
            Optional<String> pattern = excludes.leavesOut(path);
            if (pattern.isPresent()) {
                leftOut.accept(arg + ": left out by the exclude pattern '" + pattern.get() + "'");
                continue;
            }
            if (!Files.isDirectory(path)) {
                inputs.add(new Input(arg, Optional.empty()));
                continue;
            }
            int before = inputs.size();
            walk(arg, path, inputs, excludes);
            if (inputs.size() == before) {
                inputs.add(new Input(arg, Optional.of(arg + " is a directory with no " + LINTABLE + " file in it")));
            }
        }
        return inputs;
    }

    private static void walk(String arg, Path root, List<Input> inputs, Excludes excludes) {
        List<Input> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                    return hidden || excludes.leavesOut(dir).isPresent() ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (lintable(file) && excludes.leavesOut(file).isEmpty()) {
                        found.add(new Input(file.toString(), Optional.empty()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    found.add(new Input(file.toString(), Optional.of(why(file.toString(), e))));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            found.add(new Input(arg, Optional.of(why(arg, e))));
        }
        found.sort(java.util.Comparator.comparing(Input::name));
        inputs.addAll(found);
    }

    static String why(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + name;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + name;
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return "cannot read " + name + ": " + reason;
    }
}
