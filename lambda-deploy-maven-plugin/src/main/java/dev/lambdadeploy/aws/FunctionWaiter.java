package dev.lambdadeploy.aws;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * Waits until a function accepts the next change: {@code State} no longer {@code Pending} and
 * {@code LastUpdateStatus} no longer {@code InProgress}, polling with the SDK's Lambda waiters within the plugin's
 * timeout, and retries calls that hit {@code ResourceConflictException} because an earlier update was still running.
 *
 * <p>The waiters used are the GetFunctionConfiguration ones (FunctionActive, FunctionUpdated, PublishedVersionActive):
 * their V2 twins match the same states but read them with GetFunction, which would change the IAM actions the
 * generated policies grant and return a code download URL nobody reads here.
 */
public final class FunctionWaiter {
    private static final int CONFLICT_ATTEMPTS = 6;
    private static final String READ = "lambda:GetFunctionConfiguration";

    private final LambdaClient lambda;
    private final LambdaWaiter waiter;
    private final Duration timeout;
    private final Duration pollInterval;

    public FunctionWaiter(LambdaClient lambda, Duration timeout, Duration pollInterval) {
        this.lambda = lambda;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.waiter = LambdaWaiter.builder().client(lambda).build();
    }

    /** Returns the configuration once the function is ready; fails with LastUpdateStatusReason when the update failed. */
    public GetFunctionConfigurationResponse awaitReady(String function) {
        // One read first: a function is nearly always ready already, and an Inactive one (idle for weeks) accepts
        // updates although the FunctionActive waiter would wait for it to turn Active.
        long deadline = System.nanoTime() + timeout.toNanos();
        GetFunctionConfigurationResponse c = read(function);
        if (c.state() == State.PENDING) {
            c = until(function, deadline, (w, o) -> w.waitUntilFunctionActive(request(function), o));
        }
        if (c.lastUpdateStatus() == LastUpdateStatus.IN_PROGRESS) {
            c = until(function, deadline, (w, o) -> w.waitUntilFunctionUpdated(request(function), o));
        }
        failIfFailed(function, c);
        return c;
    }

    /** Waits until a just published version is Active (SnapStart makes it Pending while the snapshot is taken). */
    public GetFunctionConfigurationResponse awaitVersionActive(String function, String version) {
        String qualified = function + ":" + version;
        long deadline = System.nanoTime() + timeout.toNanos();
        GetFunctionConfigurationResponse c = read(qualified);
        if (c.state() == State.PENDING) {
            c = until(qualified, deadline, (w, o) -> w.waitUntilPublishedVersionActive(request(qualified), o));
        }
        failIfFailed(qualified, c);
        return c;
    }

    /** Runs an update; on ResourceConflictException waits for the running update and tries again (bounded). */
    public <T> T withConflictRetry(String function, Supplier<T> update) {
        for (int attempt = 1; ; attempt++) {
            try {
                return update.get();
            } catch (AwsCallException e) {
                if (!(e.getCause() instanceof ResourceConflictException) || attempt >= CONFLICT_ATTEMPTS) {
                    throw e;
                }
                awaitReady(function);
                sleep(pollInterval.multipliedBy(attempt));
            }
        }
    }

    private GetFunctionConfigurationResponse read(String function) {
        return AwsCalls.call(READ, "function " + function, () -> lambda.getFunctionConfiguration(request(function)));
    }

    private static GetFunctionConfigurationRequest request(String function) {
        return GetFunctionConfigurationRequest.builder().functionName(function).build();
    }

    /**
     * Runs one SDK waiter until the deadline. It reports a Failed state and its timeout without Lambda's reason or
     * the state it saw, so on either the configuration is read once more to say which and why.
     */
    private GetFunctionConfigurationResponse until(
            String function,
            long deadline,
            BiFunction<LambdaWaiter, WaiterOverrideConfiguration, WaiterResponse<GetFunctionConfigurationResponse>>
                    wait) {
        // bounded by time alone (the SDK's default caps the attempts too); a fixed delay as before the SDK's waiters,
        // which keeps the tests against moto fast and a real deploy no slower than the state change it waits for
        WaiterOverrideConfiguration config = WaiterOverrideConfiguration.builder()
                .waitTimeout(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000)))
                .maxAttempts(Integer.MAX_VALUE)
                .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval))
                .build();
        try {
            return wait.apply(waiter, config)
                    .matched()
                    .response()
                    .orElseThrow(() -> new IllegalStateException("the Lambda waiter succeeded without a response"));
        } catch (SdkException e) {
            // a GetFunctionConfiguration call failed (access denied, not found, throttled past the retries)
            if (e.getCause() instanceof SdkException cause) {
                throw AwsErrorTranslator.toException(cause, READ, "function " + function);
            }
            if (!(e instanceof SdkClientException)) {
                throw AwsErrorTranslator.toException(e, READ, "function " + function);
            }
            GetFunctionConfigurationResponse c = read(function);
            failIfFailed(function, c);
            if (c.state() != State.PENDING && c.lastUpdateStatus() != LastUpdateStatus.IN_PROGRESS) {
                return c; // ready just after the waiter gave up
            }
            throw new AwsCallException(
                    "Function " + function + " was still updating (State " + c.stateAsString() + ", LastUpdateStatus "
                            + c.lastUpdateStatusAsString() + ") after " + timeout.toSeconds()
                            + " s. Check it in the Lambda console, then re-run the deploy; raise <waitTimeout> if "
                            + "updates usually take this long.",
                    READ,
                    null,
                    e);
        }
    }

    private static void failIfFailed(String function, GetFunctionConfigurationResponse c) {
        if (c.state() == State.FAILED) {
            throw new AwsCallException(
                    "Function " + function + " is in state Failed: " + c.stateReason() + " ("
                            + c.stateReasonCodeAsString() + "). Fix the cause and re-run the deploy.",
                    READ,
                    c.stateReasonCodeAsString(),
                    null);
        }
        if (c.lastUpdateStatus() == LastUpdateStatus.FAILED) {
            throw new AwsCallException(
                    "The last update of function " + function + " failed: " + c.lastUpdateStatusReason() + " ("
                            + c.lastUpdateStatusReasonCodeAsString() + "). Fix the cause and re-run the deploy.",
                    READ,
                    c.lastUpdateStatusReasonCodeAsString(),
                    null);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Lambda", e);
        }
    }
}
