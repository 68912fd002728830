package dev.gtvpc.input;

import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>A template's policy that depends on Conditions the parameters given do not decide has
 * {@code variants}: every policy the template can deploy at this address, one per outcome of those
 * conditions. {@code tree} is then the first variant's, and {@code unknowns} name the conditions too
 * ({@code Condition IsProd (checked as true, when Env = prod)}), so a command that checks one policy
 * says which it checked. A policy the conditions decide has no variants, unless the resource itself
 * exists only in some cases (its own {@code Condition}): then its one variant says when.
 */
public record PolicyTarget(String address, String resourceType, PolicyKind kind, Optional<String> text, Optional<Json.Value> tree,
        SourceLocation origin, List<String> notes, List<String> unknowns, List<InSourceSkip> skips, List<Variant> variants) {
    /**
     * One policy the template can deploy at this address: {@code name} says which ({@code IsProd=false}),
     * {@code conditions} the value of each condition that tells it from the others, {@code when} the cases
     * of the inputs not given that lead to it (any one suffices; empty: every case), {@code tree} its document
     * resolved (a string when the template gives the PolicyDocument as JSON text), and {@code unknowns} the
     * values its document leaves unknown, as {@link Symbolic} tokens name them.
     */
    public record Variant(String name, Map<String, Boolean> conditions, List<String> when, Json.Value tree, List<String> unknowns) {
        public Variant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tree, "tree");
            conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
            when = List.copyOf(when);
            unknowns = List.copyOf(unknowns);
        }
    }

    public PolicyTarget {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        notes = List.copyOf(notes);
        unknowns = List.copyOf(unknowns);
        skips = List.copyOf(skips);
        variants = List.copyOf(variants);
    }

    /** A policy that is one policy whatever the stack's parameters (every plan's, and most templates'). */
    public PolicyTarget(String address, String resourceType, PolicyKind kind, Optional<String> text, Optional<Json.Value> tree,
            SourceLocation origin, List<String> notes, List<String> unknowns, List<InSourceSkip> skips) {
        this(address, resourceType, kind, text, tree, origin, notes, unknowns, skips, List.of());
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
