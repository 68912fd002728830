package dev.gtvpc.cli;

import picocli.CommandLine;

/**
 * The footers (examples, presets, exit codes) of every command in the tree, rendered so that an
 * indented line — an example command, a table row — is printed as written, never wrapped at a
 * hyphen or a space in the middle of a command a user will copy; unindented prose is wrapped at
 * the help width. The man page is made from the same renderer.
 */
final class HelpFooters {
    private HelpFooters() {
    }

    /** Installs the renderer on {@code cl} and every command below it. */
    static void install(CommandLine cl) {
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, new Renderer(false));
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING, new Renderer(true));
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }

    /**
     * The footer's or its heading's renderer. A class, not a method reference: the start-up archive
     * cannot keep a lambda of picocli's interfaces (see {@link CommandLines}).
     */
    private static final class Renderer implements CommandLine.IHelpSectionRenderer {
        private final boolean heading;

        Renderer(boolean heading) {
            this.heading = heading;
        }

        @Override
        public String render(CommandLine.Help help) {
            CommandLine.Model.UsageMessageSpec usage = help.commandSpec().usageMessage();
            String[] lines = heading ? new String[] {usage.footerHeading()} : usage.footer();
            return verbatimOrWrapped(lines, usage.width());
        }
    }

    /** Indented lines as written; runs of unindented lines joined into paragraphs and wrapped at spaces only. */
    static String verbatimOrWrapped(String[] lines, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            String text = line.replace("%n", "\n");
            String[] parts = text.split("\n", -1);
            for (int i = 0; i < parts.length; i++) {
                String l = parts[i];
                boolean last = i == parts.length - 1;
                if (l.isEmpty() || l.startsWith(" ")) {
                    flush(paragraph, width, out);
                    if (!(last && l.isEmpty() && parts.length > 1)) {
                        out.append(l).append('\n');
                    }
                } else {
                    paragraph.append(paragraph.length() == 0 ? "" : " ").append(l);
                    if (parts.length > 1 && !last) {
                        flush(paragraph, width, out);
                    }
                }
            }
        }
        flush(paragraph, width, out);
        return out.toString();
    }

    private static void flush(StringBuilder paragraph, int width, StringBuilder out) {
        if (paragraph.length() > 0) {
            wrap(paragraph.toString(), width, out);
            paragraph.setLength(0);
        }
    }

    private static void wrap(String prose, int width, StringBuilder out) {
        StringBuilder line = new StringBuilder();
        for (String word : prose.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        out.append(line).append('\n');
    }
}
