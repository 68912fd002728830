package dev.gtvpc.aws;

import dev.gtvpc.util.Redaction;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into one line a user can act on, with exit code 3, without secrets. The
 * credential provider chain's message is a paragraph: it is replaced.
 */
public final class AwsErrors {
    private static final Set<String> ACCESS_DENIED = Set.of("accessdenied", "accessdeniedexception", "unauthorizedoperation",
            "allaccessdisabled");
    private static final Set<String> BAD_CREDENTIALS = Set.of("invalidaccesskeyid", "signaturedoesnotmatch", "invalidclienttokenid",
            "expiredtoken", "expiredtokenexception", "unrecognizedclientexception", "invalidtoken", "incompletesignature");

    private AwsErrors() {
    }

    /**
     * @param operation the API call, e.g. "PutBucketPolicy"
     * @param target what it was about, e.g. "bucket my-data", or "" when nothing in particular
     * @param endpoint where the request went, for network failures
     */
    public static AwsCallFailed describe(String operation, String target, String endpoint, SdkException e) {
        String on = target.isEmpty() ? operation : operation + " on " + target;
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null || ase.awsErrorDetails().errorCode() == null ? ""
                    : ase.awsErrorDetails().errorCode();
            String lower = code.toLowerCase(Locale.ROOT);
            int status = ase.statusCode();
            String tag = " (HTTP " + status + (code.isEmpty() ? "" : " " + code) + ")";
            if (lower.equals("nosuchbucket")) {
                return new AwsCallFailed(operation, AwsCallFailed.Reason.NOT_FOUND, code, status, on + ": the bucket does not exist" + tag, e);
            }
            if (ACCESS_DENIED.contains(lower) || (code.isEmpty() && status == 403)) {
                return new AwsCallFailed(operation, AwsCallFailed.Reason.ACCESS_DENIED, code, status, on + ": access denied" + tag
                        + " — the caller's identity policy or the bucket policy does not allow it", e);
            }
            if (BAD_CREDENTIALS.contains(lower)) {
                return fail(operation, code, status, on + ": AWS refused the credentials" + tag
                        + " — check --profile, AWS_PROFILE or the AWS_* key variables", e);
            }
            if (ase.isThrottlingException()) {
                return fail(operation, code, status, on + ": throttled by AWS and still throttled after the retries" + tag
                        + "; try again later", e);
            }
            if (status >= 500) {
                return fail(operation, code, status, on + ": the service failed and kept failing after the retries" + tag, e);
            }
            String message = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorMessage();
            return fail(operation, code, status, on + " failed" + tag
                    + (message == null || message.isBlank() ? "" : ": " + oneLine(message)), e);
        }
        if (e instanceof software.amazon.awssdk.core.exception.ApiCallTimeoutException
                || e instanceof software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException) {
            return fail(operation, "", on + ": no complete answer from " + endpoint + " in time (" + oneLine(String.valueOf(e.getMessage()))
                    + "; see --cli-read-timeout)", e);
        }
        if (e instanceof SdkClientException) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Unable to load credentials") || message.contains("credentials provider")
                    || message.contains("Unable to load credentials")) {
                return fail(operation, "", "no AWS credentials found: use --profile, set AWS_PROFILE, or set AWS_ACCESS_KEY_ID"
                        + " and AWS_SECRET_ACCESS_KEY (the AWS CLI's credential chain applies)", e);
            }
            Throwable network = networkCause(e);
            if (network != null) {
                return fail(operation, "", on + ": cannot reach " + endpoint + " (" + describeNetwork(network) + ")", e);
            }
            return fail(operation, "", on + " failed: " + oneLine(message), e);
        }
        return fail(operation, "", on + " failed: " + oneLine(String.valueOf(e.getMessage())), e);
    }

    /**
     * An I/O failure the SDK did not wrap: its timeout closes the stream under the response reader,
     * which then throws an UncheckedIOException (issue 17.5: it was exit 70).
     */
    public static AwsCallFailed describe(String operation, String target, String endpoint, java.io.UncheckedIOException e) {
        String on = target.isEmpty() ? operation : operation + " on " + target;
        return new AwsCallFailed(operation, AwsCallFailed.Reason.OTHER, "", on + ": the answer from " + endpoint
                + " broke off (" + describeNetwork(e.getCause()) + "; a timeout, see --cli-read-timeout, or the network)", e);
    }

    private static AwsCallFailed fail(String operation, String code, String message, SdkException e) {
        return new AwsCallFailed(operation, AwsCallFailed.Reason.OTHER, code, message, e);
    }

    private static AwsCallFailed fail(String operation, String code, int status, String message, SdkException e) {
        return new AwsCallFailed(operation, AwsCallFailed.Reason.OTHER, code, status, message, e);
    }

    private static Throwable networkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return t;
            }
        }
        return null;
    }

    private static String describeNetwork(Throwable t) {
        if (t instanceof UnknownHostException) {
            return "unknown host " + t.getMessage();
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof SocketTimeoutException) {
            return "timed out";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + oneLine(m));
    }

    /**
     * Every text a server or the network sent passes here: one line, and without secrets — a proxy may
     * echo the request's Authorization header or session token, and the message reaches stdout too
     * (an audit's detail, a preflight check's evidence), where no last-moment redaction runs.
     */
    private static String oneLine(String s) {
        // the SDK appends its attempt count to its own messages; gtvpc's say what the retries did
        return Redaction.redact(s.replaceAll("\\s*\\(SDK Attempt Count: \\d+\\)", "").replaceAll("\\s+", " ").strip());
    }
}
