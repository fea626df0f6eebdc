package dev.lambdadeploy.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/** Runs one AWS call and turns any SDK failure into an {@link AwsCallException} with a message that says what to do. */
public final class AwsCalls {
    private AwsCalls() {}

    /**
     * @param operation IAM-style name of the call, e.g. {@code lambda:PublishLayerVersion} or {@code s3:HeadBucket}
     * @param resource  what it was about, e.g. {@code layer deps in eu-west-1}
     */
    public static <T> T call(String operation, String resource, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsErrorTranslator.toException(e, operation, resource);
        }
    }

    public static void run(String operation, String resource, Runnable call) {
        call(operation, resource, () -> {
            call.run();
            return null;
        });
    }
}
