package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.audit.OrgLayers;
import dev.gtvpc.audit.OrgPoliciesDir;
import dev.gtvpc.audit.OrganizationLayers;
import dev.gtvpc.aws.OrganizationsReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where audit finds the organization's RCPs and SCPs: AWS Organizations when it reads buckets from AWS,
 * or a directory ({@code --org-policies}), and what the request space takes the organization's principals
 * and the buckets to be tagged with (RCPs test such tags: AWS's network perimeter RCP binds only principals
 * tagged dp:include:network).
 */
final class OrgPolicyOptions {
    @Option(names = "--org-policies", paramLabel = "DIR",
            description = "The organization's RCPs and SCPs without AWS: policy files and a targets.json saying what each is attached"
                    + " to and each account's root and OUs (README \"Organizations\"). Without it, --account and --config-aggregator"
                    + " read them from AWS Organizations; --policies judges bucket policies alone.")
    Path dir;

    @Mixin
    Tags tags;

    /** For --policies: the directory's policies, or none (bucket policies alone, unmarked, as before Organizations was read). */
    OrgLayers offline(PrintWriter err) {
        if (dir == null) {
            if (tags.any()) {
                throw GtvpcException.badInput((tags.principalTags.isEmpty() ? "--bucket-tag" : "--principal-tag") + ": give --org-policies"
                        + " too; tags are asked only with the organization's policies");
            }
            return OrgLayers.NONE;
        }
        return of(OrgPoliciesDir.read(dir), "--org-policies " + dir, err);
    }

    /** For --account and --config-aggregator: the directory's policies when given, else AWS Organizations'. */
    OrgLayers online(Supplier<OrganizationsReader> organizations, PrintWriter err) {
        return dir != null ? offline(err) : of(organizations.get(), "AWS Organizations", err);
    }

    /** Bad input found before any AWS call. */
    void check() {
        principal();
        bucket();
    }

    private OrgLayers of(OrganizationsReader reader, String from, PrintWriter err) {
        return new OrganizationLayers(reader, from, principal(), bucket(), line -> {
            err.println(line);
            err.flush();
        });
    }

    private Optional<Map<String, String>> principal() {
        return tags.principal(false);
    }

    private Optional<Map<String, String>> bucket() {
        return tags.bucket();
    }
}
