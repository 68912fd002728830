package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code policy simulate} on a data-perimeter bucket policy in the shape of AWS's examples (network
 * perimeter with a service-linked-role exception by path, identity perimeter by organization, and an
 * Allow naming an account): sessions with their role's path, the note when the path had to be
 * derived, the organization of the bucket's account, and an account principal that delegates.
 */
class SimulatePrincipalsCliTest {
    private static final String POLICY = Golden.testResource("cli/simulate/network-perimeter.json").toString();
    private static final String OBJECT = "arn:aws:s3:::amzn-s3-demo-bucket/labels/a.json";
    private static final String MACIE_ROLE = "arn:aws:iam::111122223333:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "session-of-role-with-path|0|--principal-arn " + MACIE_ROLE + " --session macie --source-ip 198.51.100.7 --bucket-account 111122223333 --org-id o-a1b2c3d4e5",
        "session-path-derived|0|--principal-arn arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForAmazonMacie/macie --source-ip 198.51.100.7 --bucket-account 111122223333 --org-id o-a1b2c3d4e5",
        "org-member-from-corporate-range|0|--principal-arn arn:aws:iam::111122223333:role/analyst --source-ip 203.0.113.9 --bucket-account 111122223333 --org-id o-a1b2c3d4e5",
        "org-unknown|0|--principal-arn arn:aws:iam::111122223333:role/analyst --source-ip 203.0.113.9 --bucket-account 111122223333",
        "account-principal-delegates|0|--principal-arn arn:aws:iam::111122223333:role/analyst --source-vpce vpce-1a2b3c4d --source-vpc vpc-1a2b3c4d --bucket-account 111122223333 --org-id o-a1b2c3d4e5",
        "service-principal|0|--principal-arn cloudtrail.amazonaws.com --bucket-account 111122223333 --org-id o-a1b2c3d4e5"})
    void simulate(String golden, int exit, String args) {
        String[] fixed = {"policy", "simulate", POLICY, "--action", "s3:GetObject", "--resource", OBJECT};
        String[] rest = args.split(" ");
        String[] all = new String[fixed.length + rest.length];
        System.arraycopy(fixed, 0, all, 0, fixed.length);
        System.arraycopy(rest, 0, all, fixed.length, rest.length);
        Cli.Result r = Cli.run(all);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(exit);
        Golden.assertMatches(Golden.testResource("golden/simulate/principals/" + golden + ".txt"), r.out());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "--principal-arn arn:aws:iam::111122223333:user/ana --session s|gtvpc: --session: --principal-arn must then be the role's ARN (arn:aws:iam::ACCOUNT:role/PATH/NAME), not 'arn:aws:iam::111122223333:user/ana'",
        "--org-id o-1 --bucket-account 111122223333|gtvpc: --org-id: 'o-1' is not an organization ID: expected o- and 10 to 32 lowercase letters or digits",
        "--org-id o-a1b2c3d4e5|gtvpc: --org-id: give --bucket-account too: the organization is the bucket account's",
        "--org-path o-a1b2c3d4e5/r-ab12/ --bucket-account 111122223333|gtvpc: --org-path: give --org-id too (the organization the path starts with)"})
    void badPrincipalOptions(String args, String message) {
        String[] fixed = {"policy", "simulate", POLICY, "--action", "s3:GetObject", "--resource", OBJECT};
        String[] rest = args.split(" ");
        String[] all = new String[fixed.length + rest.length];
        System.arraycopy(fixed, 0, all, 0, fixed.length);
        System.arraycopy(rest, 0, all, fixed.length, rest.length);
        Cli.Result r = Cli.run(all);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + "\n");
    }
}
