package dev.lambdadeploy.aws;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the AWS API calls a factory's clients make and the HTTP attempts they took (retries included), so a deploy
 * can report what it cost in API calls: a fleet redeploy that finds everything unchanged should cost very few.
 */
public final class AwsCallCounter implements ExecutionInterceptor {
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        calls.incrementAndGet();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        attempts.incrementAndGet();
    }

    /** API calls started (one per SDK operation, however many attempts it took). */
    public long calls() {
        return calls.get();
    }

    /** HTTP requests sent, retries included. */
    public long attempts() {
        return attempts.get();
    }
}
