package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import org.junit.jupiter.api.Test;

/**
 * Issue 27 as a user meets it on the command line: lint names values no request can carry and follows what IAM
 * does with each policy type; verify names the values it left out and the exemptions the user did not name.
 * The engine's cases are the case files (lint/cases, eval/null-set-operators.json); these are the outputs.
 */
class WhatPeopleWriteCliTest {
    private static final String LINT = "src/test/resources/lint/issue27/";

    private static void golden(String name, Cli.Result r) {
        Golden.assertMatches(Golden.testResource("golden/lint/issue27/" + name + ".out"), r.out());
        Golden.assertMatches(Golden.testResource("golden/lint/issue27/" + name + ".err"), r.err());
    }

    @Test
    void anOrganizationIdNoOrganizationHasAndAPrivateSourceIpAreErrors() {
        Cli.Result r = Cli.run("policy", "lint", LINT + "org-and-source-ip.json");
        assertThat(r.exit()).isEqualTo(1);
        golden("org-and-source-ip", r);
    }

    @Test
    void anInlineIdentityPolicyMayOmitItsVersionAndNullInAListIsAWarning() {
        Cli.Result inline = Cli.run("policy", "lint", "--policy-type", "identity-inline", LINT + "inline-identity.json");
        assertThat(inline.exit()).as("warnings only: IAM accepts the document inline").isZero();
        golden("inline-identity", inline);
        Cli.Result managed = Cli.run("policy", "lint", "--policy-type", "identity", LINT + "inline-identity.json");
        assertThat(managed.exit()).as("CreatePolicy refuses a managed policy without Version").isEqualTo(1);
        golden("managed-identity", managed);
    }

    @Test
    void verifyNamesTheEndpointIdItLeftOutAndRefutesThroughRealOnes() {
        Cli.Result r = Cli.run("policy", "verify", "src/test/resources/corpus/bucket/checkov-S3AllowsAnyPrincipal-pass_w_condition4.json",
                "--region", "us-east-1", "--no-ground-truth");
        assertThat(r.exit()).isEqualTo(1);
        golden("verify-impossible-endpoint", r);
    }

    @Test
    void verifySaysWhichExemptionsTheUserDidNotNameAndNamingThemCountsThemInside() {
        String policy = "policies/generated/example-3.strict.json";
        Cli.Result unnamed = Cli.run("policy", "verify", policy, "--region", "us-east-1", "--bucket-account", "111122223333");
        assertThat(unnamed.exit()).isEqualTo(1);
        golden("verify-unnamed-role", unnamed);
        Cli.Result role = Cli.run("policy", "verify", policy, "--region", "us-east-1", "--bucket-account", "111122223333",
                "--role-arn", "arn:aws:iam::111122223333:role/role-name");
        assertThat(role.exit()).as("the endpoint and VPC the policy exempts are still unnamed").isEqualTo(1);
        golden("verify-named-role", role);
        Cli.Result all = Cli.run("policy", "verify", policy, "--region", "us-east-1", "--bucket-account", "111122223333",
                "--role-arn", "arn:aws:iam::111122223333:role/role-name", "--vpce", "vpce-12345678", "--vpc", "vpc-12345678");
        assertThat(all.exit()).as(all.out()).isZero();
        assertThat(all.out()).doesNotContain("which you did not name");
    }
}
