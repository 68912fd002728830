package dev.gtvpc.space;

import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The perimeter as far as a policy shows it, with the few facts lint is told (--bucket, --region,
 * --vpc, --vpce): its bucket is the first its Resource names, its account the first its principals or
 * condition ARNs name, its partition that of its region or of its own ARNs. Nothing else is inside.
 */
public record ShownPerimeter(String region, String partition, String bucket, String bucketAccount, List<String> vpcs,
        List<String> vpces) implements Perimeter {

    public ShownPerimeter {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(bucketAccount, "bucketAccount");
        vpcs = List.copyOf(vpcs);
        vpces = List.copyOf(vpces);
    }

    public static ShownPerimeter of(PolicyScan scan, Optional<String> bucket, Optional<String> region, List<String> vpcs,
            List<String> vpces) {
        String partition = region.map(AwsIds::partitionOf).orElseGet(() -> scan.resourcePatterns().stream()
                .flatMap(r -> Arn.parse(r).stream()).map(Arn::partition).findFirst().orElse("aws"));
        return new ShownPerimeter(region.orElse(Witnesses.UNKNOWN_REGION), partition, bucket.orElseGet(() -> bucketOf(scan)),
                accountOf(scan), vpcs, vpces);
    }

    /** The first bucket a Resource names, by itself or by its objects. */
    private static String bucketOf(PolicyScan scan) {
        for (String r : scan.resourcePatterns()) {
            Optional<String> b = Arn.parse(r).flatMap(Arn::s3Bucket);
            if (b.isPresent()) {
                return b.get();
            }
        }
        return Witnesses.UNKNOWN_BUCKET;
    }

    /** The first account a principal names, else the account field of the first condition value that has one. */
    private static String accountOf(PolicyScan scan) {
        for (PolicyScan.StatementAt s : scan.statements()) {
            if (s.statement().principal().isPresent()) {
                for (PrincipalEntry e : s.statement().principal().get().entries()) {
                    for (String id : e.ids().items()) {
                        if (AwsIds.isAccountId(id)) {
                            return id;
                        }
                    }
                }
            }
        }
        for (PolicyScan.EntryAt e : scan.conditionEntries()) {
            for (String v : e.values()) {
                String[] parts = v.split(":");
                if (parts.length > 4 && AwsIds.isAccountId(parts[4])) {
                    return parts[4];
                }
            }
        }
        return Witnesses.UNKNOWN_ACCOUNT;
    }
}
