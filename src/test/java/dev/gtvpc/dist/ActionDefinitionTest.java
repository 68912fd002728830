package dev.gtvpc.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Golden;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * action.yml and the script its step runs (scripts/action/run.sh, run by ActionIT) agree: every input
 * reaches the script or another step, every GTVPC_ variable the script reads is passed, and the
 * README's workflow uses only inputs that exist.
 */
class ActionDefinitionTest {
    /** Inputs used by action.yml's own steps (setup-java, upload-sarif), not by the script. */
    private static final Set<String> FOR_OTHER_STEPS = Set.of("setup-java", "java-version", "upload-sarif", "sarif-category");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> action() {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Golden.read(Golden.root().resolve("action.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> scriptEnv() {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) action().get("runs")).get("steps");
        Map<String, Object> run = steps.stream().filter(s -> "run".equals(s.get("id"))).findFirst().orElseThrow();
        assertThat(run.get("run")).isEqualTo("bash \"$GITHUB_ACTION_PATH/scripts/action/run.sh\"");
        return (Map<String, String>) run.get("env");
    }

    private static String variable(String input) {
        return "GTVPC_" + input.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyInputReachesTheScriptAsItsVariable() {
        Map<String, Object> inputs = (Map<String, Object>) action().get("inputs");
        Map<String, String> env = scriptEnv();
        for (String input : inputs.keySet()) {
            assertThat(((Map<String, Object>) inputs.get(input)).get("description")).as(input).isNotNull();
            if (!FOR_OTHER_STEPS.contains(input)) {
                assertThat(env).as(input).containsEntry(variable(input), "${{ inputs." + input + " }}");
            }
        }
        assertThat(action().get("runs")).asString().contains("inputs.setup-java", "inputs.java-version", "inputs.upload-sarif",
                "inputs.sarif-category");
    }

    @Test
    void everyVariableTheScriptReadsIsPassed() {
        String script = Golden.read(Golden.root().resolve("scripts/action/run.sh"));
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{?(GTVPC_[A-Z0-9_]+)").matcher(script);
        while (m.find()) {
            read.add(m.group(1));
        }
        // the perimeter inputs are read by name in a loop (${!variable})
        for (String input : List.of("region", "bucket", "vpc", "vpce", "role-arn", "org-id", "bucket-account", "admin-arn", "fail-on")) {
            assertThat(script).contains(" " + input + " ");
            read.add(variable(input));
        }
        assertThat(scriptEnv().keySet()).containsAll(read);
        assertThat(read).containsAll(scriptEnv().keySet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReadmesWorkflowUsesOnlyInputsThatExist() {
        String readme = Golden.read(Golden.root().resolve("README.md"));
        int start = readme.indexOf("### GitHub Action");
        String section = readme.substring(start, readme.indexOf("\n### ", start + 1));
        Matcher with = Pattern.compile("(?m)^ {10}([a-z-]+):").matcher(section);
        Set<String> used = new TreeSet<>();
        while (with.find()) {
            used.add(with.group(1));
        }
        assertThat(used).contains("command", "paths", "region").isSubsetOf(((Map<String, Object>) action().get("inputs")).keySet());
    }
}
