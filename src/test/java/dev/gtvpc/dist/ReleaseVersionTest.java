package dev.gtvpc.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One version story across the files that tell it: the pom's version, the CHANGELOG's sections, and
 * the release tag the README's pre-commit and GitHub Action examples and .pre-commit-hooks.yaml pin.
 * Between releases the pom says NEXT-SNAPSHOT and the CHANGELOG's Unreleased section names NEXT; a
 * release's pom says the version its `## [VERSION] - DATE` section heads. The examples pin the newest
 * released version, or before the first release the one it will be (and the README says so).
 */
class ReleaseVersionTest {
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    static String pomVersion() {
        Matcher m = Pattern.compile("<artifactId>gtvpc</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Golden.read(Golden.root().resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void thePomTheChangelogAndThePinnedTagsAgree() {
        String pom = pomVersion();
        String changelog = Golden.read(Golden.root().resolve("CHANGELOG.md"));
        List<String> released = all(Pattern.compile("(?m)^## \\[(\\d+\\.\\d+\\.\\d+)] - \\d{4}-\\d{2}-\\d{2}$"), changelog);
        List<String> sections = all(Pattern.compile("(?m)^## \\[([^]]+)]"), changelog);

        String pinned;
        if (pom.endsWith("-SNAPSHOT")) {
            String next = pom.substring(0, pom.length() - "-SNAPSHOT".length());
            assertThat(next).matches(SEMVER);
            assertThat(sections).as("the newest section is Unreleased").first().isEqualTo("Unreleased");
            assertThat(changelog).contains("## [Unreleased]\n\nTo be released as " + next + ".\n");
            assertThat(released).as("%s is not released yet", next).doesNotContain(next);
            pinned = released.isEmpty() ? next : released.get(0);
        } else {
            assertThat(pom).matches(SEMVER);
            assertThat(released).as("a release's pom heads the CHANGELOG").first().isEqualTo(pom);
            pinned = pom;
        }

        String readme = Golden.read(Golden.root().resolve("README.md"));
        List<String> preCommitRevs = all(Pattern.compile("(?m)^\\s+rev: v(\\S+)"), readme);
        List<String> actionRefs = all(Pattern.compile("uses: OWNER/gtvpc@v(\\S+)"), readme);
        List<String> hooks = all(Pattern.compile("such as v(\\d+\\.\\d+\\.\\d+)"), Golden.read(Golden.root().resolve(".pre-commit-hooks.yaml")));
        assertThat(preCommitRevs).isNotEmpty().containsOnly(pinned);
        assertThat(actionRefs).isNotEmpty().containsOnly(pinned);
        assertThat(hooks).containsExactly(pinned);
        if (released.isEmpty()) {
            assertThat(readme).contains("no release has been published yet", "The first will be " + pinned + ", tagged `v" + pinned + "`");
            assertThat(changelog).contains("No release has been made yet. The first will be **" + pinned + "**");
        }
    }

    @Test
    void theActionReadsTheSameVersionFromThePom() {
        // scripts/action/run.sh takes the project's version from the pom line by its indentation
        Matcher m = Pattern.compile("(?m)^  <version>(.*)</version>$").matcher(Golden.read(Golden.root().resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo(pomVersion());
    }
}
