package dev.gtvpc.render;

import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.Fingerprint;
import dev.gtvpc.lint.LintReport;
import dev.gtvpc.lint.Review;
import dev.gtvpc.lint.Rule;
import dev.gtvpc.lint.Rules;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Lint findings as a SARIF 2.1.0 log (written by {@link Sarif}): one run with the rules its results
 * name (id, description, help link, default level, tags; SARIF §3.19.23 lets {@code rules} hold the
 * rules a run used, as ESLint's and Ruff's logs do, and code scanning reads a result's rule from it by
 * {@code ruleIndex}) and one result per defect, at its first place ({@code locations}) with its other
 * places ({@code relatedLocations}, linked from the message).
 * security-warning rules carry a {@code security-severity}, which GitHub code scanning uses to rank
 * security findings. A file given by a relative path keeps it as a relative reference; one given by an
 * absolute path becomes an absolute {@code file:} URI, and the run then names the working directory
 * (where gtvpc ran, normally the repository's checkout) so code scanning can place it.
 *
 * <p>Every result carries {@code fingerprints} ({@code gtvpc/v1}, what a baseline entry matches). A
 * suppressed result stays among the results with {@code suppressions} (SARIF §3.27.23: kind
 * {@code external} for a baseline entry, {@code inSource} for a skip in the source, status accepted,
 * the justification); what the suppressions call for (an expired or stale entry) is in the
 * invocation's {@code toolExecutionNotifications}.
 */
final class LintSarif {
    private LintSarif() {
    }

    static String log(Review review, String version, Path workingDirectory) {
        Set<String> named = new HashSet<>();
        review.targets().forEach(t -> t.findings().forEach(j -> named.add(j.finding().ruleId())));
        List<String> ruleIds = Rules.ids().stream().filter(named::contains).toList();
        List<Json.Obj> results = new ArrayList<>();
        List<Json.Value> notifications = new ArrayList<>();
        boolean absolute = false;
        for (Review.Target t : review.targets()) {
            String source = t.report().source();
            absolute |= isAbsolute(source);
            for (Review.Judged j : t.findings()) {
                results.add(result(source, t.report().address(), j, ruleIds));
                if (notLinted(t.report(), j.finding())) {
                    notifications.add(notification(source, j.finding(), ruleIds));
                }
            }
        }
        boolean failedInputs = !notifications.isEmpty();
        for (Review.Note n : review.notes()) {
            notifications.add(Json.obj(List.of(
                    Json.member("level", Json.str(n.level().sarif())),
                    Json.member("message", Sarif.text(n.message())))));
        }
        List<Json.Member> beforeResults = new ArrayList<>();
        if (absolute || !notifications.isEmpty()) {
            beforeResults.add(Json.member("invocations", Json.arr(List.of(invocation(absolute ? Optional.of(workingDirectory)
                    : Optional.empty(), notifications, failedInputs)))));
        }
        StringWriter text = new StringWriter();
        Sarif log = Sarif.document(new PrintWriter(text));
        log.begin(driver(version, named), beforeResults);
        results.forEach(log::result);
        log.end(List.of());
        return text.toString();
    }

    private static Json.Obj driver(String version, Set<String> named) {
        List<Json.Value> rules = new ArrayList<>();
        for (Rule rule : Rules.ALL.stream().filter(r -> named.contains(r.id())).toList()) {
            List<Json.Member> properties = new ArrayList<>();
            properties.add(Json.member("tags", Json.arr(List.of(Json.str(rule.group().id()), Json.str(rule.severity().id())))));
            if (rule.severity() == Severity.SECURITY_WARNING) {
                properties.add(Json.member("security-severity", Json.str("7.0")));
            }
            rules.add(Json.obj(List.of(
                    Json.member("id", Json.str(rule.id())),
                    Json.member("name", Json.str(pascal(rule.id()))),
                    Json.member("shortDescription", Sarif.text(rule.summary())),
                    Json.member("fullDescription", Sarif.text(rule.summary() + " See " + rule.helpUri())),
                    Json.member("helpUri", Json.str(ProjectLinks.rulePage(rule.id()))),
                    Json.member("help", Sarif.text(rule.summary() + " " + rule.helpUri())),
                    Json.member("defaultConfiguration", Sarif.defaultLevel(level(rule.severity()))),
                    Json.member("properties", Json.obj(properties)))));
        }
        return Json.obj(List.of(
                Json.member("name", Json.str("gtvpc")),
                Json.member("version", Json.str(version)),
                Json.member("informationUri", Json.str(ProjectLinks.home())),
                Json.member("rules", Json.arr(rules))));
    }

    /** One result: the defect's first place in {@code locations}, the others in {@code relatedLocations}, linked from the message. */
    private static Json.Obj result(String source, Optional<String> address, Review.Judged j, List<String> ruleIds) {
        Finding f = j.finding();
        StringBuilder message = new StringBuilder(f.message());
        List<Json.Value> related = new ArrayList<>();
        for (int i = 0; i < f.alsoAt().size(); i++) {
            Finding.Place p = f.alsoAt().get(i);
            message.append(i == 0 ? ". Also at " : ", ").append("[").append(p.location()).append("](").append(i + 1).append(")");
            related.add(Json.obj(List.of(
                    Json.member("id", Sarif.number(i + 1)),
                    Json.member("physicalLocation", physicalLocation(source, p.location())),
                    Json.member("message", Sarif.text("The same defect, also written here.")))));
        }
        message.append(". Fix: ").append(f.fix()).append(".");
        List<Json.Member> members = new ArrayList<>(List.of(
                Json.member("ruleId", Json.str(f.ruleId())),
                Json.member("ruleIndex", Sarif.number(ruleIds.indexOf(f.ruleId()))),
                Json.member("level", Json.str(level(f.severity()))),
                Json.member("message", Sarif.text(message.toString())),
                // the place in the file; for a policy inside a plan or template also its address there
                Json.member("locations", Json.arr(List.of(Sarif.location(physicalLocation(source, f.location()), address))))));
        if (!related.isEmpty()) {
            members.add(Json.member("relatedLocations", Json.arr(related)));
        }
        members.add(Json.member("fingerprints", Json.obj(List.of(Json.member("gtvpc/v" + Fingerprint.VERSION, Json.str(j.fingerprint()))))));
        j.suppression().ifPresent(s -> members.add(Json.member("suppressions", Json.arr(List.of(Json.obj(List.of(
                Json.member("kind", Json.str(s.kind().sarif())),
                Json.member("status", Json.str("accepted")),
                Json.member("justification", Json.str(s.justification())))))))));
        return Json.obj(members);
    }

    private static Json.Obj physicalLocation(String source, SourceLocation at) {
        return Sarif.physicalLocation(uri(source), Optional.of(at));
    }

    /**
     * The run's invocation: where gtvpc ran, as the directory URI code scanning resolves absolute file URIs
     * against (its checkout path), and as notifications the inputs it could not lint and what the
     * suppressions call for (an expired or stale baseline entry).
     */
    private static Json.Obj invocation(Optional<Path> workingDirectory, List<Json.Value> notifications, boolean failedInputs) {
        List<Json.Member> members = new ArrayList<>();
        // not successful when an input could not be linted: its absence of findings means nothing
        members.add(Json.member("executionSuccessful", new Json.Bool(!failedInputs, SourceLocation.START)));
        if (!notifications.isEmpty()) {
            members.add(Json.member("toolExecutionNotifications", Json.arr(notifications)));
        }
        workingDirectory.ifPresent(wd -> {
            String dir = fileUri(wd.toAbsolutePath().toString());
            members.add(Json.member("workingDirectory", Json.obj(List.of(Json.member("uri", Json.str(dir.endsWith("/") ? dir : dir + "/"))))));
        });
        return Json.obj(members);
    }

    /** A file gtvpc could not lint at all: unreadable, or not JSON, so no rule ran on it. */
    private static boolean notLinted(LintReport r, Finding f) {
        return r.policy().isEmpty() && (f.ruleId().equals("unreadable-file") || f.ruleId().equals("invalid-json"));
    }

    /** SARIF 2.1.0 §3.58: the tool's own problem with an input, tied to the rule its result carries. */
    private static Json.Obj notification(String source, Finding f, List<String> ruleIds) {
        return Json.obj(List.of(
                Json.member("level", Json.str("error")),
                Json.member("message", Sarif.text(source + " was not linted: " + f.message())),
                Json.member("locations", Json.arr(List.of(Sarif.location(Sarif.physicalLocation(uri(source), Optional.empty()),
                        Optional.empty())))),
                Json.member("associatedRule", Json.obj(List.of(
                        Json.member("id", Json.str(f.ruleId())),
                        Json.member("index", Sarif.number(ruleIds.indexOf(f.ruleId()))))))));
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR, SECURITY_WARNING -> "error";
            case WARNING -> "warning";
            case SUGGESTION -> "note";
        };
    }

    private static String pascal(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    /**
     * The artifact URI for a path as the user gave it: an absolute path becomes an absolute file: URI
     * (a relative reference must not begin with a slash), a relative one a relative reference; "-"
     * (standard input) is "stdin". Characters a URI cannot hold are percent-encoded.
     */
    static String uri(String source) {
        if (source.equals("<stdin>")) {
            return "stdin";
        }
        return isAbsolute(source) ? fileUri(source) : encode(source.replace('\\', '/'));
    }

    static boolean isAbsolute(String source) {
        return source.startsWith("/") || source.matches("[A-Za-z]:[\\\\/].*") || source.startsWith("\\\\");
    }

    /** file:///home/me/x.json, file:///C:/x.json, file://server/share/x.json. */
    static String fileUri(String absolute) {
        String path = absolute.replace('\\', '/');
        if (path.startsWith("//")) {
            return "file:" + encode(path);
        }
        return "file://" + (path.startsWith("/") ? "" : "/") + encode(path);
    }

    private static String encode(String path) {
        StringBuilder b = new StringBuilder();
        for (byte raw : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int ch = raw & 0xff;
            boolean safe = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || "-._~/:@!$&'()*+,;=".indexOf(ch) >= 0;
            if (safe) {
                b.append((char) ch);
            } else {
                b.append(String.format(Locale.ROOT, "%%%02X", ch));
            }
        }
        return b.toString();
    }
}
