package dev.lambdadeploy.assemble;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes zips that are byte-identical for the same inputs: entries sorted by name, parent directories added, one fixed
 * timestamp, fixed permissions (0644 files, 0755 folders), no extra fields. Entries are compressed in parallel and
 * written in order, each STORED or DEFLATED by the {@link CompressionPolicy}.
 */
public final class ReproducibleZipWriter {
    /**
     * One entry to put in the zip; its content is produced on a compressing thread, when its turn comes.
     * {@code size} is about how many bytes that content takes (it bounds how many entries are held in memory at once).
     */
    public record Source(String name, long size, Content content) {
        /** An entry with a file's bytes. */
        public static Source file(String name, Path file) throws IOException {
            return new Source(name, Files.size(file), () -> Files.readAllBytes(file));
        }
    }

    /** The bytes of an entry, made or read only when the entry is compressed (so few are in memory at once). */
    @FunctionalInterface
    public interface Content {
        byte[] bytes() throws IOException;
    }

    /** What was written. */
    public record Result(
            long zippedBytes,
            long unzippedBytes,
            int entryCount,
            int storedEntries,
            int deflatedEntries,
            String codeSha256) {}

    private record Prepared(String name, int method, long crc, long size, byte[] data) {}

    private static final int FILE_MODE = 0100644;
    private static final int DIR_MODE = 040755;

    private final long dosTime;
    private final CompressionPolicy policy;
    private final ExecutorService executor;
    private final int maxInFlight;
    private final long maxInFlightBytes;

    public ReproducibleZipWriter(
            Instant timestamp, CompressionPolicy policy, ExecutorService executor, int parallelism) {
        // Entries are written in order, so a big one holds up the writer while the other threads go on with the next
        // ones: enough entries in flight keep every thread busy, a byte budget keeps the memory bounded.
        this(
                timestamp,
                policy,
                executor,
                parallelism,
                Math.max(32L << 20, Runtime.getRuntime().maxMemory() / 16));
    }

    /** {@code maxInFlightBytes}: entries are taken on while their sizes fit, and always at least one. */
    ReproducibleZipWriter(
            Instant timestamp,
            CompressionPolicy policy,
            ExecutorService executor,
            int parallelism,
            long maxInFlightBytes) {
        this.dosTime = DosTime.localizedMillis(timestamp);
        this.policy = policy;
        this.executor = executor;
        this.maxInFlight = Math.max(2, parallelism * 8);
        this.maxInFlightBytes = maxInFlightBytes;
    }

    public Result write(Path target, List<Source> sources) throws IOException {
        TreeMap<String, Source> entries = new TreeMap<>();
        for (Source s : sources) {
            if (EntryNames.isUnsafe(s.name())) {
                throw new PackagingException(
                        "Refusing zip entry '" + s.name() + "': its name escapes the zip's folder.");
            }
            if (entries.put(s.name(), s) != null) {
                throw new PackagingException("Two files would be written to the same entry '" + s.name() + "' of "
                        + target.getFileName() + "; nothing is silently overwritten. Rename one of them.");
            }
        }
        for (String name : List.copyOf(entries.keySet())) {
            for (int i = name.indexOf('/'); i >= 0 && i < name.length() - 1; i = name.indexOf('/', i + 1)) {
                entries.putIfAbsent(name.substring(0, i + 1), null);
            }
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.deleteIfExists(target);
        long unzipped = 0;
        int stored = 0;
        int deflated = 0;
        // hashed while written (Lambda's CodeSha256), instead of reading the zip back
        MessageDigest sha256 = Hashes.sha256();
        boolean written = false;
        try {
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(
                    new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16), sha256))) {
                ArrayDeque<Future<Prepared>> inFlight = new ArrayDeque<>();
                ArrayDeque<Long> inFlightSizes = new ArrayDeque<>();
                long inFlightBytes = 0;
                var iterator = entries.entrySet().iterator();
                Map.Entry<String, Source> next = iterator.hasNext() ? iterator.next() : null;
                while (next != null || !inFlight.isEmpty()) {
                    while (next != null
                            && inFlight.size() < maxInFlight
                            && (inFlight.isEmpty() || inFlightBytes + size(next.getValue()) <= maxInFlightBytes)) {
                        inFlight.add(prepare(next.getKey(), next.getValue()));
                        inFlightSizes.add(size(next.getValue()));
                        inFlightBytes += size(next.getValue());
                        next = iterator.hasNext() ? iterator.next() : null;
                    }
                    Prepared p = await(inFlight.poll());
                    inFlightBytes -= inFlightSizes.poll();
                    ZipArchiveEntry e = new ZipArchiveEntry(p.name());
                    boolean dir = p.name().endsWith("/");
                    e.setUnixMode(dir ? DIR_MODE : FILE_MODE);
                    e.setTime(dosTime);
                    e.setMethod(p.method());
                    e.setCrc(p.crc());
                    e.setSize(p.size());
                    e.setCompressedSize(p.data().length);
                    out.addRawArchiveEntry(e, new ByteArrayInputStream(p.data()));
                    unzipped += p.size();
                    if (!dir) {
                        if (p.method() == ZipArchiveEntry.DEFLATED) {
                            deflated++;
                        } else {
                            stored++;
                        }
                    }
                }
            }
            written = true;
        } finally {
            if (!written) {
                // an entry failed (e.g. a jar that cannot be read): no half-written zip is left behind
                Files.deleteIfExists(target);
            }
        }
        return new Result(
                Files.size(target),
                unzipped,
                entries.size(),
                stored,
                deflated,
                Base64.getEncoder().encodeToString(sha256.digest()));
    }

    private static long size(Source source) {
        return source == null ? 0 : Math.max(0, source.size());
    }

    private Future<Prepared> prepare(String name, Source source) {
        if (source == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(
                    new Prepared(name, ZipArchiveEntry.STORED, 0, 0, new byte[0]));
        }
        return executor.submit(() -> compress(name, source.content().bytes()));
    }

    private Prepared compress(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        if (policy.storesEverything()) {
            return new Prepared(name, ZipArchiveEntry.STORED, crc.getValue(), content.length, content);
        }
        byte[] deflated = (policy.deflateJarData()
                        ? Optional.<byte[]>empty()
                        : JarDeflater.deflate(content, policy.level()))
                .orElseGet(() -> deflate(content));
        if (policy.worthDeflating(content.length, deflated.length)) {
            return new Prepared(name, ZipArchiveEntry.DEFLATED, crc.getValue(), content.length, deflated);
        }
        return new Prepared(name, ZipArchiveEntry.STORED, crc.getValue(), content.length, content);
    }

    private byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(policy.level(), true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, content.length / 2));
            byte[] buffer = new byte[1 << 16];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static Prepared await(Future<Prepared> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compressing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error; // e.g. OutOfMemoryError: not a file problem
            }
            throw new IOException(cause);
        }
    }
}
