package dev.gtvpc.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both launchers, the release's bin/gtvpc (src/dist/bin/gtvpc) and the checkout's ./gtvpc, against a
 * fake Java that prints the command line it was given instead of running it: where each finds its jar
 * when started through symlinks, which flags and start-up archive it passes, and what it says when
 * Java is missing or too old. The real jar behind a real install is DistributionIT's.
 */
class LaunchersTest {
    private static final Path DIST_LAUNCHER = Golden.root().resolve("src/dist/bin/gtvpc");
    private static final Path CHECKOUT_LAUNCHER = Golden.root().resolve("gtvpc");

    @TempDir
    Path tmp;

    /** A JDK layout whose bin/java prints its arguments, one a line; VERSION goes into its release file. */
    private Path fakeJdk(String name, String version) {
        Path jdk = tmp.resolve(name);
        Shell.script(jdk.resolve("bin/java"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        write(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return jdk;
    }

    /** An unpacked release: bin/gtvpc and lib/gtvpc/gtvpc.jar (any bytes: the fake Java never opens it). */
    private Path release() {
        Path home = tmp.resolve("opt/gtvpc-1.0.0");
        Shell.copy(DIST_LAUNCHER, home.resolve("bin/gtvpc"));
        write(home.resolve("lib/gtvpc/gtvpc.jar"), "jar");
        return home;
    }

    private Shell.Result run(Path launcher, Path javaHome, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return Shell.run(dir("elsewhere"), Shell.env(tmp, "PATH", Shell.SYSTEM_PATH, "JAVA_HOME", javaHome.toString()), command);
    }

    @Test
    void theReleaseLauncherFindsItsJarThroughAChainOfSymlinksFromAnyDirectory() throws IOException {
        Path home = release();
        Path jdk = fakeJdk("jdk17", "17.0.9");
        // ~/bin/gtvpc -> ../../opt/gtvpc-1.0.0/bin/gtvpc (relative), and a second, absolute link to that one
        Path link = dir("home/bin").resolve("gtvpc");
        Files.createSymbolicLink(link, Path.of("../../opt/gtvpc-1.0.0/bin/gtvpc"));
        Path second = dir("links").resolve("g");
        Files.createSymbolicLink(second, link);

        for (Path started : List.of(home.resolve("bin/gtvpc"), link, second)) {
            Shell.Result r = run(started, jdk, "policy", "generate", "an argument with spaces");
            assertThat(r.err()).as(started.toString()).isEmpty();
            assertThat(r.out().lines().toList()).as(started.toString()).containsExactly(
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                    "-cp", home.toRealPath().resolve("lib/gtvpc/gtvpc.jar").toString(), "dev.gtvpc.cli.Main",
                    "policy", "generate", "an argument with spaces");
            assertThat(r.exit()).isZero();
        }
    }

    @Test
    void theStartUpArchiveIsPassedWhenNewerThanTheJarAndReadableByThatJava() throws IOException {
        Path home = release();
        Path lib = home.toRealPath().resolve("lib/gtvpc");
        Path jar = lib.resolve("gtvpc.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        Path jdk17 = fakeJdk("jdk17", "17.0.9");
        Path jdk25 = fakeJdk("jdk25", "25.0.1");

        assertThat(run(home.resolve("bin/gtvpc"), jdk17, "--version").out()).doesNotContain("SharedArchiveFile", "AOTCache");

        write(lib.resolve("gtvpc.aot"), "aot");
        assertThat(run(home.resolve("bin/gtvpc"), jdk25, "--version").out())
                .contains("-XX:AOTCache=" + lib.resolve("gtvpc.aot") + "\n-Xlog:aot=off\n");
        assertThat(run(home.resolve("bin/gtvpc"), jdk17, "--version").out())
                .as("Java 17 cannot read an AOT cache").doesNotContain("AOTCache");

        write(lib.resolve("gtvpc.jsa"), "jsa");
        assertThat(run(home.resolve("bin/gtvpc"), jdk17, "--version").out())
                .contains("-Xshare:auto\n-XX:SharedArchiveFile=" + lib.resolve("gtvpc.jsa") + "\n");

        // an archive older than the jar describes another build
        Files.setLastModifiedTime(lib.resolve("gtvpc.jsa"), FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        assertThat(run(home.resolve("bin/gtvpc"), jdk17, "--version").out()).doesNotContain("SharedArchiveFile");
    }

    @Test
    void gtvpcJavaOptsComeAfterGtvpcsOwnFlagsSoTheyWin() {
        Path home = release();
        Shell.Result r = Shell.run(dir("elsewhere"), Shell.env(tmp, "PATH", Shell.SYSTEM_PATH,
                "JAVA_HOME", fakeJdk("jdk17", "17.0.9").toString(), "GTVPC_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=4"),
                List.of(home.resolve("bin/gtvpc").toString(), "--version"));
        assertThat(r.out()).contains("-XX:-UsePerfData\n-Xmx1g\n-XX:TieredStopAtLevel=4\n-cp\n");
    }

    @Test
    void anOldJavaNamedByItsReleaseFileIsRefusedWithoutStartingIt() {
        Path jdk = tmp.resolve("jdk11");
        Shell.script(jdk.resolve("bin/java"), "#!/bin/sh\necho started > \"$HOME/java-was-started\"\n");
        write(jdk.resolve("release"), "JAVA_VERSION=\"11.0.22\"\n");
        for (Path launcher : List.of(release().resolve("bin/gtvpc"), checkout())) {
            Shell.Result r = run(launcher, jdk, "--version");
            assertThat(r.err()).as(launcher.toString())
                    .isEqualTo("gtvpc needs Java 17 or newer; found 11 at " + jdk.resolve("bin/java")
                            + " (set JAVA_HOME to a Java 17+ installation)\n");
            assertThat(r.out()).isEmpty();
            assertThat(r.exit()).isEqualTo(2);
        }
        assertThat(tmp.resolve("java-was-started")).doesNotExist();
    }

    @Test
    void anOldJavaOnPathIsRefusedWithTheVersionItPrints() {
        // no release file beside it (macOS's /usr/bin/java stub, a hand-made layout): `java -version` is asked
        Path bin = dir("fake-bin");
        Shell.script(bin.resolve("java"), "#!/bin/sh\n[ \"$1\" = -version ] || exit 99\n"
                + "echo 'java version \"1.8.0_402\"' >&2\necho 'Java(TM) SE Runtime Environment' >&2\n");
        Path mvnCalled = tmp.resolve("mvn-was-called");
        Shell.script(bin.resolve("mvn"), "#!/bin/sh\ntouch " + mvnCalled + "\nexit 1\n");
        for (Path launcher : List.of(release().resolve("bin/gtvpc"), checkout())) {
            Shell.Result r = Shell.run(dir("elsewhere"), Shell.env(tmp, "PATH", bin + ":" + Shell.SYSTEM_PATH),
                    List.of(launcher.toString(), "--version"));
            assertThat(r.err()).as(launcher.toString()).isEqualTo(
                    "gtvpc needs Java 17 or newer; found 8 at " + bin.resolve("java") + " (set JAVA_HOME to a Java 17+ installation)\n");
            assertThat(r.exit()).isEqualTo(2);
        }
        assertThat(mvnCalled).as("the checkout launcher checks Java before it builds").doesNotExist();
    }

    @Test
    void noJavaAtAllIsSaid() {
        for (Path launcher : List.of(release().resolve("bin/gtvpc"), checkout())) {
            // PATH holds nothing: not even java. bash is started by its path, as env would find it.
            Shell.Result r = Shell.run(dir("elsewhere"), Shell.env(tmp, "PATH", dir("empty").toString()),
                    List.of("/bin/bash", launcher.toString(), "--version"));
            assertThat(r.err()).as(launcher.toString())
                    .isEqualTo("gtvpc needs Java 17 or newer; no java found on PATH (install one, or set JAVA_HOME)\n");
            assertThat(r.exit()).isEqualTo(2);

            Shell.Result badHome = run(launcher, tmp.resolve("no-such-jdk"), "--version");
            assertThat(badHome.err()).isEqualTo("gtvpc needs Java 17 or newer; JAVA_HOME is " + tmp.resolve("no-such-jdk")
                    + ", which has no bin/java\n");
            assertThat(badHome.exit()).isEqualTo(2);
        }
    }

    @Test
    void aReleaseWithoutItsJarSaysSo() throws IOException {
        Path home = release();
        Files.delete(home.resolve("lib/gtvpc/gtvpc.jar"));
        Shell.Result r = run(home.resolve("bin/gtvpc"), fakeJdk("jdk17", "17.0.9"), "--version");
        assertThat(r.err()).isEqualTo("gtvpc: " + home.toRealPath().resolve("lib/gtvpc/gtvpc.jar") + " is missing; install gtvpc again\n");
        assertThat(r.exit()).isEqualTo(2);
    }

    /** A checkout with only what its launcher reads, its jar already built (no pom or sources: never stale). */
    private Path checkout() {
        Path root = tmp.resolve("checkout");
        if (!Files.exists(root)) {
            Shell.copy(CHECKOUT_LAUNCHER, root.resolve("gtvpc"));
            Shell.copy(DIST_LAUNCHER, root.resolve("src/dist/bin/gtvpc"));
            write(root.resolve("target/gtvpc.jar"), "jar");
        }
        return root.resolve("gtvpc");
    }

    @Test
    void theCheckoutLauncherStartedThroughASymlinkOnPathRunsTheCheckoutsJar() throws IOException {
        Path root = checkout().getParent().toRealPath();
        Path bin = dir("home/bin");
        Files.createSymbolicLink(bin.resolve("gtvpc"), root.resolve("gtvpc"));
        Shell.Result r = Shell.run(dir("elsewhere"), Shell.env(tmp, "PATH", bin + ":" + Shell.SYSTEM_PATH,
                "JAVA_HOME", fakeJdk("jdk17", "17.0.9").toString()), Shell.onPath("gtvpc", "regions", "list"));
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("-cp\n" + root.resolve("target/gtvpc.jar") + "\ndev.gtvpc.cli.Main\nregions\nlist\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void theCheckoutLauncherBuildsAMissingJarInTheCheckoutFromAnyDirectory() throws IOException {
        Path root = checkout().getParent().toRealPath();
        Files.delete(root.resolve("target/gtvpc.jar"));
        Path bin = dir("fake-bin");
        // the build as the launcher asks for it: in the checkout, jar into target/
        Shell.script(bin.resolve("mvn"), "#!/bin/sh\npwd > \"$HOME/mvn-ran-in\"\necho \"$@\" >> \"$HOME/mvn-ran-in\"\n"
                + "echo jar > target/gtvpc.jar\n");
        Files.createSymbolicLink(bin.resolve("gtvpc"), root.resolve("gtvpc"));
        Shell.Result r = Shell.run(dir("elsewhere"), Shell.env(tmp, "PATH", bin + ":" + Shell.SYSTEM_PATH,
                "JAVA_HOME", fakeJdk("jdk17", "17.0.9").toString()), Shell.onPath("gtvpc", "--version"));
        assertThat(Files.readString(tmp.resolve("mvn-ran-in"))).isEqualTo(root + "\n-B -q -DskipTests -Dgtvpc.dist.skip=true package\n");
        assertThat(r.err()).isEqualTo("gtvpc: building target/gtvpc.jar (first run, or sources changed)...\n");
        assertThat(r.out()).contains("-cp\n" + root.resolve("target/gtvpc.jar") + "\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void theBuildLeavesStandardInputToTheCommand() throws IOException {
        Path root = checkout().getParent().toRealPath();
        Files.delete(root.resolve("target/gtvpc.jar"));
        Path bin = dir("fake-bin");
        // a build that reads its standard input, as Maven may: `gtvpc policy lint - < policy.json` must
        // still hand the policy to gtvpc on the run that builds the jar
        Shell.script(bin.resolve("mvn"), "#!/bin/sh\ncat > /dev/null\necho jar > target/gtvpc.jar\n");
        Path jdk = tmp.resolve("jdk17-cat");
        Shell.script(jdk.resolve("bin/java"), "#!/bin/sh\ncat\n");
        write(jdk.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
        Path policy = tmp.resolve("policy.json");
        write(policy, "{\"Version\":\"2012-10-17\"}\n");
        Shell.Result r = Shell.run(dir("elsewhere"), Shell.env(tmp, "PATH", bin + ":" + Shell.SYSTEM_PATH, "JAVA_HOME", jdk.toString()),
                List.of(root.resolve("gtvpc").toString(), "policy", "lint", "-"), policy);
        assertThat(r.out()).isEqualTo("{\"Version\":\"2012-10-17\"}\n");
        assertThat(r.exit()).isZero();
    }

    private Path dir(String relative) {
        try {
            return Files.createDirectories(tmp.resolve(relative));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
