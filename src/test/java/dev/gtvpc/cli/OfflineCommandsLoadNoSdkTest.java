package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offline commands never load an AWS SDK class: start-up time is a feature of a CLI, and the SDK
 * is the heaviest thing on the class path. Each command runs in a fresh JVM that lists every class it
 * loads; a test that could not fail would list none, so it also checks gtvpc's own classes are there.
 */
class OfflineCommandsLoadNoSdkTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "policy generate --region us-east-1 --bucket labeling-data --vpc vpc-0abc1234def567890",
        "policy lint --region us-east-1 policies/generated/example-3.data.json",
        "policy verify --region us-east-1 --vpc vpc-12345678 --vpce vpce-12345678 policies/generated/example-3.data.json",
        "policy simulate --action s3:GetObject --resource arn:aws:s3:::bucket-name/a.jpg policies/generated/example-3.data.json",
        "regions list",
        "audit --policies src/test/resources/audit/buckets.jsonl --format csv",
        "audit --policies src/test/resources/audit/org/buckets.jsonl --org-policies src/test/resources/audit/org/policies"
                + " --principal-tag dp:include:network=true --bucket-tag none",
        "policy apply --help",
        "preflight --help",
        "completion bash"})
    void loadsNoSdkClass(String command) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                "dev.gtvpc.cli.Main"));
        cmd.addAll(List.of(command.split(" ")));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).anyMatch(l -> l.contains(" dev.gtvpc.cli.Main "));
        assertThat(loaded).noneMatch(l -> l.contains("software.amazon.awssdk"));
        assertThat(p.exitValue()).as(command).isIn(0, 1);
    }
}
