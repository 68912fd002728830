package dev.gtvpc.groundtruth;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.PrincipalBlock;
import dev.gtvpc.policy.ResourceBlock;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Allow statements that grant S3 actions on buckets, one statement per resource type the catalogue
 * gives the actions: object actions on {@code arn:…:s3:::bucket/*}, bucket actions on the bucket's
 * ARN, and actions without resource-level permissions (s3:ListAllMyBuckets) on {@code "*"}. Each
 * action thus names exactly the resources it can act on, which is what IAM's Service Authorization
 * Reference asks for and what Access Analyzer checks.
 */
final class S3Grants {
    private S3Grants() {
    }

    /**
     * @param sidStem  the Sids are this plus Objects, Buckets or Account
     * @param principal everyone for a resource policy (VPC endpoint), empty for an identity policy
     */
    static List<Statement> allow(String sidStem, List<String> actions, List<String> buckets, String partition,
            Optional<PrincipalBlock> principal, S3ActionCatalog catalog) {
        List<String> onObjects = new ArrayList<>();
        List<String> onBuckets = new ArrayList<>();
        List<String> onAccount = new ArrayList<>();
        for (String name : actions) {
            S3ActionCatalog.Action action = catalog.find(name).orElseThrow(() ->
                    new IllegalStateException(name + " is not in the S3 action catalogue " + catalog.dataDate()));
            if (action.onObjects()) {
                onObjects.add(action.qualifiedName());
            } else if (action.onBucket()) {
                onBuckets.add(action.qualifiedName());
            } else if (action.resourceTypes().isEmpty()) {
                onAccount.add(action.qualifiedName());
            } else {
                throw new IllegalStateException(name + " acts on " + action.resourceTypes() + ", not buckets or objects");
            }
        }
        List<Statement> statements = new ArrayList<>();
        if (!onObjects.isEmpty()) {
            statements.add(statement(sidStem + "Objects", onObjects,
                    buckets.stream().map(b -> bucketArn(partition, b) + "/*").toList(), principal));
        }
        if (!onBuckets.isEmpty()) {
            statements.add(statement(sidStem + "Buckets", onBuckets,
                    buckets.stream().map(b -> bucketArn(partition, b)).toList(), principal));
        }
        if (!onAccount.isEmpty()) {
            statements.add(statement(sidStem + "Account", onAccount, List.of("*"), principal));
        }
        return statements;
    }

    static String bucketArn(String partition, String bucket) {
        return "arn:" + partition + ":s3:::" + bucket;
    }

    private static Statement statement(String sid, List<String> actions, List<String> resources,
            Optional<PrincipalBlock> principal) {
        Statement.Builder b = Statement.builder()
                .sid(sid)
                .effect(Effect.ALLOW)
                .action(new ActionBlock(false, Values.natural(actions)))
                .resource(new ResourceBlock(false, Values.natural(resources)));
        principal.ifPresent(b::principal);
        return b.build();
    }
}
