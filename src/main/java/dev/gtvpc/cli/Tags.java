package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --principal-tag} and {@code --bucket-tag}: the tags the request space takes the organization's principals
 * and the bucket to carry (RCPs and SCPs test them: AWS's network perimeter RCP binds only principals tagged
 * dp:include:network). Verify's wording; audit words them for many buckets through {@link OptionWording}.
 */
final class Tags {
    @Option(names = "--principal-tag", paramLabel = "KEY=VALUE", split = ",",
            description = "A tag every principal of the organization (--org-id) carries, as aws:PrincipalTag shows it; with it they carry"
                    + " exactly the tags given (repeatable). Without it, each class of every tag a policy tests is tried.")
    List<String> principalTags = new ArrayList<>();

    @Option(names = "--bucket-tag", paramLabel = "KEY=VALUE", split = ",",
            description = "A tag of the bucket as aws:ResourceTag shows it (S3 ABAC on); with it the bucket has exactly the tags given,"
                    + " 'none' for none (repeatable). Without it, each class of every tag a policy tests is tried.")
    List<String> bucketTags = new ArrayList<>();

    boolean any() {
        return !principalTags.isEmpty() || !bucketTags.isEmpty();
    }

    /** The principals' tags; they are the organization's, so they need it ({@code orgMissing}: bad input). */
    Optional<Map<String, String>> principal(boolean orgMissing) {
        return parse("--principal-tag", principalTags, orgMissing);
    }

    Optional<Map<String, String>> bucket() {
        return parse("--bucket-tag", bucketTags, false);
    }

    /** KEY=VALUE pairs as a map; 'none' alone for no tags. */
    private static Optional<Map<String, String>> parse(String option, List<String> given, boolean orgMissing) {
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (orgMissing) {
            throw GtvpcException.badInput(option + ": give --org-id too (the organization whose principals carry the tags)");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String t : given) {
            int eq = t.indexOf('=');
            if (t.equals("none") && given.size() == 1) {
                break;
            }
            if (eq <= 0) {
                throw GtvpcException.badInput(option + ": '" + t + "' is not KEY=VALUE (for example dp:include:network=true)");
            }
            tags.put(t.substring(0, eq), t.substring(eq + 1));
        }
        return Optional.of(tags);
    }
}
