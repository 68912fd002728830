package dev.gtvpc.eval;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.testing.JsonData;

/** Policies embedded in case files as JSON objects. */
final class CasePolicies {
    private CasePolicies() {
    }

    static Policy policy(Object json) {
        return PolicyReader.read(Json.write(JsonData.toJson(json), true), "case").policy();
    }
}
