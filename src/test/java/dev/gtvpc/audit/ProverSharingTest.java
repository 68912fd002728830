package dev.gtvpc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Buckets of different accounts stamped from one template share a proof: what each bucket is told must
 * be what its own proof would have said. The rows are audit/config-rows.jsonl (published templates, see
 * audit/SOURCES.md), copied into three accounts whose insides differ only by the account.
 */
class ProverSharingTest {
    private static final List<String> ACCOUNTS = List.of("210000000000", "310000000000", "410000000000");

    private static AuditSettings settings() {
        Map<String, AuditSettings.Inside> insides = new java.util.HashMap<>();
        for (String a : ACCOUNTS) {
            insides.put(a, new AuditSettings.Inside(List.of(), List.of(), List.of("arn:aws:iam::" + a + ":role/LabelingAdmin"),
                    Optional.of("arn:aws:iam::" + a + ":role/Admin"), Optional.empty()));
        }
        return new AuditSettings(true, AuditSettings.Inside.none(), insides, GroundTruthAccess.service(RegionTable.bundled()));
    }

    private static List<BucketRecord> records() throws IOException, Json.SyntaxException {
        List<BucketRecord> out = new ArrayList<>();
        for (String account : ACCOUNTS) {
            for (String row : Files.readAllLines(Golden.testResource("audit/config-rows.jsonl"))) {
                out.add(ConfigRecords.read(Json.parse(row.replace("210000000000", account)), "", "", "test", new String[1]).orElseThrow());
            }
        }
        return out;
    }

    @Test
    void aSharedProofTellsEachBucketWhatItsOwnProofWould() throws IOException, Json.SyntaxException {
        AuditSettings settings = settings();
        Prover shared = new Prover(settings);
        Prover own = new Prover(settings, false);
        for (BucketRecord r : records()) {
            assertSameAsOwnProof(shared, own, r);
        }
        assertThat(shared.distinctProofs()).isLessThan(own.distinctProofs());
    }

    @Test
    void aPolicyThatMatchesAccountsByPatternIsNotShared() {
        AuditSettings settings = settings();
        Prover shared = new Prover(settings);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringNotLike\":{\"aws:PrincipalAccount\":\"21*\"}}}]}";
        for (String account : ACCOUNTS) {
            shared.judge(BucketRecord.withPolicy("b", account, "us-east-1", policy, Map.of(), "test"));
        }
        assertThat(shared.distinctProofs()).isEqualTo(ACCOUNTS.size());
    }

    // each account with its own VPC and endpoint, as bench/audit-records.py stamps them
    private static final List<String> NETWORKED = List.of("210000000000", "310000000000", "410000000000", "510000000000");

    private static String vpc(int i) {
        return "vpc-0abc1234def56000" + i;
    }

    private static String vpce(int i) {
        return "vpce-0a1b2c3d4e5f6000" + i;
    }

    private static AuditSettings networkedSettings(List<String> vpces) {
        Map<String, AuditSettings.Inside> insides = new java.util.HashMap<>();
        for (int i = 0; i < NETWORKED.size(); i++) {
            String a = NETWORKED.get(i);
            insides.put(a, new AuditSettings.Inside(List.of(vpc(i)), List.of(vpces.get(i)), List.of("arn:aws:iam::" + a + ":role/LabelingAdmin"),
                    Optional.of("arn:aws:iam::" + a + ":role/Admin"), Optional.of("o-a1b2c3d4e5")));
        }
        return new AuditSettings(true, AuditSettings.Inside.none(), insides, GroundTruthAccess.service(RegionTable.bundled()));
    }

    private static void assertSameAsOwnProof(Prover shared, Prover own, BucketRecord r) {
        BucketVerdict a = shared.judge(r);
        BucketVerdict b = own.judge(r);
        assertThat(a.verdict()).as(r.bucket() + " in " + r.account()).isEqualTo(b.verdict());
        assertThat(a.detail()).isEqualTo(b.detail());
        assertThat(a.properties()).isEqualTo(b.properties());
        assertThat(a.findings()).isEqualTo(b.findings());
        assertThat(a.counterexample()).isEqualTo(b.counterexample());
        assertThat(a.notes()).isEqualTo(b.notes());
    }

    @Test
    void accountsWithTheirOwnNetworksShareAProofThatTellsEachWhatItsOwnWould() throws IOException, Json.SyntaxException {
        AuditSettings settings = networkedSettings(List.of(vpce(0), vpce(1), vpce(2), vpce(3)));
        Prover shared = new Prover(settings);
        Prover own = new Prover(settings, false);
        List<String> rows = Files.readAllLines(Golden.testResource("audit/config-rows.jsonl")).stream()
                .filter(row -> row.contains("\"accountId\":\"210000000000\"")).toList();
        for (int i = 0; i < NETWORKED.size(); i++) {
            for (String row : rows) {
                String mine = row.replace("210000000000", NETWORKED.get(i)).replace(vpc(0), vpc(i)).replace(vpce(0), vpce(i));
                assertSameAsOwnProof(shared, own, ConfigRecords.read(Json.parse(mine), "", "", "test", new String[1]).orElseThrow());
            }
        }
        // the four accounts' copies of a template are one proof, but where the template compares the network by pattern
        assertThat(shared.distinctProofs()).isLessThan(own.distinctProofs() / 2);
    }

    @Test
    void anEndpointMatchedByPatternOrWrittenInsideAnotherValueIsNotRenamed() {
        // the first two accounts' endpoints match vpce-0a1b*, the others' do not: their verdicts must differ
        AuditSettings settings = networkedSettings(List.of(vpce(0), vpce(1), "vpce-0ffe2c3d4e5f60002", "vpce-0ffe2c3d4e5f60003"));
        String byPattern = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],"
                + "\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringNotLike\":{\"aws:SourceVpce\":\"vpce-0a1b*\"}}}]}";
        Prover shared = new Prover(settings);
        Prover own = new Prover(settings, false);
        List<String> outcomes = new ArrayList<>();
        for (String account : NETWORKED) {
            BucketRecord r = BucketRecord.withPolicy("b", account, "us-east-1", byPattern, Map.of(), "test");
            assertSameAsOwnProof(shared, own, r);
            outcomes.add(shared.judge(r).verdict() + " " + shared.judge(r).properties().stream().map(p -> p.status()).toList());
        }
        assertThat(outcomes.get(0)).isEqualTo(outcomes.get(1)).isNotEqualTo(outcomes.get(2));
        // an endpoint that is also part of another value (here an ARN's resource) is compared as text there: kept as it is
        for (int i = 0; i < NETWORKED.size(); i++) {
            String endpoint = settings.insideOf(NETWORKED.get(i)).vpces().get(0);
            String inArn = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                    + "\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"],\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"" + endpoint
                    + "\",\"aws:SourceArn\":\"arn:aws:ec2:us-east-1:" + NETWORKED.get(i) + ":vpc-endpoint/" + endpoint + "\"}}}]}";
            assertSameAsOwnProof(shared, own, BucketRecord.withPolicy("b", NETWORKED.get(i), "us-east-1", inArn, Map.of(), "test"));
        }
    }

    @Test
    void thePlaceholdersAreWellFormedIds() {
        AuditSettings.Inside inside = networkedSettings(List.of(vpce(0), vpce(1), vpce(2), vpce(3))).insideOf(NETWORKED.get(0));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"" + vpce(0) + "\"}}}]}";
        SharedNames names = SharedNames.of(dev.gtvpc.policy.io.PolicyReader.parse(policy).parsed().orElseThrow().policy(), policy, inside,
                NETWORKED.get(0), GroundTruthAccess.service(RegionTable.bundled())).orElseThrow();
        AuditSettings.Inside renamed = names.inside(inside);
        assertThat(renamed.vpcs()).allMatch(dev.gtvpc.policy.AwsIds::isVpcId).doesNotContain(vpc(0));
        assertThat(renamed.vpces()).allMatch(dev.gtvpc.policy.AwsIds::isVpceId).doesNotContain(vpce(0));
        assertThat(names.text(policy)).doesNotContain(vpce(0)).doesNotContain(NETWORKED.get(0));
        assertThat(names.back(names.text(policy))).isEqualTo(policy);
        // a pattern of a key no request carries a network in (a role path) does not stop the renaming; one of aws:SourceVpc does
        String rolePattern = policy.replace("\"aws:SourceVpce\"", "\"aws:PrincipalArn\":\"arn:aws:iam::" + NETWORKED.get(0)
                + ":role/aws-service-role/*\",\"aws:SourceVpce\"");
        assertThat(SharedNames.of(dev.gtvpc.policy.io.PolicyReader.parse(rolePattern).parsed().orElseThrow().policy(), rolePattern, inside,
                NETWORKED.get(0), GroundTruthAccess.service(RegionTable.bundled())).orElseThrow().text(rolePattern)).doesNotContain(vpce(0));
        String vpcPattern = policy.replace("\"aws:SourceVpce\"", "\"aws:SourceVpc\":\"vpc-0abc*\",\"aws:SourceVpce\"");
        assertThat(SharedNames.of(dev.gtvpc.policy.io.PolicyReader.parse(vpcPattern).parsed().orElseThrow().policy(), vpcPattern, inside,
                NETWORKED.get(0), GroundTruthAccess.service(RegionTable.bundled())).orElseThrow().text(vpcPattern)).contains(vpce(0));
    }
    /** The strict form {@code policy generate} writes: the VPC by ARN (owner {@code *}), the endpoint by ID. */
    private static String byVpcArn(String account, String vpcArn, String endpoint) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],"
                + "\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"],\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"" + endpoint
                + "\",\"aws:PrincipalArn\":\"arn:aws:iam::" + account + ":role/LabelingAdmin\"},\"ArnNotEquals\":{\"aws:SourceVpcArn\":\""
                + vpcArn + "\"}}}]}";
    }

    @Test
    void aVpcThePolicyNamesByArnIsTheAccountsOwnWhenNoVpcIsGiven() {
        // no --vpc, --vpce: the networks the policy names are taken to be the account's, by aws:SourceVpcArn as by aws:SourceVpc
        Prover prover = new Prover(settings());
        String account = ACCOUNTS.get(0);
        BucketVerdict sameRegion = prover.judge(BucketRecord.withPolicy("b", account, "us-east-1",
                byVpcArn(account, "arn:aws:ec2:us-east-1:*:vpc/" + vpc(0), vpce(0)), Map.of(), "test"));
        assertThat(sameRegion.properties()).extracting(p -> p.property() + "[" + p.subject() + "]=" + p.status())
                .contains("vpc-can-access[" + vpc(0) + "]=PROVED", "vpce-can-access[" + vpce(0) + "]=PROVED");
        assertThat(sameRegion.notes()).anyMatch(n -> n.contains("(" + vpc(0) + ", " + vpce(0) + ") were taken to be the account's own"));
        // a VPC of another Region (a cross-Region endpoint) is named by its ARN, with the bucket's account where the policy wrote *
        String otherRegion = "arn:aws:ec2:eu-west-1:" + account + ":vpc/" + vpc(0);
        BucketVerdict elsewhere = prover.judge(BucketRecord.withPolicy("b", account, "us-east-1",
                byVpcArn(account, "arn:aws:ec2:eu-west-1:*:vpc/" + vpc(0), vpce(0)), Map.of(), "test"));
        assertThat(elsewhere.properties()).extracting(p -> p.property() + "[" + p.subject() + "]=" + p.status())
                .contains("vpc-can-access[" + otherRegion + "]=PROVED").noneMatch(p -> p.contains("[" + vpc(0) + "]"));
        // another account's VPC (a shared VPC's owner) keeps its owner; a pattern or a wrong ARN names no VPC of the account
        BucketVerdict shared = prover.judge(BucketRecord.withPolicy("b", account, "us-east-1",
                byVpcArn(account, "arn:aws:ec2:us-east-1:999988887777:vpc/" + vpc(0), vpce(0)), Map.of(), "test"));
        assertThat(shared.properties()).extracting(p -> p.property() + "[" + p.subject() + "]=" + p.status())
                .contains("vpc-can-access[arn:aws:ec2:us-east-1:999988887777:vpc/" + vpc(0) + "]=PROVED");
        // any Region: the VPC of the bucket's is one of those it names
        BucketVerdict anyRegion = prover.judge(BucketRecord.withPolicy("b", account, "us-east-1",
                byVpcArn(account, "arn:aws:ec2:*:*:vpc/" + vpc(0), vpce(0)), Map.of(), "test"));
        assertThat(anyRegion.properties()).extracting(p -> p.property() + "[" + p.subject() + "]=" + p.status())
                .contains("vpc-can-access[" + vpc(0) + "]=PROVED");
        for (String notOne : List.of("arn:aws:ec2:us-east-1:*:vpc/vpc-0abc*", "arn:aws-cn:ec2:cn-north-1:*:vpc/" + vpc(0),
                "arn:aws:ec2:us-east-1:*:subnet/subnet-0abc1234def560000")) {
            BucketVerdict v = prover.judge(BucketRecord.withPolicy("b", account, "us-east-1", byVpcArn(account, notOne, vpce(0)), Map.of(), "test"));
            assertThat(v.properties()).as(notOne).noneMatch(p -> p.property().equals("vpc-can-access"));
        }
    }

    @Test
    void accountsWhosePoliciesNameTheirVpcByArnGetWhatTheirOwnProofWould() {
        AuditSettings settings = settings();
        Prover shared = new Prover(settings);
        Prover own = new Prover(settings, false);
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            String a = ACCOUNTS.get(i);
            for (String arn : List.of("arn:aws:ec2:us-east-1:*:vpc/" + vpc(i), "arn:aws:ec2:us-east-1:" + a + ":vpc/" + vpc(i),
                    "arn:aws:ec2:eu-west-1:*:vpc/" + vpc(i))) {
                assertSameAsOwnProof(shared, own, BucketRecord.withPolicy("b", a, "us-east-1", byVpcArn(a, arn, vpce(i)), Map.of(), "test"));
            }
        }
        // given as each account's own (--vpc, --vpce), the VPC ID inside the ARN is not renamed: the proof is the account's own
        AuditSettings networked = networkedSettings(List.of(vpce(0), vpce(1), vpce(2), vpce(3)));
        Prover sharedNetworks = new Prover(networked);
        Prover ownNetworks = new Prover(networked, false);
        for (int i = 0; i < NETWORKED.size(); i++) {
            String a = NETWORKED.get(i);
            BucketRecord r = BucketRecord.withPolicy("b", a, "us-east-1", byVpcArn(a, "arn:aws:ec2:us-east-1:*:vpc/" + vpc(i), vpce(i)), Map.of(), "test");
            assertSameAsOwnProof(sharedNetworks, ownNetworks, r);
            // no Ground Truth endpoint in it: the perimeter alone is proved
            assertThat(sharedNetworks.judge(r).verdict()).isEqualTo(Verdict.PERIMETER_PROVED);
        }
        assertThat(sharedNetworks.distinctProofs()).isEqualTo(NETWORKED.size());
    }
}
