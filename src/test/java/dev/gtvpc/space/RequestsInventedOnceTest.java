package dev.gtvpc.space;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The request space is the one place in src/main that invents requests and the values in them: no other
 * class builds a request (but those that build a request someone really makes, listed with why) or
 * writes an endpoint, VPC, account or organization ID of its own. Together with {@code OutsideAgreementTest}
 * this keeps lint, verify, apply and audit on one set of witnesses.
 */
class RequestsInventedOnceTest {
    private static final Pattern BUILDS_REQUEST = Pattern.compile(
            "new Request\\(|RequestPrincipal\\.(parse|sessionOf)\\(|RequestPrincipal\\.ANONYMOUS");
    private static final Pattern INVENTED_ID = Pattern.compile("\"(vpce?-[0-9a-f]{8,17}|[0-9]{12}|o-[a-z0-9]{10,32})\"");
    /** Classes that build a request someone really makes, not one gtvpc makes up. */
    private static final Map<String, String> REAL_REQUESTS = Map.of(
            "cli/RequestOptions.java", "the request the user describes to policy simulate (its options, checked and built once)",
            "preflight/EndpointPolicyCheck.java", "the account's own requests through its real endpoint, read from AWS",
            "verify/Verifier.java", "the apply caller's own request, for the note on its role's path",
            "lint/rules/DenyMissesBucket.java", "whether a Resource reaches a bucket: no principal, no condition");
    /** Classes that write IDs that are not request values. */
    private static final Map<String, String> OTHER_IDS = Map.of(
            "cli/StartupTraining.java", "the commands run to train the start-up archive");

    @Test
    void onlyTheSpaceInventsRequests() throws IOException {
        Path main = Golden.root().resolve("src/main/java/dev/gtvpc");
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(main)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        for (Path f : files) {
            String name = main.relativize(f).toString().replace('\\', '/');
            if (name.startsWith("space/") || name.startsWith("eval/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).strip();
                if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                    continue;
                }
                if (BUILDS_REQUEST.matcher(code).find() && !REAL_REQUESTS.containsKey(name)) {
                    violations.add(name + ":" + (i + 1) + " builds a request: " + code);
                }
                if (INVENTED_ID.matcher(code).find() && !OTHER_IDS.containsKey(name)) {
                    violations.add(name + ":" + (i + 1) + " writes an ID of its own: " + code);
                }
            }
        }
        assertThat(violations).as("ask dev.gtvpc.space.RequestSpace for requests; take invented values from Witnesses").isEmpty();
    }
}
