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
}
