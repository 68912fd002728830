package dev.gtvpc.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it (README, "Install"): checked against its SHA-256 file,
 * unpacked and installed with the documented command into a prefix, on a PATH whose `mvn` is a trap
 * that records any call; then gtvpc run through a symlink from another directory, its completion
 * through bash (and zsh when installed), its man page rendered. Runs after `mvn package` (failsafe),
 * which made the archive; once per class, as installing makes the start-up archive (a few seconds).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributionIT {
    private static final List<String> GENERATE = List.of("policy", "generate", "--region", "us-east-1",
            "--bucket", "labeling-data-us-east-1", "--vpc", "vpc-0abc1234def567890", "--vpce", "vpce-0123456789abcdef0",
            "--role-arn", "arn:aws:iam::111122223333:role/LabelingAdmin");
    /** PolicyGenerateCliTest's golden for these arguments. */
    private static final Path GENERATE_GOLDEN = Golden.testResource("golden/generate/strict/json/us-east-1.json");

    @TempDir
    static Path tmp;
    Path prefix;
    Path mvnCalls;
    String path;
    String version;

    @BeforeAll
    void installFromTheArchive() throws IOException {
        Path archive = Path.of(System.getProperty("gtvpc.archive"));
        version = System.getProperty("gtvpc.version");
        assertThat(archive).as("made by mvn package (scripts/dist.sh)").exists();

        Path download = Files.createDirectories(tmp.resolve("Downloads"));
        Files.copy(archive, download.resolve(archive.getFileName()));
        Files.copy(Path.of(archive + ".sha256"), download.resolve(archive.getFileName() + ".sha256"));

        // `mvn` first on PATH records every call and fails: nothing below may build anything
        mvnCalls = tmp.resolve("mvn-calls");
        Path trap = Shell.script(tmp.resolve("trap/mvn"), "#!/bin/sh\necho \"$@\" >> " + mvnCalls + "\nexit 97\n").getParent();
        path = trap + ":" + Shell.javaBin() + ":" + Shell.SYSTEM_PATH;

        // the README's commands: check the download, unpack, install
        prefix = tmp.resolve("home/.local");
        Shell.Result check = user(download, List.of("sha256sum", "-c", archive.getFileName() + ".sha256"));
        assertThat(check.out()).as(check.describe()).isEqualTo(archive.getFileName() + ": OK\n");
        Shell.Result install = user(download, List.of("bash", "-c", "tar -xzf gtvpc-" + version + ".tar.gz && gtvpc-" + version
                + "/install.sh --prefix " + prefix));
        assertThat(install.exit()).as(install.describe()).isZero();
        assertThat(install.out()).contains("Installed gtvpc " + version + " (commit ", "in " + prefix.toRealPath());
    }

    private Shell.Result user(Path dir, List<String> command, String... env) {
        List<String> all = new ArrayList<>(List.of("PATH", path));
        all.addAll(List.of(env));
        return Shell.run(dir, Shell.env(tmp.resolve("home"), all.toArray(String[]::new)), command);
    }

    @Test
    void theSha256FileMatchesTheArchive() throws IOException, NoSuchAlgorithmException {
        Path archive = Path.of(System.getProperty("gtvpc.archive"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
        assertThat(Files.readString(Path.of(archive + ".sha256"))).isEqualTo(expected + "  " + archive.getFileName() + "\n");
    }

    @Test
    void theHomebrewFormulaAndTheJbangCatalogNameThisReleaseAndItsHash() throws IOException {
        Path archive = Path.of(System.getProperty("gtvpc.archive"));
        Path packaging = archive.resolveSibling("packaging");
        String releases = "https://github.com/" + System.getProperty("gtvpc.repository") + "/releases/download/v" + version + "/";
        String sha256 = Files.readString(Path.of(archive + ".sha256")).substring(0, 64);
        assertThat(Files.readString(packaging.resolve("homebrew/gtvpc.rb"))).contains(
                "class Gtvpc < Formula\n", "  url \"" + releases + "gtvpc-" + version + ".tar.gz\"\n", "  sha256 \"" + sha256 + "\"\n",
                "  depends_on \"openjdk\"\n", "bash_completion.install \"share/bash-completion/completions/gtvpc\"",
                "zsh_completion.install \"share/zsh/site-functions/_gtvpc\"", "man1.install \"share/man/man1/gtvpc.1\"",
                "assert_match \"gtvpc " + version + "\"");

        String catalog = Files.readString(packaging.resolve("jbang/jbang-catalog.json"));
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(catalog)) {
            while (p.nextToken() != null) {
                // reads the whole document: it is JSON
            }
        }
        // the launcher's own flags, so `jbang gtvpc` starts as `gtvpc` does
        java.util.regex.Matcher flags = java.util.regex.Pattern.compile("(?m)^ *flags=\\((.*)\\)$")
                .matcher(Golden.read(Golden.root().resolve("src/dist/bin/gtvpc")));
        assertThat(flags.find()).isTrue();
        assertThat(catalog).contains("\"script-ref\": \"" + releases + "gtvpc.jar\"", "\"java\": \"17+\"",
                "\"java-options\": [\"" + String.join("\", \"", flags.group(1).split(" ")) + "\"]");
    }

    @Test
    void theHomebrewFormulaIsRuby() {
        assumeThat(onPath("ruby")).as("ruby is not installed: the formula's syntax was not checked").isTrue();
        Path formula = Path.of(System.getProperty("gtvpc.archive")).resolveSibling("packaging/homebrew/gtvpc.rb");
        Shell.Result r = user(tmp, List.of("ruby", "-c", formula.toString()));
        assertThat(r.out()).as(r.describe()).isEqualTo("Syntax OK\n");
    }

    @Test
    void everyFileIsInItsPlaceWithItsMode() throws IOException {
        try (Stream<Path> lib = Files.list(prefix.resolve("lib/gtvpc"))) {
            assertThat(lib.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("gtvpc.jar", "startup-archive.sh", Files.exists(prefix.resolve("lib/gtvpc/gtvpc.aot"))
                            ? "gtvpc.aot" : "gtvpc.jsa");
        }
        for (String f : List.of("bin/gtvpc", "lib/gtvpc/startup-archive.sh")) {
            assertThat(Files.getPosixFilePermissions(prefix.resolve(f))).as(f).contains(PosixFilePermission.OTHERS_EXECUTE);
        }
        for (String f : List.of("lib/gtvpc/gtvpc.jar", "share/man/man1/gtvpc.1", "share/bash-completion/completions/gtvpc",
                "share/zsh/site-functions/_gtvpc", "share/doc/gtvpc/README.md", "share/doc/gtvpc/CHANGELOG.md",
                "share/doc/gtvpc/LICENSE")) {
            assertThat(Files.getPosixFilePermissions(prefix.resolve(f))).as(f)
                    .contains(PosixFilePermission.OTHERS_READ).doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        }
        assertThat(Files.readString(prefix.resolve("share/doc/gtvpc/CHANGELOG.md"))).startsWith("# Changelog");
    }

    @Test
    void generateThroughASymlinkFromAnotherDirectoryWithoutMaven() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("home/bin"));
        Files.createSymbolicLink(bin.resolve("gtvpc"), prefix.resolve("bin/gtvpc"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        List<String> command = new ArrayList<>(List.of("/usr/bin/env", "gtvpc"));
        command.addAll(GENERATE);
        Shell.Result r = Shell.run(elsewhere, Shell.env(tmp.resolve("home"), "PATH", bin + ":" + path), command);
        assertGenerated(r);
        assertThat(mvnCalls).as("Maven was called").doesNotExist();
    }

    @Test
    void theStartUpArchiveInstallMadeIsOneTheJvmAccepts() {
        Path lib = prefix.resolve("lib/gtvpc");
        // -Xshare:on / AOTMode=on: a JVM that cannot map the archive (another path, another JDK) fails
        // instead of running without it, as -Xshare:auto would, silently
        String strict = Files.exists(lib.resolve("gtvpc.aot")) ? "-XX:AOTMode=on" : "-Xshare:on";
        assertThat(Files.exists(lib.resolve("gtvpc.aot")) || Files.exists(lib.resolve("gtvpc.jsa")))
                .as("install.sh made a start-up archive in " + lib).isTrue();
        Shell.Result r = user(tmp, List.of(prefix.resolve("bin/gtvpc").toString(), "--version"), "GTVPC_JAVA_OPTS", strict);
        assertThat(r.exit()).as(r.describe()).isZero();
        assertThat(r.out()).startsWith("gtvpc " + version + " ");
    }

    @Test
    void bashCompletionLoadsAndCompletes() {
        String script = "source \"$1\" && complete -p gtvpc"
                + " && COMP_WORDS=(gtvpc policy ge) && COMP_CWORD=2 && COMP_LINE='gtvpc policy ge' && COMP_POINT=${#COMP_LINE}"
                + " && _complete_gtvpc && echo \"offered: ${COMPREPLY[*]}\"";
        Shell.Result r = user(tmp, List.of("bash", "-c", script, "bash", prefix.resolve("share/bash-completion/completions/gtvpc").toString()));
        assertThat(r.err()).as(r.describe()).isEmpty();
        assertThat(r.out()).contains("-F _complete_gtvpc gtvpc\n").contains("offered: generate get\n");
    }

    @Test
    void zshFindsTheCompletionOnItsFpath() {
        assumeThat(onPath("zsh")).as("zsh is not installed: its completion was not checked (apt-get install zsh)").isTrue();
        Shell.Result r = user(tmp, List.of("zsh", "-f", "-c", "fpath=(\"$1\" $fpath); autoload -U compinit; compinit -u -D;"
                + " print -r -- \"completer: $_comps[gtvpc]\"", "zsh", prefix.resolve("share/zsh/site-functions").toString()));
        assertThat(r.out()).as(r.describe()).isEqualTo("completer: _gtvpc\n");
        Shell.Result syntax = user(tmp, List.of("zsh", "-n", prefix.resolve("share/zsh/site-functions/_gtvpc").toString()));
        assertThat(syntax.exit()).as(syntax.describe()).isZero();
    }

    @Test
    void theManPageIsFoundAndRenders() {
        Path page = prefix.resolve("share/man/man1/gtvpc.1");
        if (onPath("man")) {
            Shell.Result found = user(tmp, List.of("man", "-M", prefix.resolve("share/man").toString(), "-w", "gtvpc"));
            assertThat(found.out()).as(found.describe()).isEqualTo(page + "\n");
            Shell.Result shown = user(tmp, List.of("man", "-l", page.toString()), "MANWIDTH", "80");
            assertThat(shown.exit()).as(shown.describe()).isZero();
            assertThat(shown.out()).contains("NAME", "gtvpc", "policy generate");
        } else {
            assumeThat(onPath("groff")).as("neither man nor groff is installed: the man page was not rendered").isTrue();
            Shell.Result shown = user(tmp, List.of("groff", "-man", "-Tutf8", page.toString()));
            assertThat(shown.exit()).as(shown.describe()).isZero();
            assertThat(shown.out()).contains("NAME", "policy generate");
        }
    }

    @Test
    void uninstallRemovesEveryFileInstallPut() throws IOException {
        Path other = tmp.resolve("other-prefix");
        Path unpacked = tmp.resolve("Downloads/gtvpc-" + version);
        Shell.Result install = user(tmp, List.of(unpacked.resolve("install.sh").toString(), "--prefix", other.toString(),
                "--no-startup-archive"));
        assertThat(install.exit()).as(install.describe()).isZero();
        assertThat(other.resolve("lib/gtvpc/gtvpc.jsa")).doesNotExist();
        // what making the start-up archive leaves (skipped here, as it takes seconds)
        Files.writeString(other.resolve("lib/gtvpc/gtvpc.jsa"), "archive");
        Files.writeString(other.resolve("lib/gtvpc/gtvpc.classlist"), "classes");
        Shell.Result uninstall = user(tmp, List.of(unpacked.resolve("install.sh").toString(), "--uninstall", "--prefix", other.toString()));
        assertThat(uninstall.exit()).as(uninstall.describe()).isZero();
        try (Stream<Path> left = Files.walk(other)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void theCheckoutLauncherWorksThroughASymlinkOnPathToo() throws IOException {
        // the repository's ./gtvpc with the jar this build made: not stale, so no build (the trap says)
        Path bin = Files.createDirectories(tmp.resolve("checkout-user/bin"));
        Files.createSymbolicLink(bin.resolve("gtvpc"), Golden.root().resolve("gtvpc"));
        Path calls = tmp.resolve("checkout-user/mvn-calls");
        Shell.script(bin.resolve("mvn"), "#!/bin/sh\necho \"$@\" >> " + calls + "\nexit 97\n");
        List<String> command = new ArrayList<>(List.of("/usr/bin/env", "gtvpc"));
        command.addAll(GENERATE);
        Shell.Result r = Shell.run(Files.createDirectories(tmp.resolve("elsewhere")),
                Shell.env(tmp.resolve("home"), "PATH", bin + ":" + path), command);
        assertThat(calls).as("Maven was called: target/gtvpc.jar is older than a source (run mvn package first)").doesNotExist();
        assertGenerated(r);
    }

    /** The golden's policy, and on stderr what the in-process run says (a warning about AWS's sample account). */
    private static void assertGenerated(Shell.Result r) {
        Cli.Result inProcess = Cli.run(GENERATE.toArray(String[]::new));
        assertThat(r.err()).as(r.describe()).isEqualTo(inProcess.err()).isNotEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(Golden.read(GENERATE_GOLDEN)).isEqualTo(inProcess.out());
    }

    private boolean onPath(String program) {
        return Shell.run(tmp, Map.of("PATH", path), List.of("/bin/sh", "-c", "command -v " + program)).exit() == 0;
    }
}
