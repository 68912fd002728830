package dev.gtvpc.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Refuses a GetBucketLocation answer that is not S3's {@code LocationConstraint} document. The SDK
 * reads any 200 body leniently: an HTML page (a proxy's sign-in or error page) gives no constraint,
 * which means us-east-1, and another XML document gives its first element's text as the region
 * (issue 17.8). A region taken from such a page would pass apply's region check and be wrong.
 */
final class LocationAnswerCheck implements ExecutionInterceptor {
    // an XML declaration and comments may come first; then the root element must be LocationConstraint
    private static final Pattern LOCATION_DOCUMENT = Pattern.compile(
            "^\\uFEFF?\\s*(?:<\\?xml[^?]*\\?>\\s*)?(?:<!--.*?-->\\s*)*<LocationConstraint[\\s/>]", Pattern.DOTALL);

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!"GetBucketLocation".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                || !context.httpResponse().isSuccessful()) {
            return context.responseBody();
        }
        byte[] body = context.responseBody().map(LocationAnswerCheck::readAll).orElse(new byte[0]);
        String text = new String(body, StandardCharsets.UTF_8);
        String problem = problem(text, context.httpResponse().firstMatchingHeader("Content-Type"));
        if (problem != null) {
            throw SdkClientException.create(problem);
        }
        return Optional.of(new ByteArrayInputStream(body));
    }

    /** Why {@code body} is not S3's answer, or null when it is. */
    static String problem(String body, Optional<String> contentType) {
        if (LOCATION_DOCUMENT.matcher(body).lookingAt()) {
            return null;
        }
        return ForeignAnswer.describe("S3's LocationConstraint XML", body, contentType, "region");
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
