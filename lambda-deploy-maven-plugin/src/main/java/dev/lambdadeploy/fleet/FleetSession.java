package dev.lambdadeploy.fleet;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * What the deploys of one build share, however many modules and threads run them: work done once per key
 * ({@link SharedWork}) and a bound on how many functions are deployed at once across the whole build
 * ({@code lambda.deploy.concurrency}), so a {@code -T 8} reactor does not hit Lambda's control plane with 8 x regions
 * x functions updates at the same moment. A single-module build gets its own.
 */
public final class FleetSession {
    /** Function deploys at once when nothing is configured: enough for a fleet, gentle on Lambda's API rate. */
    public static final int DEFAULT_CONCURRENCY = 4;

    private final SharedWork work = new SharedWork();
    private final int concurrency;
    private final Semaphore slots;

    public FleetSession(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency, true);
    }

    /** A session for one deploy on its own (tests, a single module). */
    public static FleetSession standalone() {
        return new FleetSession(DEFAULT_CONCURRENCY);
    }

    public SharedWork work() {
        return work;
    }

    /** How many functions may be deployed at once in this build. */
    public int concurrency() {
        return concurrency;
    }

    /** Runs {@code task} once one of the build's deploy slots is free. */
    public <T> T inSlot(Supplier<T> task) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a deploy slot", e);
        }
        try {
            return task.get();
        } finally {
            slots.release();
        }
    }
}
