package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.render.OutputFormat;
import dev.gtvpc.util.Suggestions;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --format}, one family of commands at a time: what the family can write, as an enum, and the
 * option that chooses it, declared once (name, label, default, completion candidates, the check of
 * the value). A command says in its own words what each format holds ({@link OptionWording.Worded}).
 * A typed value is asked for where the command checks its other input, so a run with several
 * mistakes reports the same one first as it always has.
 */
final class Formats {
    private Formats() {
    }

    /** Commands that print a table, a policy or a plan: text for people, JSON for scripts. */
    enum TextOrJson {
        TEXT, JSON;

        static final class Option {
            @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                    completionCandidates = Names.class,
                    description = "text (default) or json.")
            String given;

            TextOrJson value() {
                return choose(given, values());
            }
        }

        static final class Names extends NamesOf<TextOrJson> {
            Names() {
                super(values());
            }
        }
    }

    /** Reports that may go into a pull request or a job summary: verify, preflight. */
    enum Report {
        TEXT, JSON, MARKDOWN;

        static final class Option {
            @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                    completionCandidates = Names.class,
                    description = "text (default), json or markdown.")
            String given;

            Report value() {
                return choose(given, values());
            }
        }

        static final class Names extends NamesOf<Report> {
            Names() {
                super(values());
            }
        }
    }

    /** Lint findings: for a terminal, for scripts, for code scanning. */
    enum Lint {
        TEXT, JSON, SARIF, JUNIT, GITHUB, GITLAB;

        static final class Option {
            @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                    completionCandidates = Names.class,
                    description = "text (default): FILE:LINE:COL: SEVERITY RULE-ID: message; json: an array of findings;"
                            + " sarif: SARIF 2.1.0; junit: JUnit XML, a testcase per finding; github: GitHub Actions"
                            + " annotations (workflow commands); gitlab: GitLab Code Quality JSON.")
            String given;

            Lint value() {
                return choose(given, values());
            }
        }

        static final class Names extends NamesOf<Lint> {
            Names() {
                super(values());
            }
        }
    }

    /** Policy unit tests: a line a case, a JSON report, JUnit XML for CI test-report viewers. */
    enum Test {
        TEXT, JSON, JUNIT;

        static final class Option {
            @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                    completionCandidates = Names.class,
                    description = "text (default): a PASS/FAIL/ERROR line a case and a summary; json: {cases, policy, results, summary};"
                            + " junit: a JUnit XML report, for CI test-report viewers.")
            String given;

            Test value() {
                return choose(given, values());
            }
        }

        static final class Names extends NamesOf<Test> {
            Names() {
                super(values());
            }
        }
    }

    /** An audit's verdicts, streamed in every format a report of many buckets is read in. */
    enum Audit {
        TEXT, JSON, JSONL, CSV, SARIF, MARKDOWN;

        static final class Option {
            @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                    completionCandidates = Names.class,
                    description = "text (default: the buckets, then the summary table), json, jsonl, csv, sarif or markdown.")
            String given;

            Audit value() {
                return choose(given, values());
            }
        }

        static final class Names extends NamesOf<Audit> {
            Names() {
                super(values());
            }
        }
    }

    /** A request an AWS API takes as JSON only (CreateLabelingJob): accepted so scripts can say so. */
    enum JsonOnly {
        JSON;

        static final class Option {
            @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
                    completionCandidates = Names.class,
                    description = "json (the default and only one: CreateLabelingJob takes JSON); accepted so scripts can say so.")
            String given;

            JsonOnly value() {
                return choose(given, values());
            }
        }

        static final class Names extends NamesOf<JsonOnly> {
            Names() {
                super(values());
            }
        }
    }

    /**
     * The generators' formats ({@link OutputFormat}: the policy as JSON, or in a CloudFormation or
     * Terraform resource), converted as picocli parses, as they always were.
     */
    static final class Generated {
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
                converter = Converters.Format.class, completionCandidates = Converters.Format.class,
                description = "json (default), cloudformation or terraform.")
        OutputFormat value;
    }

    /** How a format is spelt on the command line. */
    static String cliName(Enum<?> format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    /** The format {@code given} names, or a bad-input error listing the family's. */
    static <E extends Enum<E>> E choose(String given, E[] family) {
        for (E format : family) {
            if (cliName(format).equals(given)) {
                return format;
            }
        }
        List<String> names = Arrays.stream(family).map(Formats::cliName).toList();
        throw GtvpcException.badInput("--format: '" + given + "' is not one of " + String.join(", ", names)
                + Suggestions.didYouMean(given, names));
    }

    /** A family's names, as completion offers them. */
    abstract static class NamesOf<E extends Enum<E>> implements Iterable<String> {
        private final E[] family;

        NamesOf(E[] family) {
            this.family = family;
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(family).map(Formats::cliName).iterator();
        }
    }
}
