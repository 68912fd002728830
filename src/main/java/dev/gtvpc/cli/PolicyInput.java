package dev.gtvpc.cli;

import dev.gtvpc.policy.io.ParsedPolicy;
import dev.gtvpc.policy.io.PolicyReader;

/** Reads the POLICY argument of a command: a file, or {@code -} for standard input. */
final class PolicyInput {
    private PolicyInput() {
    }

    static ParsedPolicy read(String name) {
        String text = Inputs.read(name, "POLICY");
        return PolicyReader.read(text, name.equals("-") ? "<stdin>" : name);
    }

    /**
     * Reads a policy named by {@code option} ({@code --equivalent-to}): every error, the reader's too,
     * starts with the option, so a run with two policies says which one is wrong.
     */
    static ParsedPolicy read(String name, String option) {
        String text = Inputs.read(name, option);
        try {
            return PolicyReader.read(text, name.equals("-") ? "<stdin>" : name);
        } catch (dev.gtvpc.GtvpcException e) {
            throw new dev.gtvpc.GtvpcException(e.exitCode(), option + ": " + e.getMessage(), e);
        }
    }
}
