package dev.gtvpc.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;

/**
 * Issue 17.5: the call limit on a bucket-policy read holds whatever the SDK does with its own timeouts
 * (a read blocked in the JDK's URL connection can outlive them). apply reads through
 * {@link SdkBucketPolicyStore}, the audit through {@link SdkAccountBuckets}: both give up a call that
 * never returns. The outcome is the proof, not a time: the read ends while the call still hangs.
 */
class CallLimitTest {
    private static final String ENDPOINT = "http://s3.test";

    @Test
    void applysReadGivesUpACallThatNeverReturns() {
        givesUp(s3 -> new SdkBucketPolicyStore(s3, ENDPOINT, Duration.ofSeconds(1))::policy);
    }

    @Test
    void theAuditsReadGivesUpACallThatNeverReturns() {
        givesUp(s3 -> new SdkAccountBuckets(s3, ENDPOINT, Duration.ofSeconds(1))::policy);
    }

    private static void givesUp(Function<S3Client, Function<String, Optional<String>>> reader) {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean returned = new AtomicBoolean();
        S3Client hanging = (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getBucketPolicy") && args != null && args[0] instanceof GetBucketPolicyRequest) {
                        release.await();
                        returned.set(true);
                        throw new IllegalStateException("released after the test");
                    }
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        try {
            assertThatThrownBy(() -> reader.apply(hanging).apply("b")).isInstanceOf(AwsCallFailed.class)
                    .hasMessage("GetBucketPolicy on bucket b: no complete answer from " + ENDPOINT + " in 1 s (see --cli-read-timeout)");
            assertThat(returned).as("the SDK call was still waiting when the read gave up").isFalse();
        } finally {
            release.countDown();
        }
    }
}
