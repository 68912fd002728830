package dev.gtvpc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: the expected output, byte for byte, kept in the repository. Run the tests with
 * {@code -Dgolden.update=true} to rewrite them from the current output, then review the diff.
 */
public final class Golden {
    private Golden() {
    }

    /** The repository's root (Maven runs tests there). */
    public static Path root() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    public static Path testResource(String relative) {
        return root().resolve("src/test/resources").resolve(relative);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertMatches(Path file, String actual) {
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertThat(file).as("golden file %s (regenerate with -Dgolden.update=true)", root().relativize(file)).exists();
        assertThat(actual).as("output against golden file %s", root().relativize(file)).isEqualTo(read(file));
    }
}
