package dev.gtvpc.render;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Where gtvpc's own pages are: the repository it is published from and a page per lint rule
 * ({@code docs/rules/RULE-ID.md}), for SARIF's {@code informationUri} and {@code helpUri}. The
 * repository is the build's ({@code build-info.properties}, written by the build from the pom's
 * {@code gtvpc.repository}); {@value #UNPUBLISHED} until a release names one.
 */
public final class ProjectLinks {
    /** The pom's placeholder: no release has been published yet. */
    static final String UNPUBLISHED = "OWNER/gtvpc";

    private static final String REPOSITORY = "https://github.com/" + repository();

    private ProjectLinks() {
    }

    public static String repository() {
        try (InputStream in = ProjectLinks.class.getResourceAsStream("/dev/gtvpc/cli/build-info.properties")) {
            if (in == null) {
                return UNPUBLISHED;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("repository", UNPUBLISHED);
        } catch (IOException e) {
            return UNPUBLISHED;
        }
    }

    /** The project's home page. */
    public static String home() {
        return REPOSITORY;
    }

    /** The page that documents {@code ruleId}, generated from the rule's own description. */
    public static String rulePage(String ruleId) {
        return REPOSITORY + "/blob/main/docs/rules/" + ruleId + ".md";
    }
}
