package dev.lambdadeploy.aws;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Waits until a function accepts the next change: {@code State} no longer {@code Pending} and
 * {@code LastUpdateStatus} no longer {@code InProgress} (bounded), and retries calls that hit
 * {@code ResourceConflictException} because an earlier update was still running.
 */
public final class FunctionWaiter {
    private static final int CONFLICT_ATTEMPTS = 6;

    private final LambdaClient lambda;
    private final Duration timeout;
    private final Duration pollInterval;

    public FunctionWaiter(LambdaClient lambda, Duration timeout, Duration pollInterval) {
        this.lambda = lambda;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    /** Returns the configuration once the function is ready; fails with LastUpdateStatusReason when the update failed. */
    public GetFunctionConfigurationResponse awaitReady(String function) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            GetFunctionConfigurationResponse c = AwsCalls.call(
                    "lambda:GetFunctionConfiguration",
                    "function " + function,
                    () -> lambda.getFunctionConfiguration(r -> r.functionName(function)));
            if (c.state() == State.FAILED) {
                throw new AwsCallException(
                        "Function " + function + " is in state Failed: " + c.stateReason() + " ("
                                + c.stateReasonCodeAsString() + "). Fix the cause and re-run the deploy.",
                        "lambda:GetFunctionConfiguration",
                        c.stateReasonCodeAsString(),
                        null);
            }
            if (c.lastUpdateStatus() == LastUpdateStatus.FAILED) {
                throw new AwsCallException(
                        "The last update of function " + function + " failed: "
                                + c.lastUpdateStatusReason() + " (" + c.lastUpdateStatusReasonCodeAsString()
                                + "). Fix the cause and re-run the deploy.",
                        "lambda:GetFunctionConfiguration",
                        c.lastUpdateStatusReasonCodeAsString(),
                        null);
            }
            boolean busy = c.state() == State.PENDING || c.lastUpdateStatus() == LastUpdateStatus.IN_PROGRESS;
            if (!busy) {
                return c;
            }
            if (System.nanoTime() > deadline) {
                throw new AwsCallException(
                        "Function " + function + " was still updating (State " + c.stateAsString()
                                + ", LastUpdateStatus " + c.lastUpdateStatusAsString() + ") after "
                                + timeout.toSeconds()
                                + " s. Check it in the Lambda console, then re-run the deploy; raise <waitTimeout> if updates "
                                + "usually take this long.",
                        "lambda:GetFunctionConfiguration",
                        null,
                        null);
            }
            sleep(pollInterval);
        }
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

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Lambda", e);
        }
    }
}
