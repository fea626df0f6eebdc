package dev.lambdadeploy.assemble;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducibleZipWriterTest {
    @TempDir
    Path dir;

    /** Runs the writer over eight slow entries that each claim {@code size} bytes; returns the most made at once. */
    private int mostAtOnce(long budget, long size) throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<ReproducibleZipWriter.Source> sources = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "lib/jar-" + i + ".jar";
            sources.add(new ReproducibleZipWriter.Source(name, size, () -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                now.decrementAndGet();
                return name.getBytes(StandardCharsets.UTF_8);
            }));
        }
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            Path zip = dir.resolve("z" + budget + ".zip");
            ReproducibleZipWriter.Result r = new ReproducibleZipWriter(
                            Instant.parse("2026-01-01T00:00:00Z"), CompressionPolicy.DEFAULT, executor, 4, budget)
                    .write(zip, sources);
            assertEquals(9, r.entryCount(), "eight entries and their folder");
            assertTrue(Files.size(zip) > 0);
        } finally {
            executor.shutdownNow();
        }
        return most.get();
    }

    @Test
    void entriesLargerThanTheByteBudgetAreMadeOneAtATime() throws Exception {
        assertEquals(1, mostAtOnce(100L << 20, 200L << 20), "each entry alone exceeds the budget");
        assertTrue(mostAtOnce(100L << 20, 1L << 20) > 1, "small entries are made in parallel");
    }
}
