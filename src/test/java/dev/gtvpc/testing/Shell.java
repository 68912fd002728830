package dev.gtvpc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program (the launchers, install.sh, the action's script) as a user's shell would, with an
 * environment the test gives whole: nothing of the test JVM's own (its PATH has Maven, its JAVA_HOME
 * a JDK) leaks in unless the test passes it.
 */
public final class Shell {
    public record Result(int exit, String out, String err) {
        public String describe() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Shell() {
    }

    /** PATH entries every test may use: the system's tools, never a JDK or Maven of its own choosing. */
    public static final String SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin";

    /** The directory of the JVM running the tests, for a PATH that should find Java 17+. */
    public static Path javaBin() {
        return Path.of(System.getProperty("java.home"), "bin");
    }

    /** A minimal environment: HOME, LANG and the given variables (PATH among them). */
    public static Map<String, String> env(Path home, String... keyValues) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    /**
     * A command looked up on the PATH of the environment given to {@link #run}, as a shell would
     * (ProcessBuilder looks a bare name up on the test JVM's own PATH).
     */
    public static List<String> onPath(String... command) {
        List<String> all = new java.util.ArrayList<>(List.of("/usr/bin/env"));
        all.addAll(List.of(command));
        return all;
    }

    public static Result run(Path dir, Map<String, String> env, List<String> command) {
        return run(dir, env, command, Path.of("/dev/null"));
    }

    /** Runs {@code command} with {@code stdin} as its standard input. */
    public static Result run(Path dir, Map<String, String> env, List<String> command, Path stdin) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()));
        try {
            Path out = Files.createTempFile("gtvpc-shell", ".out");
            Path err = Files.createTempFile("gtvpc-shell", ".err");
            try {
                pb.redirectOutput(out.toFile()).redirectError(err.toFile());
                Process p = pb.start();
                // generous: the machine is shared; what is measured is the outcome, never the time
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new AssertionError("still running after 10 minutes: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Writes an executable script. */
    public static Path script(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file of the repository, keeping it executable when it is. */
    public static Path copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            return Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
