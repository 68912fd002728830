package dev.gtvpc.render;

/** Text as XML 1.0 takes it in an attribute or an element: the five specials escaped, control characters replaced. */
public final class Xml {
    private Xml() {
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                default -> {
                    if (c < 0x20 && c != '\t') {
                        // not allowed in XML 1.0, even as a character reference
                        b.append("&#xfffd;");
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
