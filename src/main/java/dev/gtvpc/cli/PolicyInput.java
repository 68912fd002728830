package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.input.InputFormat;
import dev.gtvpc.input.PolicySource;
import dev.gtvpc.input.PolicyTarget;
import dev.gtvpc.policy.io.ParsedPolicy;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.List;
import java.util.Optional;

/**
 * Reads the POLICY argument of a command: a file, or {@code -} for standard input. With the IaC
 * options, the file may be a Terraform plan or a CloudFormation/CDK template holding one policy, or
 * several of which --resource names one.
 */
final class PolicyInput {
    private PolicyInput() {
    }

    /** The policy read, and the plan's or template's target it came from. */
    record Found(ParsedPolicy parsed, Optional<PolicyTarget> target) {
    }

    static ParsedPolicy read(Inputs inputs, String name) {
        String text = inputs.read(name, "POLICY");
        return PolicyReader.read(text, name.equals("-") ? "<stdin>" : name);
    }

    static Found read(Inputs inputs, String name, IacOptions iac) {
        String source = name.equals("-") ? "<stdin>" : name;
        String text = inputs.read(name, "POLICY");
        PolicySource.Input input = iac.read(text, source);
        if (input.format() == InputFormat.POLICY) {
            return new Found(PolicyReader.read(text, source), Optional.empty());
        }
        List<PolicyTarget> targets = iac.select(input, source);
        if (targets.size() != 1) {
            throw GtvpcException.badInput(source + " holds " + (targets.isEmpty() ? "no policy gtvpc reads" : targets.size()
                    + " policies (" + String.join(", ", targets.stream().map(PolicyTarget::address).toList()) + "); name one with "
                    + iac.resourceOption()));
        }
        PolicyTarget target = targets.get(0);
        if (!target.known()) {
            throw GtvpcException.badInput(source + ": " + target.address() + ": " + String.join("; ", target.notes()));
        }
        PolicyReader.Result r = target.text().isPresent() ? PolicyReader.parse(target.text().get()) : PolicyReader.parse(target.tree().get());
        if (!r.ok()) {
            String at = target.text().isPresent() ? target.origin() + " (" + target.address() + " at " + r.problems().get(0).pointer() + ")"
                    : r.problems().get(0).location() + " (" + target.address() + ")";
            throw GtvpcException.badInput(source + ":" + at + ": " + r.problems().get(0).message());
        }
        return new Found(r.parsed().get(), Optional.of(target));
    }

    /**
     * Reads a policy named by {@code option} ({@code --equivalent-to}): every error, the reader's too,
     * starts with the option, so a run with two policies says which one is wrong.
     */
    static ParsedPolicy read(Inputs inputs, String name, String option) {
        String text = inputs.read(name, option);
        try {
            return PolicyReader.read(text, name.equals("-") ? "<stdin>" : name);
        } catch (dev.gtvpc.GtvpcException e) {
            throw new dev.gtvpc.GtvpcException(e.exitCode(), option + ": " + e.getMessage(), e);
        }
    }
}
