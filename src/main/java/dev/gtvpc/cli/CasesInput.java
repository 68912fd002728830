package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Reads a cases file (JSON Lines) line by line, from a file or standard input. Blank lines and lines
 * starting with {@code #} are skipped, so hand-written case files can carry comments.
 */
final class CasesInput {
    private CasesInput() {
    }

    /** The directory relative {@code policyFile} paths start from: the cases file's, or the working directory. */
    static Path baseDir(String name) {
        Path parent = name.equals("-") ? null : Path.of(name).toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** Calls {@code each} with the 1-based line number and the text of every case line. */
    static void forEach(String name, BiConsumer<Integer, String> each) {
        try (BufferedReader in = open(name)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                each.accept(number, line);
            }
        } catch (NoSuchFileException e) {
            throw GtvpcException.badInput("--cases: no such file: " + name);
        } catch (IOException e) {
            throw GtvpcException.badInput("--cases: cannot read " + name + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw GtvpcException.badInput("--cases: cannot read " + name + ": " + e.getCause().getMessage());
        }
    }

    private static BufferedReader open(String name) throws IOException {
        if (name.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        }
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw GtvpcException.badInput("--cases: " + name + " is a directory, not a file");
        }
        return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }
}
