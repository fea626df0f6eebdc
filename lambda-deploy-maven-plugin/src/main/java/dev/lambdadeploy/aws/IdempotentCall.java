package dev.lambdadeploy.aws;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Retries a call that is not idempotent (PublishLayerVersion, PublishVersion, CreateFunction) without creating a
 * duplicate: the call goes through a client that makes one attempt, and after a transient failure (throttling, 5xx,
 * a reset connection, a timeout), which may have happened after AWS did the work, {@code recheck} reads what exists
 * first; only when the first attempt left nothing behind is the call made again.
 */
public final class IdempotentCall {
    private static final long BASE_DELAY_MS = 200;
    private static final long MAX_DELAY_MS = 5_000;

    private IdempotentCall() {}

    /**
     * @param attempts how many times {@code call} may be made in all
     * @param call     one attempt, on a client without retries
     * @param recheck  what the failed attempt may have created, read with a retrying client (its own failures are
     *                 {@link AwsCallException}s); empty: nothing
     */
    public static <T> T run(
            String operation, String resource, int attempts, Supplier<T> call, Supplier<Optional<T>> recheck) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (SdkException e) {
                if (!isTransient(e) || attempt >= attempts) {
                    throw AwsErrorTranslator.toException(e, operation, resource);
                }
                Optional<T> done = recheck.get();
                if (done.isPresent()) {
                    return done.get();
                }
                sleep(backoff(attempt));
            }
        }
    }

    /** Failures after which the same call may succeed: throttling, server errors, a broken or timed-out connection. */
    public static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException s) {
            return s.isThrottlingException() || s.statusCode() == 429 || s.statusCode() >= 500;
        }
        if (e instanceof SdkClientException) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof IOException) {
                    return true;
                }
            }
            return e.retryable();
        }
        return false;
    }

    /** Full jitter on an exponential base, as the SDK does, so parallel deploys do not retry in step. */
    static long backoff(int attempt) {
        long cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS << Math.min(attempt - 1, 10));
        return ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
