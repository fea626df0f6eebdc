package dev.lambdadeploy.assemble;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducibleZipWriterTest {
    @TempDir
    Path dir;

    private static ReproducibleZipWriter writer(ExecutorService executor, long budget) {
        return new ReproducibleZipWriter(
                Instant.parse("2026-01-01T00:00:00Z"), CompressionPolicy.DEFAULT, executor, 4, budget);
    }

    private static List<ReproducibleZipWriter.Source> eight(long size, ReproducibleZipWriter.Content content) {
        List<ReproducibleZipWriter.Source> sources = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sources.add(new ReproducibleZipWriter.Source("lib/jar-" + i + ".jar", size, content));
        }
        return sources;
    }

    /**
     * Runs each task only when the writer asks for its result, in the writer's thread: the entries the writer has
     * taken on at once are exactly those submitted and not yet awaited, whatever the timing.
     */
    private static final class OnDemandExecutor extends AbstractExecutorService {
        int taken;
        int most;

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            most = Math.max(most, ++taken);
            return new FutureTask<>(task) {
                @Override
                public T get() throws InterruptedException, ExecutionException {
                    if (!isDone()) {
                        run();
                        taken--;
                    }
                    return super.get();
                }
            };
        }

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {}

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    /** Writes eight entries that each claim {@code size} bytes; returns the most the writer took on at once. */
    private int mostTakenOn(long budget, long size) throws Exception {
        OnDemandExecutor executor = new OnDemandExecutor();
        Path zip = dir.resolve("z" + budget + "-" + size + ".zip");
        ReproducibleZipWriter.Result r =
                writer(executor, budget).write(zip, eight(size, () -> "x".getBytes(StandardCharsets.UTF_8)));
        assertEquals(9, r.entryCount(), "eight entries and their folder");
        assertTrue(Files.size(zip) > 0);
        return executor.most;
    }

    @Test
    void entriesLargerThanTheByteBudgetAreTakenOnOneAtATime() throws Exception {
        assertEquals(1, mostTakenOn(100L << 20, 200L << 20), "each entry alone exceeds the budget");
        assertEquals(1, mostTakenOn(100L << 20, 60L << 20), "two would exceed it");
        assertEquals(2, mostTakenOn(100L << 20, 50L << 20), "two fit exactly");
        assertEquals(8, mostTakenOn(100L << 20, 1L << 20), "small entries are all taken on together");
    }

    /** Entries taken on together are really made at the same time: two meet inside their content suppliers. */
    @Test
    void smallEntriesAreMadeInParallel() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        AtomicInteger met = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            writer(executor, 100L << 20).write(dir.resolve("parallel.zip"), eight(1L << 20, () -> {
                bothStarted.countDown();
                try {
                    if (bothStarted.await(30, TimeUnit.SECONDS)) {
                        met.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "x".getBytes(StandardCharsets.UTF_8);
            }));
        } finally {
            executor.shutdownNow();
        }
        assertEquals(8, met.get(), "the first two waited for each other, the rest found the latch open");
    }
}
