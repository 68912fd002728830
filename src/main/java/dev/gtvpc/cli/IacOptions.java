package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.input.InputFormat;
import dev.gtvpc.input.PolicySource;
import dev.gtvpc.input.PolicyTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where policies come from: a policy file, a Terraform plan, a CloudFormation/CDK template; and which of its policies. */
abstract class IacOptions {
    @Option(names = "--input", paramLabel = "KIND", completionCandidates = Converters.InputFormats.class,
            description = "What the file is: policy, terraform-plan ('terraform show -json plan.out') or cloudformation (YAML or JSON;"
                    + " CDK's cdk.out/*.template.json). Default: read from the content.")
    String input;

    @Option(names = "--cfn-param", paramLabel = "KEY=VALUE",
            description = "A template parameter's or pseudo-parameter's value (AWS::AccountId, AWS::Region, AWS::Partition, a"
                    + " Parameters name, or a bucket's logical ID for its name), for Ref, !Sub, the Conditions and a bucket's !GetAtt"
                    + " (repeatable). The command's --region and --bucket-account, where it has them, give AWS::Region and AWS::AccountId"
                    + " unless this names them; the partition follows from the region. Values not given stay unknown and are checked as"
                    + " values distinct from every literal; a condition they leave open gives a policy for each outcome.")
    List<String> cfnParams = new ArrayList<>();

    String resource;

    /** The option that names one policy of a plan or template, as messages must spell it for this command. */
    abstract String resourceOption();

    /** Pseudo-parameters the command's own options give (--region, --bucket-account); --cfn-param overrides them. */
    private final Map<String, String> deployment = new LinkedHashMap<>();

    /** The stack's region and account, as the command's --region and --bucket-account name them (either may be null). */
    void deployedIn(String region, String account) {
        if (region != null) {
            deployment.put("AWS::Region", region);
        }
        if (account != null) {
            deployment.put("AWS::AccountId", account);
        }
    }

    /** For lint and verify: --resource names the policy. */
    static final class ForPolicies extends IacOptions {
        @Override
        String resourceOption() {
            return "--resource";
        }

        @Option(names = "--resource", paramLabel = "NAME",
                description = "Only the policy of this resource: a template's logical ID (LabelsPolicy) or address (Resources.LabelsPolicy),"
                        + " or a plan's address (aws_s3_bucket_policy.labels, module.data.aws_s3_bucket_policy.this).")
        void resource(String name) {
            resource = name;
        }
    }

    /** For commands whose --resource is a request's resource ARN (simulate, test): the same choice, named --policy-resource. */
    static final class ForRequests extends IacOptions {
        @Override
        String resourceOption() {
            return "--policy-resource";
        }

        @Option(names = "--policy-resource", paramLabel = "NAME",
                description = "Which policy of a plan or template: a template's logical ID (LabelsPolicy) or a plan's address"
                        + " (module.data.aws_s3_bucket_policy.this).")
        void policyResource(String name) {
            resource = name;
        }
    }

    PolicySource.Input read(String text, String source) {
        Optional<InputFormat> forced = Optional.empty();
        if (input != null) {
            forced = Optional.of(InputFormat.fromCli(input).orElseThrow(() ->
                    GtvpcException.badInput("--input: '" + input + "' is not one of " + InputFormat.cliNames())));
        }
        return PolicySource.read(text, source, forced, params());
    }

    Map<String, String> params() {
        Map<String, String> map = new LinkedHashMap<>(deployment);
        for (String p : cfnParams) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw GtvpcException.badInput("--cfn-param: '" + p + "' is not KEY=VALUE (for example AWS::AccountId=111122223333)");
            }
            map.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return map;
    }

    /** The targets --resource selects (all without it); a name that selects none is bad input naming those there are. */
    List<PolicyTarget> select(PolicySource.Input in, String source) {
        if (resource == null) {
            return in.targets();
        }
        List<PolicyTarget> chosen = in.targets().stream()
                .filter(t -> t.address().equals(resource) || t.name().equals(resource) || t.address().equals("Resources." + resource)).toList();
        if (chosen.isEmpty()) {
            throw GtvpcException.badInput(resourceOption() + ": " + source + " has no policy '" + resource + "'; it has "
                    + (in.targets().isEmpty() ? "none" : String.join(", ", in.targets().stream().map(PolicyTarget::address).toList())));
        }
        return chosen;
    }
}
