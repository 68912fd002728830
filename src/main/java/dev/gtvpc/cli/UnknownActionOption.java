package dev.gtvpc.cli;

import picocli.CommandLine.Option;

/**
 * {@code --allow-unknown-action}, for the commands that decide requests ({@code policy simulate}, its
 * {@code --cases}, {@code policy test}). S3 adds actions faster than any catalogue: without the option an
 * {@code s3:} action the bundled catalogue does not hold is refused (a typo gets its did-you-mean); with it,
 * such an action is decided by its name, as a policy's Action patterns match it, and the decision's note says
 * what is then not known. A case line's {@code "allowUnknownAction": true} does the same for that case.
 */
final class UnknownActionOption {
    @Option(names = "--allow-unknown-action",
            description = "Decide an s3: action gtvpc's catalogue does not hold by its name, with a note, instead of refusing it"
                    + " (S3 adds actions faster than any catalogue). A case line's \"allowUnknownAction\": true does it for that case.")
    boolean allowed;
}
