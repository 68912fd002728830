package dev.gtvpc.groundtruth;

/** How the generated Deny statement writes its exemptions. Both styles mean the same. */
public enum PolicyStyle {
    /**
     * One {@code StringNotEquals} block: the keys are ANDed, so a request that matches any one of them
     * is exempt.
     */
    STRICT("strict"),
    /**
     * The AWS page's historic {@code ForAllValues:StringNotEquals}. For the single-valued keys used
     * here it decides exactly as {@code StringNotEquals} does (true when the key is absent, NOR over
     * the values when present); it is kept for users who must match the page, and lint flags it.
     */
    AWS_DOC("aws-doc");

    private final String cliName;

    PolicyStyle(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }
}
