package dev.gtvpc.render;

/** The syntaxes a generated policy can be written in. */
public enum OutputFormat {
    JSON("json"),
    CLOUDFORMATION("cloudformation"),
    TERRAFORM("terraform");

    private final String cliName;

    OutputFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }
}
