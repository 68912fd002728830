package dev.gtvpc.cli;

import java.io.Console;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run takes from its surroundings besides the arguments: the environment (AWS_* variables),
 * a terminal to ask on (none when stdin is a pipe, as in CI), the clock for backup names, and standard
 * input (what {@code -} names), and the working directory a configuration file is looked for from. The process uses the real ones; tests pass their own to run the CLI
 * in-process, several runs at once if they like: nothing here is global.
 */
public record RunContext(Map<String, String> environment, Optional<Terminal> terminal, Clock clock, InputStream stdin,
        Path workingDirectory) {

    /** Asks the person at the terminal; returns their answer, or empty when the input ended. */
    @FunctionalInterface
    public interface Terminal {
        Optional<String> ask(String prompt);
    }

    public RunContext {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stdin, "stdin");
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public RunContext(Map<String, String> environment, Optional<Terminal> terminal, Clock clock, InputStream stdin) {
        this(environment, terminal, clock, stdin, Path.of(""));
    }

    /** A run whose standard input is empty, as {@code < /dev/null} gives. */
    public RunContext(Map<String, String> environment, Optional<Terminal> terminal, Clock clock) {
        this(environment, terminal, clock, InputStream.nullInputStream());
    }

    /** The same run, reading {@code stdin} where it reads standard input. */
    public RunContext withStdin(InputStream stdin) {
        return new RunContext(environment, terminal, clock, stdin, workingDirectory);
    }

    /** The same run, looking for its configuration file from {@code directory} (tests: the JVM has one working directory). */
    public RunContext withWorkingDirectory(Path directory) {
        return new RunContext(environment, terminal, clock, stdin, directory);
    }

    public static RunContext system() {
        Console console = System.console();
        Optional<Terminal> terminal = console == null ? Optional.empty()
                : Optional.of(prompt -> Optional.ofNullable(console.readLine("%s", prompt)));
        return new RunContext(System.getenv(), terminal, Clock.systemUTC(), System.in);
    }
}
