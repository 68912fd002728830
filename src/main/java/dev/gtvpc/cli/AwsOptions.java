package dev.gtvpc.cli;

import dev.gtvpc.aws.AwsService;
import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.aws.AwsSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The AWS CLI's connection options, shared by every command that talks to AWS. */
public final class AwsOptions implements OptionWording.Worded {
    /**
     * A command that talks to AWS, and the services its {@code --endpoint-url} reaches: as the AWS CLI
     * sends the flag to the service a command calls, those this command is about. Checks on the side —
     * apply's look at the caller and the running labeling jobs — keep their own endpoint variables, so a
     * flag that names an S3-compatible server does not send them there.
     */
    interface Reaching {
        Set<AwsService> endpointUrlReaches();
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Use this profile of the shared AWS config and credentials files (default: AWS_PROFILE, then the"
                    + " default credential chain).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send the requests of the services this command is about to this URL (its help names them).")
    String endpointUrl;

    @Option(names = "--cli-read-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "As in the AWS CLI: the longest wait for data on a connection; 0 is no limit. It also bounds each"
                    + " attempt of a call (with --cli-connect-timeout), and a call with its retries to three attempts' time, so a"
                    + " server that trickles its answer cannot hold gtvpc (default: ${DEFAULT-VALUE}).")
    long readTimeoutSeconds;

    @Option(names = "--cli-connect-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "As in the AWS CLI: the longest wait to open a connection; 0 is no limit (default: ${DEFAULT-VALUE}).")
    long connectTimeoutSeconds;

    AwsServices connect(CommandSpec spec, Optional<String> region) {
        if (readTimeoutSeconds < 0 || connectTimeoutSeconds < 0) {
            throw dev.gtvpc.GtvpcException.badInput((readTimeoutSeconds < 0 ? "--cli-read-timeout" : "--cli-connect-timeout")
                    + ": a number of seconds, 0 or more, is needed");
        }
        AwsSettings settings = new AwsSettings(region, Optional.ofNullable(profile), Optional.ofNullable(endpointUrl), reaches(),
                GtvpcCommand.context(spec).environment(), java.time.Duration.ofSeconds(readTimeoutSeconds),
                java.time.Duration.ofSeconds(connectTimeoutSeconds));
        return AwsServices.connect(settings);
    }

    private Set<AwsService> reaches() {
        if (mixee.userObject() instanceof Reaching command) {
            return command.endpointUrlReaches();
        }
        throw new IllegalStateException(mixee.qualifiedName() + " talks to AWS but does not say which services --endpoint-url reaches");
    }

    @Override
    public Map<String, String> wording() {
        return Map.of("--endpoint-url", endpointUrlWording(reaches()));
    }

    /** What --endpoint-url does in a command whose flag reaches {@code reaches}. */
    static String endpointUrlWording(Set<AwsService> reaches) {
        List<String> names = new ArrayList<>();
        List<String> ownVariables = new ArrayList<>();
        for (AwsService service : AwsService.values()) {
            if (reaches.contains(service)) {
                names.add(service == AwsService.S3 ? "S3 (path-style)" : service.title());
                if (service != AwsService.S3) {
                    ownVariables.add(service.endpointVariable());
                }
            }
        }
        String joined = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        StringBuilder text = new StringBuilder("Send " + joined + " requests to this URL, e.g. "
                + (reaches.equals(Set.of(AwsService.S3)) ? "an S3-compatible server" : "a local emulator"));
        if (!ownVariables.isEmpty()) {
            text.append("; ").append(String.join(" / ", ownVariables)).append(ownVariables.size() == 1 ? " wins" : " win")
                    .append(" over it");
        }
        return text.append(". Without it, and for other services: AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, as in the AWS CLI.")
                .toString();
    }
}
