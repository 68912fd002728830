package dev.gtvpc.policy.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PolicyRoundTripTest {

    /** Every readable policy in the repository reads back to the same model after writing, pretty or compact. */
    @TestFactory
    Stream<DynamicTest> everyReadablePolicyInTheRepositoryRoundTrips() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(Golden.root().resolve("policies")),
                Files.walk(Golden.testResource("golden/generate/strict/json")))) {
            files = walk.filter(p -> p.toString().endsWith(".json") && !p.endsWith("index.json")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(Golden.root().relativize(file).toString(), () -> {
            PolicyReader.Result result = PolicyReader.parse(Golden.read(file));
            if (!result.ok()) {
                return; // the published examples that are not JSON, or hold a duplicate key
            }
            Policy policy = result.parsed().get().policy();
            assertThat(PolicyReader.read(PolicyWriter.pretty(policy), "pretty").policy()).isEqualTo(policy);
            assertThat(PolicyReader.read(PolicyWriter.compact(policy), "compact").policy()).isEqualTo(policy);
        }));
    }

    @Test
    void writingKeepsElementOrderAndEachValuesShape() {
        String text = """
                {
                  "Statement": {
                    "Condition": {
                      "StringLike": {
                        "s3:prefix": [
                          "home/*"
                        ],
                        "aws:SourceVpce": "vpce-12345678"
                      },
                      "NumericLessThanEquals": {
                        "s3:max-keys": 10.50
                      },
                      "Bool": {
                        "aws:SecureTransport": [
                          false,
                          "true"
                        ]
                      }
                    },
                    "Resource": "arn:aws:s3:::b/*",
                    "NotPrincipal": {
                      "Service": [
                        "sagemaker.amazonaws.com"
                      ],
                      "AWS": "arn:aws:iam::111122223333:root"
                    },
                    "Action": [
                      "s3:GetObject"
                    ],
                    "Effect": "Deny",
                    "Sid": "Weird\\"Order\\u0001"
                  },
                  "Id": "é",
                  "Version": "2012-10-17"
                }""";
        Policy policy = PolicyReader.read(text, "t").policy();
        assertThat(PolicyWriter.pretty(policy)).isEqualTo(text);
        assertThat(Json.write(PolicyWriter.toJson(policy), false)).isEqualTo(PolicyWriter.compact(policy));
    }
}
