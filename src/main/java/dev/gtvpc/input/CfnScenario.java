package dev.gtvpc.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One case of what the user did not give but the template's Conditions depend on: for each such input,
 * the value assumed. A parameter compared in the Conditions is assumed to be each of the values it is
 * compared with (or each of its AllowedValues), or {@link #OTHER}, none of them; a comparison gtvpc
 * cannot split that way is assumed true, then false. Between them the cases cover every value the
 * input can have, so the policies of all cases are all the policies the template can deploy.
 */
record CfnScenario(Map<String, Assumption> assumed) {
    /** The value of a parameter that is none of the values the Conditions compare it with. */
    static final String OTHER = "\u0000other";

    static final CfnScenario NONE = new CfnScenario(Map.of());

    /** An input the Conditions depend on, and the cases worth telling apart. */
    record Choice(String key, String subject, List<String> values) {
        Choice {
            values = List.copyOf(values);
        }

        /** For a parameter: its name; for a comparison: the comparison. */
        String describe(String value) {
            if (!key.startsWith("Ref ")) {
                return subject + " is " + value;
            }
            if (!value.equals(OTHER)) {
                return subject + " = " + value;
            }
            List<String> named = values.stream().filter(v -> !v.equals(OTHER)).toList();
            return named.isEmpty() ? subject + " is any value" : subject + " is none of " + String.join(", ", named);
        }
    }

    /** The value assumed for one choice, and how a user reads it. */
    record Assumption(String value, String text) {
    }

    CfnScenario {
        assumed = Map.copyOf(assumed);
    }

    CfnScenario with(Choice choice, String value) {
        Map<String, Assumption> more = new LinkedHashMap<>(assumed);
        more.put(choice.key(), new Assumption(value, choice.describe(value)));
        return new CfnScenario(more);
    }

    Optional<String> value(String key) {
        return Optional.ofNullable(assumed.get(key)).map(Assumption::value);
    }

    /** What this case assumes, as a user reads it, in a stable order. */
    List<String> describe() {
        List<String> texts = new ArrayList<>();
        assumed.values().forEach(a -> texts.add(a.text()));
        texts.sort(String::compareTo);
        return texts;
    }
}
