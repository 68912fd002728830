package dev.gtvpc.render;

import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.Review;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lint findings as CI systems read them without a plug-in: JUnit XML (test-report viewers: Jenkins,
 * GitLab, Azure Pipelines), GitHub workflow commands (annotations on the pull request's lines) and
 * GitLab Code Quality JSON (the merge request's widget). Suppressed findings are left out, as in text.
 */
public final class LintCi {
    private LintCi() {
    }

    /**
     * JUnit XML: a testsuite per file (per policy of a plan or template), a testcase per finding with a
     * {@code <failure>} whose type is the severity; a file without findings is one passing testcase, so
     * the report lists every file linted. With {@code showSuppressed}, a suppressed finding is a skipped
     * testcase whose message is the justification.
     */
    public static String junit(Review review, boolean showSuppressed) {
        StringBuilder suites = new StringBuilder();
        int[] all = new int[3];
        for (Review.Target t : review.targets()) {
            String file = t.report().source();
            String suite = file + t.report().address().map(a -> " " + a).orElse("");
            StringBuilder cases = new StringBuilder();
            int[] counts = new int[3];
            for (Review.Judged j : t.findings()) {
                if (j.suppressed() && !showSuppressed) {
                    continue;
                }
                Finding f = j.finding();
                String where = file + ":" + f.location();
                cases.append("    <testcase classname=\"").append(Xml.escape(suite)).append("\" name=\"").append(Xml.escape(f.ruleId() + " at " + where))
                        .append("\" file=\"").append(Xml.escape(file)).append("\">\n");
                if (j.suppressed()) {
                    counts[2]++;
                    cases.append("      <skipped message=\"").append(Xml.escape("suppressed: " + j.suppression().orElseThrow().justification()))
                            .append("\"/>\n");
                } else {
                    counts[1]++;
                    cases.append("      <failure type=\"").append(f.severity().id()).append("\" message=\"").append(Xml.escape(f.message()))
                            .append("\">").append(Xml.escape(where + ": " + f.severity().id() + " " + f.ruleId() + ": " + f.message()
                                    + "\nfix: " + f.fix())).append("</failure>\n");
                }
                counts[0]++;
                cases.append("    </testcase>\n");
            }
            if (counts[0] == 0) {
                counts[0] = 1;
                cases.append("    <testcase classname=\"").append(Xml.escape(suite)).append("\" name=\"no findings\" file=\"")
                        .append(Xml.escape(file)).append("\"/>\n");
            }
            suites.append("  <testsuite name=\"").append(Xml.escape(suite)).append("\" tests=\"").append(counts[0]).append("\" failures=\"")
                    .append(counts[1]).append("\" errors=\"0\" skipped=\"").append(counts[2]).append("\">\n").append(cases).append("  </testsuite>\n");
            for (int i = 0; i < 3; i++) {
                all[i] += counts[i];
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gtvpc policy lint\" tests=\"" + all[0] + "\" failures=\"" + all[1]
                + "\" errors=\"0\" skipped=\"" + all[2] + "\">\n" + suites + "</testsuites>\n";
    }

    /** GitHub's annotation level for a severity: error and security-warning fail a check, the rest do not. */
    private static final Map<Severity, String> GITHUB_LEVEL = Map.of(
            Severity.ERROR, "error", Severity.SECURITY_WARNING, "error", Severity.WARNING, "warning", Severity.SUGGESTION, "notice");

    /**
     * A workflow command per finding, {@code ::error file=F,line=L,col=C,title=T::MESSAGE}, escaped as
     * the Actions toolkit escapes them (data: %, CR, LF; properties: also : and ,), then the summary
     * line as plain log text.
     */
    public static String github(Review review, String summary) {
        StringBuilder out = new StringBuilder();
        for (Review.Target t : review.targets()) {
            for (Review.Judged j : t.active()) {
                Finding f = j.finding();
                out.append("::").append(GITHUB_LEVEL.get(f.severity())).append(" file=").append(property(t.report().source()))
                        .append(",line=").append(f.location().line()).append(",col=").append(f.location().column())
                        .append(",title=").append(property("gtvpc " + f.severity().id() + " " + f.ruleId())).append("::")
                        .append(data(t.report().address().map(a -> a + ": ").orElse("") + f.message() + "\nfix: " + f.fix())).append('\n');
            }
        }
        return out.append(summary).append('\n').toString();
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** GitLab's severities, info to blocker: a policy S3 refuses or that does not work is critical. */
    private static final Map<Severity, String> GITLAB_SEVERITY = Map.of(
            Severity.ERROR, "critical", Severity.SECURITY_WARNING, "major", Severity.WARNING, "minor", Severity.SUGGESTION, "info");

    /**
     * GitLab Code Quality: an array of issues, each with description, check_name, fingerprint, severity and
     * location (path, lines.begin). The fingerprint is the finding's baseline fingerprint with its file,
     * policy and place, hashed: unique in the report (GitLab keeps one issue per fingerprint) and stable
     * while the statement is, so a merge request shows new findings as new.
     */
    public static String gitlab(Review review) {
        List<Json.Value> issues = new ArrayList<>();
        for (Review.Target t : review.targets()) {
            for (Review.Judged j : t.active()) {
                Finding f = j.finding();
                Optional<String> address = t.report().address();
                issues.add(Json.obj(List.of(
                        Json.member("type", Json.str("issue")),
                        Json.member("description", Json.str(address.map(a -> a + ": ").orElse("") + f.message() + " Fix: " + f.fix())),
                        Json.member("check_name", Json.str(f.ruleId())),
                        Json.member("fingerprint", Json.str(fingerprint(t.report().source(), address.orElse(""), f.ruleId(), j.fingerprint(),
                                f.pointer()))),
                        Json.member("severity", Json.str(GITLAB_SEVERITY.get(f.severity()))),
                        Json.member("location", Json.obj(List.of(
                                Json.member("path", Json.str(t.report().source())),
                                Json.member("lines", Json.obj(List.of(Json.member("begin", number(f.location().line())))))))))));
            }
        }
        return Json.write(Json.arr(issues), true) + "\n";
    }

    private static String fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Json.Num number(int n) {
        return new Json.Num(Integer.toString(n), SourceLocation.START);
    }
}
