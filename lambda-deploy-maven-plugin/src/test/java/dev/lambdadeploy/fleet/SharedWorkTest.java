package dev.lambdadeploy.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedWorkTest {

    @Test
    void twoThreadsAskingForTheSameContentMakeOneCall() throws Exception {
        SharedWork work = new SharedWork();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SharedWork.Shared<String>> first = pool.submit(() -> work.once("layer|deps|sha", "orders", () -> {
                calls.incrementAndGet();
                inside.countDown();
                await(release);
                return "arn:aws:lambda:eu-west-1:123456789012:layer:deps:1";
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            // the second asks while the first is still publishing: it waits instead of publishing again
            Future<SharedWork.Shared<String>> second = pool.submit(() -> work.once("layer|deps|sha", "billing", () -> {
                calls.incrementAndGet();
                return "a second publication";
            }));
            release.countDown();
            SharedWork.Shared<String> a = first.get(10, TimeUnit.SECONDS);
            SharedWork.Shared<String> b = second.get(10, TimeUnit.SECONDS);
            assertEquals(1, calls.get());
            assertEquals(a.value(), b.value());
            assertTrue(a.mine());
            assertEquals(false, b.mine());
            assertEquals("orders", b.owner());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void otherKeysAreIndependent() {
        SharedWork work = new SharedWork();
        assertEquals("a", work.once("k1", "m", () -> "a").value());
        assertEquals("b", work.once("k2", "m", () -> "b").value());
        assertEquals(2, work.size());
    }

    @Test
    void aFailureIsSharedOnceWithEveryWaiterNamingWhereItFailed() throws Exception {
        SharedWork work = new SharedWork();
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException cause = new IllegalStateException("PublishLayerVersion was denied");
        assertSame(
                cause,
                assertThrows(
                        IllegalStateException.class,
                        () -> work.once("k", "orders", () -> {
                            calls.incrementAndGet();
                            throw cause;
                        })));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> waiters = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                waiters.add(pool.submit(() -> work.once("k", "billing", () -> {
                    calls.incrementAndGet();
                    return "retried";
                })));
            }
            for (Future<?> f : waiters) {
                Exception e = assertThrows(Exception.class, f::get);
                SharedFailureException shared = (SharedFailureException) e.getCause();
                assertSame(cause, shared.getCause());
                assertEquals("orders", shared.owner());
                assertTrue(shared.getMessage().startsWith("PublishLayerVersion was denied"), shared.getMessage());
                assertTrue(shared.getMessage().contains("it failed once, in orders"), shared.getMessage());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, calls.get(), "a failed publication is not tried again by each waiting module");
    }

    @Test
    void deploySlotsBoundHowManyRunAtOnce() throws Exception {
        FleetSession session = new FleetSession(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch full = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                tasks.add(pool.submit(() -> session.inSlot(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    full.countDown();
                    await(release);
                    return running.decrementAndGet();
                })));
            }
            assertTrue(full.await(10, TimeUnit.SECONDS));
            release.countDown();
            for (Future<Integer> t : tasks) {
                t.get(10, TimeUnit.SECONDS);
            }
            assertEquals(2, most.get());
        } finally {
            pool.shutdownNow();
        }
        assertThrows(IllegalArgumentException.class, () -> new FleetSession(0));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
