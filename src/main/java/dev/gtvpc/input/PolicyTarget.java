package dev.gtvpc.input;

import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One policy found in a source file: its address there ({@code aws_s3_bucket_policy.labels},
 * {@code module.data.aws_s3_bucket_policy.this}, {@code Resources.LabelsPolicy}), what it is attached
 * to, and the document. A document written as a JSON string inside the source (a Terraform plan's
 * {@code values.policy}) is {@code text}, and its findings point at {@code origin}, the string's place
 * in the file; a document written as structure (a template's {@code PolicyDocument}) is {@code tree},
 * whose values carry their own places in the file. A policy the source does not determine (known only
 * after apply) has neither, and {@code notes} say why. Values only a deployment determines are
 * {@link Symbolic} tokens inside the document.
 */
public record PolicyTarget(String address, String resourceType, PolicyKind kind, Optional<String> text, Optional<Json.Value> tree,
        SourceLocation origin, List<String> notes, List<String> unknowns, List<InSourceSkip> skips) {
    public PolicyTarget {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        notes = List.copyOf(notes);
        unknowns = List.copyOf(unknowns);
        skips = List.copyOf(skips);
    }

    /** True when the source holds the document (possibly with symbolic values inside). */
    public boolean known() {
        return text.isPresent() || tree.isPresent();
    }

    /** The logical ID or resource name the user selects with --resource: the last part of the address. */
    public String name() {
        String a = address.startsWith("Resources.") ? address.substring("Resources.".length()) : address;
        int dot = a.indexOf('.');
        return address.startsWith("Resources.") && dot > 0 ? a.substring(0, dot) : a;
    }
}
