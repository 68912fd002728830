package dev.gtvpc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Renders gtvpc(1) from the command tree: each command's own help, under its name. Made from the
 * same model as {@code --help}, so the page cannot say something the commands do not; ManPageTest
 * keeps {@code docs/man/gtvpc.1} equal to it. (picocli-codegen's generator writes AsciiDoc, which
 * would need Asciidoctor as well to become a man page: two build tools for one page.)
 */
final class ManPage {
    private ManPage() {
    }

    static String render() {
        CommandLine root = ExitCodes.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        // narrower than the terminal help (100): man indents the page by 7 and is read in 80-odd columns
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(80);
        StringBuilder out = new StringBuilder();
        out.append(".\\\" Generated from gtvpc's commands by ManPageTest (mvn test -Dgolden.update=true); do not edit.\n");
        out.append(".TH GTVPC 1 \"\" \"gtvpc\" \"User Commands\"\n");
        out.append(".SH NAME\n");
        out.append("gtvpc \\- S3 bucket policies that keep SageMaker Ground Truth labeling data inside a VPC\n");
        out.append(".SH SYNOPSIS\n");
        out.append(".B gtvpc\n.I COMMAND\n[\n.I OPTIONS\n]\n");
        out.append(".SH DESCRIPTION\n");
        // the description as filled paragraphs, which man reflows to the reader's width; the rest as --help prints it
        for (String paragraph : root.getCommandSpec().usageMessage().description()) {
            if (!paragraph.isBlank()) {
                out.append(".PP\n").append(request(escape(paragraph))).append('\n');
            }
        }
        CommandLine withoutDescription = ExitCodes.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        withoutDescription.setUsageHelpAutoWidth(false);
        withoutDescription.setUsageHelpWidth(80);
        java.util.Map<String, CommandLine.IHelpSectionRenderer> sections = new java.util.LinkedHashMap<>(withoutDescription.getHelpSectionMap());
        sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION_HEADING);
        sections.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION);
        withoutDescription.setHelpSectionMap(sections);
        out.append(".PP\n");
        preformatted(out, withoutDescription.getUsageMessage(CommandLine.Help.Ansi.OFF));
        out.append(".SH COMMANDS\n");
        commands(out, root);
        out.append(".SH EXIT STATUS\n");
        out.append(".TP\n0\ndone; the check passed\n");
        out.append(".TP\n1\nthe check failed: lint findings at or above \\-\\-fail\\-on, a property disproved,"
                + " a simulated request denied with \\-\\-expect allow, an apply refused by a safety check\n");
        out.append(".TP\n2\nbad input: usage, malformed JSON, malformed IDs or ARNs, unknown region\n");
        out.append(".TP\n3\nAWS or network error (the message says what state the bucket was left in)\n");
        out.append(".TP\n70\ninternal error: a bug in gtvpc\n");
        out.append(".SH ENVIRONMENT\n");
        out.append(".TP\nAWS_PROFILE, AWS_REGION, AWS_ACCESS_KEY_ID, ...\n"
                + "the AWS CLI's settings and credentials chain, for the commands that talk to AWS\n");
        out.append(".TP\nGTVPC_JAVA_OPTS\nextra JVM options for the gtvpc launcher script\n");
        return out.toString();
    }

    private static void commands(StringBuilder out, CommandLine parent) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            out.append(".SS \"").append(escape(sub.getCommandSpec().qualifiedName())).append("\"\n");
            preformatted(out, sub.getUsageMessage(CommandLine.Help.Ansi.OFF));
            commands(out, sub);
        }
    }

    private static void preformatted(StringBuilder out, String text) {
        out.append(".nf\n");
        for (String line : text.strip().split("\n", -1)) {
            out.append(request(escape(line.stripTrailing()))).append('\n');
        }
        out.append(".fi\n");
    }

    /** A line that starts with . or ' would be read as a request. */
    private static String request(String line) {
        return line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c == '\\') {
                out.append("\\e");
            } else if (c == '-') {
                out.append("\\-"); // a minus, as options are typed: a bare - may be set as a hyphen
            } else if (c > 126) {
                out.append(String.format("\\[u%04X]", c)); // groff reads ASCII; man pages spell the rest so
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
