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

    static List<Input> expand(List<String> arguments) {
        List<Input> inputs = new ArrayList<>();
        for (String arg : arguments) {
            if (arg.equals("-")) {
                inputs.add(new Input(arg, Optional.empty()));
                continue;
            }
            Path path = Path.of(arg);
            if (!Files.isDirectory(path)) {
                inputs.add(new Input(arg, Optional.empty()));
                continue;
            }
            int before = inputs.size();
            walk(arg, path, inputs);
            if (inputs.size() == before) {
                inputs.add(new Input(arg, Optional.of(arg + " is a directory with no " + LINTABLE + " file in it")));
            }
        }
        return inputs;
    }

    private static void walk(String arg, Path root, List<Input> inputs) {
        List<Input> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                    return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (lintable(file)) {
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
