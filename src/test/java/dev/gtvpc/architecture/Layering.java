package dev.gtvpc.architecture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DESIGN.md's layering as rules over a {@link SourceGraph}: no package cycle; the engine never
 * reaches {@code groundtruth}, directly or through another package; each package keeps off the
 * packages above it; each library stays in the package that owns it; no main class over 500 lines.
 * {@link #violations} returns what breaks them, so a test can run the rules on a tree it plants.
 */
final class Layering {
    static final String ROOT = "dev.gtvpc";
    static final String GROUND_TRUTH = ROOT + ".groundtruth";

    /** The engine: these packages and their subpackages serve any S3 perimeter and know nothing of Ground Truth. */
    static final List<String> ENGINE = List.of("policy", "catalogue", "eval", "layers", "space", "verify", "lint", "input", "audit", "apply", "rcp");
    /** Inside the engine's packages, the one place Ground Truth's own lint rules live. */
    static final String ENGINE_EXCEPTION = ROOT + ".lint.rules.groundtruth";

    /** The libraries each package may use besides the JDK; every other package uses the JDK alone. */
    static final Map<String, List<String>> LIBRARIES = Map.of(
            "policy.io", List.of("com.fasterxml"),
            "input", List.of("org.snakeyaml"),
            "aws", List.of("software.amazon"),
            "cli", List.of("picocli", "software.amazon"));
    static final List<String> JDK = List.of("java", "javax");

    /**
     * Every package, with the project packages it must not use (each with its subpackages); {@code *}
     * is every other package. A package missing here is a violation: a new package is placed in the
     * layering when it is made.
     */
    static final Map<String, String> FORBIDDEN = forbidden();

    static final int MAX_LINES = 500;
    /**
     * Main classes over {@value #MAX_LINES} lines, with the size they may not exceed (none today). An
     * entry no longer needed is a violation too.
     */
    static final Map<String, Integer> LONG_FILES = Map.of();

    private static Map<String, String> forbidden() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("", "*");
        m.put("policy", "*");
        m.put("policy.io", "eval|groundtruth|render|cli");
        m.put("catalogue", "eval|space|verify|lint|groundtruth|render|cli");
        m.put("eval", "space|verify|lint|input|audit|apply|groundtruth|preflight|aws|render|cli");
        m.put("layers", "space|verify|lint|input|audit|apply|groundtruth|preflight|aws|render|cli");
        m.put("space", "verify|lint|input|audit|apply|groundtruth|preflight|aws|render|cli");
        m.put("verify", "lint|apply|aws|render|cli");
        m.put("lint", "apply|aws|render|cli");
        m.put("lint.rules", "apply|aws|render|cli");
        m.put("lint.rules.groundtruth", "apply|aws|render|cli");
        m.put("input", "verify|apply|aws|render|cli");
        m.put("audit", "render|cli|apply|preflight");
        m.put("apply", "lint|preflight|render|cli");
        m.put("rcp", "lint|input|audit|apply|groundtruth|preflight|aws|render|cli");
        m.put("groundtruth", "render|cli");
        m.put("preflight", "render|cli");
        m.put("aws", "policy|eval|verify|lint|groundtruth|apply|preflight|render|cli");
        m.put("render", "cli");
        m.put("util", "policy|eval|cli");
        m.put("cli", "");
        return m;
    }

    enum Kind { CYCLE, ENGINE_REACHES_GROUND_TRUTH, FORBIDDEN_PACKAGE, LIBRARY, UNPLACED_PACKAGE, FILE_TOO_LONG, STALE_ALLOWANCE }

    /** One broken rule: which, where, and the evidence. */
    record Violation(Kind kind, String where, String evidence) {
        @Override
        public String toString() {
            return kind + " " + where + ": " + evidence;
        }
    }

    private Layering() {
    }

    static List<Violation> violations(SourceGraph g) {
        List<Violation> out = new ArrayList<>();
        for (Set<String> cycle : g.cycles()) {
            List<String> evidence = new ArrayList<>();
            for (String p : cycle) {
                g.dependencies(p).forEach((q, use) -> {
                    if (cycle.contains(q)) {
                        evidence.add(short_(p) + " -> " + short_(q) + " (" + use + ")");
                    }
                });
            }
            out.add(new Violation(Kind.CYCLE, String.join(", ", cycle.stream().map(Layering::short_).toList()),
                    String.join("; ", evidence)));
        }
        for (String p : g.packages()) {
            if (!g.isProject(p)) {
                continue;
            }
            String name = short_(p);
            if (isEngine(p)) {
                Optional<List<SourceGraph.Use>> path = g.path(p, GROUND_TRUTH);
                path.ifPresent(chain -> out.add(new Violation(Kind.ENGINE_REACHES_GROUND_TRUTH, name, chain.toString())));
            }
            String forbidden = FORBIDDEN.get(name);
            if (forbidden == null) {
                out.add(new Violation(Kind.UNPLACED_PACKAGE, name, "the layering names no rule for it (Layering.FORBIDDEN)"));
            } else {
                g.dependencies(p).forEach((q, use) -> {
                    if (forbids(forbidden, short_(q))) {
                        out.add(new Violation(Kind.FORBIDDEN_PACKAGE, name, use.toString()));
                    }
                });
            }
            List<String> allowed = LIBRARIES.getOrDefault(name, List.of());
            for (SourceGraph.Use u : g.uses(p)) {
                if (!g.isProject(u.usedPackage()) && !under(u.usedPackage(), JDK) && !under(u.usedPackage(), allowed)) {
                    out.add(new Violation(Kind.LIBRARY, name, u.toString()));
                }
            }
        }
        g.fileLines().forEach((file, lines) -> {
            int limit = LONG_FILES.getOrDefault(file, MAX_LINES);
            if (lines > limit) {
                out.add(new Violation(Kind.FILE_TOO_LONG, file, lines + " lines (at most " + limit + ")"));
            }
        });
        LONG_FILES.forEach((file, limit) -> {
            Integer lines = g.fileLines().get(file);
            if (lines == null || lines <= MAX_LINES) {
                out.add(new Violation(Kind.STALE_ALLOWANCE, file, "is " + (lines == null ? "gone" : lines + " lines")
                        + ": remove it from Layering.LONG_FILES"));
            }
        });
        return out;
    }

    static boolean isEngine(String pkg) {
        if (pkg.equals(ENGINE_EXCEPTION) || pkg.startsWith(ENGINE_EXCEPTION + ".")) {
            return false;
        }
        return ENGINE.stream().map(e -> ROOT + "." + e).anyMatch(e -> pkg.equals(e) || pkg.startsWith(e + "."));
    }

    private static boolean forbids(String forbidden, String used) {
        if (forbidden.equals("*")) {
            return true;
        }
        return !forbidden.isEmpty() && under(used, List.of(forbidden.split("\\|")));
    }

    private static boolean under(String pkg, List<String> prefixes) {
        return prefixes.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."));
    }

    /** The package's name below the project root ("" for the root itself). */
    private static String short_(String pkg) {
        return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    }
}
