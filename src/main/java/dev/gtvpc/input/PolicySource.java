package dev.gtvpc.input;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.io.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a file into the policies it holds. The format is read from the content unless the user names
 * it: JSON with {@code planned_values} or {@code terraform_version} is a Terraform plan, JSON or YAML
 * with {@code Resources} or {@code AWSTemplateFormatVersion} a CloudFormation template, any other JSON
 * one policy. A .yaml/.yml file that is not a template is bad input; any other file that is not JSON is
 * left to the policy reader, which reports it as invalid JSON at its place.
 */
public final class PolicySource {
    private PolicySource() {
    }

    /** What a file held: its format and, for a plan or template, its targets (a policy file has none: it is its own target). */
    public record Input(InputFormat format, List<PolicyTarget> targets) {
        public Input {
            targets = List.copyOf(targets);
        }
    }

    public static Input read(String text, String source, Optional<InputFormat> forced, Map<String, String> cfnParams) {
        String trimmed = text.stripLeading();
        boolean jsonLike = trimmed.startsWith("{") || trimmed.startsWith("[");
        Json.Value json = null;
        if (jsonLike) {
            try {
                json = Json.parse(text);
            } catch (Json.SyntaxException e) {
                if (forced.isPresent() && forced.get() != InputFormat.POLICY) {
                    throw GtvpcException.badInput(source + ":" + e.location() + ": not JSON: " + e.getMessage());
                }
                // the policy reader reports invalid JSON as a lint finding, with its place
                return new Input(InputFormat.POLICY, List.of());
            }
        }
        InputFormat format = forced.orElseGet(() -> detect(trimmed, jsonLike, source));
        switch (format) {
            case POLICY -> {
                return new Input(InputFormat.POLICY, List.of());
            }
            case TERRAFORM_PLAN -> {
                if (!(json instanceof Json.Obj plan)) {
                    throw GtvpcException.badInput(source + ": a Terraform plan is a JSON object ('terraform show -json plan.out')");
                }
                return new Input(format, new TerraformPlanSource(source).read(plan));
            }
            default -> {
                Json.Value root = json != null ? json : Yaml.parse(text, source);
                return new Input(format, new CloudFormationSource(source, cfnParams).read(root));
            }
        }
    }

    private static InputFormat detect(String trimmed, boolean jsonLike, String source) {
        String head = trimmed.length() > 4096 ? trimmed.substring(0, 4096) : trimmed;
        if (jsonLike) {
            if (head.contains("\"planned_values\"") || head.contains("\"terraform_version\"") || head.contains("\"format_version\"")) {
                return InputFormat.TERRAFORM_PLAN;
            }
            if (trimmed.contains("\"Resources\"") && !trimmed.contains("\"Statement\"") || head.contains("\"AWSTemplateFormatVersion\"")
                    || head.startsWith("{") && head.substring(1).stripLeading().startsWith("\"Resources\"")) {
                return InputFormat.CLOUDFORMATION;
            }
            if (trimmed.contains("\"Resources\"") && trimmed.contains("\"Type\"") && trimmed.contains("\"Properties\"")) {
                return InputFormat.CLOUDFORMATION;
            }
            return InputFormat.POLICY;
        }
        if (head.matches("(?s).*(^|\\n)(AWSTemplateFormatVersion|Resources|Transform|Description|Parameters|Mappings|Conditions|Metadata)\\s*:.*")) {
            return InputFormat.CLOUDFORMATION;
        }
        if (!source.endsWith(".yaml") && !source.endsWith(".yml")) {
            // not a template by name or content: the policy reader reports it as invalid JSON, with its place, as before
            return InputFormat.POLICY;
        }
        String first = trimmed.isEmpty() ? "" : trimmed.lines().findFirst().orElse("");
        throw GtvpcException.badInput(source + ": neither JSON nor a CloudFormation template (it begins "
                + Json.quote(first.length() > 40 ? first.substring(0, 40) + "..." : first)
                + "); name the format with --input policy|terraform-plan|cloudformation");
    }
}
