package dev.gtvpc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run the build records start-up data from (scripts/startup-archive.sh): the offline
 * commands people run most, their help and an error, in one JVM, so that the class-data archive
 * (Java 17–24) or AOT cache (Java 25+) holds every class they load. Not a command: nothing calls it
 * but the build. Prints only what failed, and fails then, so a broken command cannot go unnoticed
 * into the archive.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("gtvpc-training");
        try {
            Path policy = dir.resolve("policy.json");
            String region = "us-east-1";
            List<List<String>> runs = List.of(
                    List.of("policy", "generate", "--region", region, "--bucket", "my-labeling-data", "--vpc", "vpc-0abc1234def567890",
                            "-o", policy.toString()),
                    List.of("policy", "generate", "--region", region, "--bucket", "my-labeling-data", "--vpce", "vpce-0abc1234def567890",
                            "--role-arn", "arn:aws:iam::111122223333:role/LabelingAdmin", "--format", "terraform"),
                    // with and without --region: without it, lint works out the partition and bucket from the policy
                    List.of("policy", "lint", policy.toString()),
                    List.of("policy", "lint", "--region", region, policy.toString()),
                    List.of("policy", "lint", "--region", region, "--format", "sarif", policy.toString()),
                    List.of("policy", "verify", "--region", region, "--vpc", "vpc-0abc1234def567890", policy.toString()),
                    List.of("policy", "simulate", "--action", "s3:GetObject", "--resource", "arn:aws:s3:::my-labeling-data/a.jpg",
                            policy.toString()),
                    List.of("regions", "list"),
                    List.of("--version"),
                    List.of("--help"),
                    List.of("policy", "generate", "--help"),
                    List.of("policy", "generate", "--region", "xx-nowhere-1", "--bucket", "b", "--vpc", "vpc-12345678"));
            StringBuilder failures = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = ExitCodes.run(runs.get(i).toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
                boolean expectError = i == runs.size() - 1;
                if (expectError ? code != 2 : code > 1) {
                    failures.append(String.join(" ", runs.get(i))).append(": exit ").append(code).append('\n').append(err);
                }
            }
            if (failures.length() > 0) {
                System.err.print(failures);
                System.exit(1);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
