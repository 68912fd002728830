package dev.gtvpc.input;

import java.util.Optional;

/** What a file holds: one policy document, a Terraform plan ({@code terraform show -json}), or a CloudFormation/CDK template. */
public enum InputFormat {
    POLICY("policy"),
    TERRAFORM_PLAN("terraform-plan"),
    CLOUDFORMATION("cloudformation");

    private final String cliName;

    InputFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Optional<InputFormat> fromCli(String name) {
        for (InputFormat f : values()) {
            if (f.cliName.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static String cliNames() {
        return "policy, terraform-plan, cloudformation";
    }
}
