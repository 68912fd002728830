package dev.gtvpc.render;

import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one SARIF 2.1.0 writer: the log's envelope (schema, version, one run, the tool's driver), its
 * results as they come, and the parts results and rules are made of (a message, a location, a default
 * level). Lint and audit both write through it; they differ only in layout. {@link #document} indents
 * the whole log as {@link Json#write} does (lint: one log per run, read by people too); {@link #stream}
 * writes one result a line as it arrives, so an audit of many buckets never holds its log in memory.
 */
public final class Sarif {
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String VERSION = "2.1.0";

    private final PrintWriter out;
    private final boolean indented;
    private boolean noResult = true;

    private Sarif(PrintWriter out, boolean indented) {
        this.out = out;
        this.indented = indented;
    }

    /** A log laid out as {@code Json.write(log, true)} would: two-space indentation, an item a line. */
    public static Sarif document(PrintWriter out) {
        return new Sarif(out, true);
    }

    /** A log with a line per result, each result's JSON compact: for logs written while they are made. */
    public static Sarif stream(PrintWriter out) {
        return new Sarif(out, false);
    }

    /**
     * Writes everything before the first result: the envelope, the tool with {@code driver}, and the
     * run's other members that precede its results ({@code invocations}).
     */
    public void begin(Json.Obj driver, List<Json.Member> beforeResults) {
        List<Json.Member> members = new ArrayList<>();
        members.add(Json.member("tool", Json.obj(List.of(Json.member("driver", driver)))));
        members.addAll(beforeResults);
        if (indented) {
            out.print("{\n  \"$schema\": " + Json.write(Json.str(SCHEMA), false) + ",\n  \"version\": " + Json.write(Json.str(VERSION), false)
                    + ",\n  \"runs\": [\n    {");
            for (Json.Member m : members) {
                out.print("\n      " + member(m, 3) + ",");
            }
            out.print("\n      \"results\": [");
        } else {
            out.print("{\"$schema\": " + Json.write(Json.str(SCHEMA), false) + ", \"version\": " + Json.write(Json.str(VERSION), false)
                    + ", \"runs\": [{\n");
            for (Json.Member m : members) {
                out.print(member(m) + ",\n");
            }
            out.print("\"results\": [");
        }
    }

    /** One result, after the others. */
    public void result(Json.Obj result) {
        if (indented) {
            out.print((noResult ? "" : ",") + "\n        " + indent(Json.write(result, true), 4));
        } else {
            out.print((noResult ? "\n  " : ",\n  ") + Json.write(result, false));
        }
        noResult = false;
    }

    /** Closes the results, writes the run's members that follow them ({@code properties}) and closes the log. */
    public void end(List<Json.Member> afterResults) {
        if (indented) {
            out.print(noResult ? "]" : "\n      ]");
            for (Json.Member m : afterResults) {
                out.print(",\n      " + member(m, 3));
            }
            out.print("\n    }\n  ]\n}\n");
        } else {
            out.print(noResult ? "]" : "\n]");
            for (Json.Member m : afterResults) {
                out.print(",\n" + member(m));
            }
            out.print("}]}\n");
        }
        out.flush();
    }

    /** {@code "name": value}, indented for {@code depth} as within the whole document. */
    private static String member(Json.Member m, int depth) {
        return Json.write(Json.str(m.name()), false) + ": " + indent(Json.write(m.value(), true), depth);
    }

    /** {@code "name": {"key": value, ...}}: the member's own keys spaced, their values compact. */
    private static String member(Json.Member m) {
        String name = Json.write(Json.str(m.name()), false) + ": ";
        if (!(m.value() instanceof Json.Obj o) || o.members().isEmpty()) {
            return name + Json.write(m.value(), false);
        }
        List<String> parts = new ArrayList<>();
        for (Json.Member inner : o.members()) {
            parts.add(Json.write(Json.str(inner.name()), false) + ": " + Json.write(inner.value(), false));
        }
        return name + "{" + String.join(", ", parts) + "}";
    }

    /** A value written at depth 0, moved to {@code depth}: string literals never hold a raw line break. */
    private static String indent(String written, int depth) {
        return written.replace("\n", "\n" + "  ".repeat(depth));
    }

    // ------------------------------------------------------------------ the parts of a log

    /** A message or description: {@code {"text": ...}}. */
    public static Json.Obj text(String text) {
        return Json.obj(List.of(Json.member("text", Json.str(text))));
    }

    /** A rule's {@code defaultConfiguration}: its level (error, warning, note). */
    public static Json.Obj defaultLevel(String level) {
        return Json.obj(List.of(Json.member("level", Json.str(level))));
    }

    /** Where in an artifact: its URI and, when known, the line and column. */
    public static Json.Obj physicalLocation(String uri, Optional<SourceLocation> at) {
        List<Json.Member> members = new ArrayList<>();
        members.add(Json.member("artifactLocation", Json.obj(List.of(Json.member("uri", Json.str(uri))))));
        at.ifPresent(a -> members.add(Json.member("region", Json.obj(List.of(
                Json.member("startLine", number(a.line())),
                Json.member("startColumn", number(a.column())))))));
        return Json.obj(members);
    }

    /** A result's location: the physical place and, for a cloud resource or IaC address, its name as a logical location. */
    public static Json.Obj location(Json.Obj physicalLocation, Optional<String> resource) {
        List<Json.Member> members = new ArrayList<>();
        members.add(Json.member("physicalLocation", physicalLocation));
        resource.ifPresent(r -> members.add(Json.member("logicalLocations", Json.arr(List.of(Json.obj(List.of(
                Json.member("fullyQualifiedName", Json.str(r)),
                Json.member("kind", Json.str("resource")))))))));
        return Json.obj(members);
    }

    /** An integer member value. */
    public static Json.Num number(long n) {
        return new Json.Num(Long.toString(n), SourceLocation.START);
    }
}
