package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, "Output files and streams": {@code -o} writes through what is not a regular file, a failed
 * write to standard output is an error, and the AWS CLI's {@code --output} is refused with a pointer.
 */
class OutputStreamsCliTest {
    private static final String[] GENERATE = {"policy", "generate", "--region", "us-east-1", "--bucket", "my-data",
        "--vpce", "vpce-0123456789abcdef0"};

    private static String[] generate(String... more) {
        List<String> args = new ArrayList<>(List.of(GENERATE));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String expectedPolicy() {
        Cli.Result r = Cli.run(GENERATE);
        assertThat(r.exit()).isZero();
        return r.out();
    }

    private static BasicFileAttributes noFollow(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void anEmptyFileNameIsRefused() {
        Cli.Result r = Cli.run(generate("-o", ""));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gtvpc: -o: the file name is empty; name a file, or - for standard output\n");
    }

    @Test
    void aSymlinkStaysALinkAndItsTargetGetsThePolicy(@TempDir Path dir) throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        Cli.Result r = Cli.run(generate("-o", link.toString()));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(noFollow(link).isSymbolicLink()).isTrue();
        assertThat(Files.readString(real)).isEqualTo(expectedPolicy());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("real.json", "link.json");
        }
    }

    @Test
    void aDanglingSymlinkCreatesItsTarget(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("new.json"));
        Cli.Result r = Cli.run(generate("-o", link.toString()));
        assertThat(r.exit()).isZero();
        assertThat(noFollow(link).isSymbolicLink()).isTrue();
        assertThat(Files.readString(dir.resolve("new.json"))).isEqualTo(expectedPolicy());
    }

    @Test
    void aFifoIsWrittenToNotReplaced(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Cli.Result r = Cli.run(generate("-o", fifo.toString()));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo(expectedPolicy());
        assertThat(noFollow(fifo).isOther()).as("still a FIFO").isTrue();
    }

    @Test
    void devNullIsWrittenToAndStaysADevice() throws IOException {
        Cli.Result r = Cli.run(generate("-o", "/dev/null"));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(noFollow(Path.of("/dev/null")).isOther()).isTrue();
    }

    @Test
    void devFullIsAFailedWriteAndStaysADevice() throws IOException {
        Cli.Result r = Cli.run(generate("-o", "/dev/full"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gtvpc: -o: cannot write /dev/full: No space left on device\n");
        assertThat(noFollow(Path.of("/dev/full")).isOther()).as("/dev/full is still a device node").isTrue();
    }

    @Test
    void aRegularFileIsStillReplacedWholeAndKeepsItsMode(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("p.json"), "old\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        Object inode = noFollow(file).fileKey();
        Cli.Result r = Cli.run(generate("-o", file.toString()));
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(file)).isEqualTo(expectedPolicy());
        assertThat(noFollow(file).fileKey()).as("renamed over: a new inode").isNotEqualTo(inode);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
    }

    /** A writer that fails as a full disk does. */
    private static final class FullDisk extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "policy generate --region us-east-1 --bucket my-data --vpce vpce-0123456789abcdef0",
        "policy lint policies/generated/example-3.strict.json",
        "policy simulate policies/generated/example-3.strict.json --action s3:GetObject --resource arn:aws:s3:::bucket-name/a",
        "regions list"})
    void aFailedWriteToStandardOutputIsExit2WithOneLine(String command) {
        StringWriter err = new StringWriter();
        StandardOutput out = StandardOutput.of(new FullDisk());
        int exit = ExitCodes.run(command.split(" "), out, new PrintWriter(err, true));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(
                "gtvpc: standard output: cannot write (No space left on device); the output is missing or cut short\n");
    }

    @Test
    void aFailedWriteThroughAnyPrintWriterIsCaughtToo() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int exit = ExitCodes.run(GENERATE, new PrintWriter(broken, true), new PrintWriter(err, true));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("gtvpc: standard output: cannot write; the output is missing or cut short\n");
    }

    @Test
    void aCheckThatFailedAndCouldNotBeWrittenIsStillBadOutputNotSuccess() {
        StringWriter err = new StringWriter();
        int exit = ExitCodes.run(new String[] {"policy", "lint", "--fail-on", "suggestion", "policies/aws-doc/current/example-1.json"},
                StandardOutput.of(new FullDisk()), new PrintWriter(err, true));
        assertThat(exit).isEqualTo(2);
    }

    private static Process gtvpc(String shellRedirect, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "exec \"$@\" " + shellRedirect, "gtvpc",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.gtvpc.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(Golden.root().toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String[] finish(Process p) throws Exception {
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {Integer.toString(p.exitValue()), err};
    }

    /** The real process, as a shell runs it: System.out would have swallowed these errors. */
    @ParameterizedTest
    @ValueSource(strings = {">/dev/full", ">&-"})
    void theProcessExits2WhenItsStandardOutputFails(String redirect) throws Exception {
        String[] result = finish(gtvpc(redirect, GENERATE));
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[1]).startsWith("gtvpc: standard output: cannot write (").endsWith("); the output is missing or cut short\n");
        assertThat(result[1].lines()).hasSize(1);
    }

    /**
     * {@code gtvpc … | head -1}, without the race: the pipe's only reader is closed before gtvpc starts
     * (a FIFO opened for reading and writing, then for writing, then the reading end closed), so the
     * first write fails with EPIPE as it does once head has stopped reading.
     */
    @ParameterizedTest
    @ValueSource(strings = {"regions list",
        "policy generate --region us-east-1 --bucket my-data --vpce vpce-0123456789abcdef0"})
    void aReaderThatClosedThePipeEndsTheRunQuietly(String command, @TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        String[] result = finish(gtvpc("3<>'" + fifo + "' 1>'" + fifo + "' 3<&-", command.split(" ")));
        assertThat(result[1]).as("stderr").isEmpty();
        assertThat(result[0]).isEqualTo("0");
    }

    @Test
    void aBrokenPipeInProcessKeepsTheCommandsCode() {
        OutputStream closedReader = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        StringWriter err = new StringWriter();
        int exit = ExitCodes.run(new String[] {"policy", "lint", "--fail-on", "suggestion", "policies/aws-doc/current/example-1.json"},
                StandardOutput.of(closedReader), new PrintWriter(err, true));
        assertThat(err.toString()).isEmpty();
        assertThat(exit).as("the check's own failure, not an output error").isEqualTo(1);
    }

    @Test
    void devStdoutIsWrittenThroughInTheProcess(@TempDir Path dir) throws Exception {
        File captured = dir.resolve("out.json").toFile();
        String[] result = finish(gtvpc(">'" + captured + "'", generate("-o", "/dev/stdout")));
        assertThat(result[1]).isEmpty();
        assertThat(result[0]).isEqualTo("0");
        assertThat(Files.readString(captured.toPath())).isEqualTo(expectedPolicy());
        assertThat(noFollow(Path.of("/dev/stdout")).isSymbolicLink()).as("/dev/stdout is still the link it was").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "policy generate --region us-east-1 --bucket my-data --vpce vpce-0123456789abcdef0 --output json|"
                + "gtvpc: --output: not an option of gtvpc (the AWS CLI's --output is an output format); use --format FORMAT for the"
                + " output format, or -o FILE to write a file (see 'gtvpc policy generate --help')",
        "policy lint --output=json x.json|"
                + "gtvpc: --output: not an option of gtvpc (the AWS CLI's --output is an output format); use --format FORMAT for the"
                + " output format, or -o FILE to write a file (see 'gtvpc policy lint --help')",
        "policy simulate p.json --output json|"
                + "gtvpc: --output: not an option of gtvpc (the AWS CLI's --output is an output format); use --format FORMAT for the"
                + " output format (see 'gtvpc policy simulate --help')",
        "policy test --output json|"
                + "gtvpc: --output: not an option of gtvpc (the AWS CLI's --output is an output format); use --format FORMAT for the"
                + " output format (see 'gtvpc policy test --help')",
        "job vpc-config --output json|"
                + "gtvpc: --output: not an option of gtvpc (the AWS CLI's --output is an output format); use --format FORMAT for the"
                + " output format, or -o FILE to write a file (see 'gtvpc job vpc-config --help')"})
    void theAwsCliOutputOptionIsRefusedWithAPointer(String caseLine, @TempDir Path dir) {
        String[] parts = caseLine.split("\\|");
        Cli.Result r = Cli.run(parts[0].split(" "));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(parts[1] + "\n");
        assertThat(Path.of("json")).doesNotExist();
    }
}
