package dev.lambdadeploy.assemble;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.lambdadeploy.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Content hashes of the packager's inputs (jars, classes folders) and outputs (zips) remembered between runs, so a
 * no-op {@code lambda:package} does not re-read hundreds of MB that did not change. A remembered hash is used only
 * while the file's {@link FileStamp} (size, times, identity) is exactly the recorded one and that stamp was
 * {@link FileStamp#settled() settled} when recorded (or published: a zip this plugin wrote); anything else is hashed
 * again. The hashes themselves still decide what is reused, so a wrong or missing cache can only cost time, never
 * change a zip.
 *
 * <p>Kept in {@code target/lambda/work/file-hashes.json}, not in {@code lambda-package.json}: it holds absolute paths
 * and file times of this machine, which the manifest (read by the other goals) should not depend on.
 */
final class HashCache {
    static final String FILE_NAME = "file-hashes.json";
    private static final int FORMAT = 1;
    // streaming, not data binding: its set-up in a fresh JVM cost more than the rest of a no-op build
    private static final JsonFactory JSON = new JsonFactory();

    /** One remembered hash: {@code sha256} is {@link Hashes#contentHash} (hex; for a directory its tree hash). */
    record Entry(String path, FileStamp stamp, String sha256) {}

    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final AtomicInteger hashedFiles = new AtomicInteger();
    private final AtomicLong hashedBytes = new AtomicLong();
    private final AtomicInteger unchangedFiles = new AtomicInteger();

    private HashCache(Map<String, Entry> previous, LongSupplier clock) {
        this.previous = previous;
        this.clock = clock;
    }

    /**
     * The cache of the last run, or an empty one when {@code usePrevious} is false or the file is missing or
     * unreadable (then everything is hashed, as on a first build).
     */
    static HashCache load(Path file, boolean usePrevious, LongSupplier clock) {
        if (!usePrevious || !Files.isRegularFile(file)) {
            return new HashCache(Map.of(), clock);
        }
        try (JsonParser p = JSON.createParser(file.toFile())) {
            p.nextToken();
            JsonObject stored = JsonObject.parse(p);
            if (stored.integer("format") != FORMAT) {
                return new HashCache(Map.of(), clock);
            }
            return new HashCache(
                    stored.list("entries", HashCache::readEntry).stream()
                            .filter(e -> e.path() != null
                                    && e.stamp() != null
                                    && e.stamp().fingerprint() != null
                                    && e.sha256() != null)
                            .collect(Collectors.toMap(Entry::path, Function.identity(), (a, b) -> b)),
                    clock);
        } catch (IOException | RuntimeException e) {
            return new HashCache(Map.of(), clock);
        }
    }

    /** {@link Hashes#contentHash(Path)} of a file or directory, read from disk only when its stamp says it changed. */
    String contentHash(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        String key = abs.toString();
        try {
            FileStamp before = FileStamp.of(abs, clock.getAsLong());
            Entry old = known(key, before);
            if (old != null) {
                unchangedFiles.incrementAndGet();
                // the known entry, not a fresh stamp: that keeps a published stamp trusted
                current.put(key, old);
                return old.sha256();
            }
            String hash = Hashes.contentHash(abs);
            hashedFiles.incrementAndGet();
            hashedBytes.addAndGet(before.size());
            // Changed while we read it: the hash may mix old and new bytes, so it is not remembered.
            if (before.sameAs(FileStamp.of(abs, clock.getAsLong()))) {
                current.put(key, new Entry(key, before, hash));
            }
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hash already known for a file with this stamp: hashed earlier in this run, or settled in the last one. */
    private Entry known(String key, FileStamp stamp) {
        Entry now = current.get(key);
        if (now != null && now.stamp().sameAs(stamp)) {
            return now;
        }
        Entry old = previous.get(key);
        return old != null && old.stamp().settled() && old.stamp().sameAs(stamp) ? old : null;
    }

    /** A file's bytes and {@link Hashes#contentHash} of exactly those bytes. */
    record Read(byte[] bytes, String sha256) {}

    /**
     * Reads a file whole, for a caller that needs its bytes anyway (stripping), and hashes those bytes instead of
     * reading the file a second time; the hash is remembered for the next run like {@link #contentHash}'s.
     */
    Read read(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String key = abs.toString();
        try {
            FileStamp before = FileStamp.of(abs, clock.getAsLong());
            byte[] bytes = Files.readAllBytes(abs);
            Entry known = known(key, before);
            if (known != null) {
                unchangedFiles.incrementAndGet();
                current.put(key, known);
                return new Read(bytes, known.sha256());
            }
            String hash = Hashes.hex(Hashes.sha256().digest(bytes));
            hashedFiles.incrementAndGet();
            hashedBytes.addAndGet(bytes.length);
            if (before.size() == bytes.length && before.sameAs(FileStamp.of(abs, clock.getAsLong()))) {
                current.put(key, new Entry(key, before, hash));
            }
            return new Read(bytes, hash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lambda's {@code CodeSha256} (base64 SHA-256) of a file, read from disk only when its stamp says it changed. */
    String codeSha256(Path file) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(contentHash(file)));
    }

    /**
     * Remembers the hash of a file this run wrote, computed from the bytes as they were written, so the next run need
     * not read it back; {@code stamp} is taken after the write (see {@link FileStamp#publish}).
     */
    void remember(Path file, FileStamp stamp, String sha256) {
        String key = file.toAbsolutePath().normalize().toString();
        current.put(key, new Entry(key, stamp, sha256));
    }

    /** Drops what this run remembered about a file that is being rewritten. */
    void forget(Path file) {
        current.remove(file.toAbsolutePath().normalize().toString());
    }

    /** Writes the hashes used in this run (entries of inputs that are gone are dropped). */
    void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<Entry> entries = current.values().stream()
                .sorted(Comparator.comparing(Entry::path))
                .collect(Collectors.toList());
        try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeArrayFieldStart("entries");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("path", e.path());
                g.writeObjectFieldStart("stamp");
                g.writeNumberField("size", e.stamp().size());
                g.writeNumberField("newestChangeMillis", e.stamp().newestChangeMillis());
                g.writeStringField("fingerprint", e.stamp().fingerprint());
                g.writeNumberField("checkedAt", e.stamp().checkedAt());
                if (e.stamp().published()) {
                    g.writeBooleanField("published", true);
                }
                g.writeEndObject();
                g.writeStringField("sha256", e.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static Entry readEntry(JsonObject e) {
        return new Entry(
                e.string("path"),
                e.object(
                        "stamp",
                        s -> new FileStamp(
                                s.longValue("size"),
                                s.longValue("newestChangeMillis"),
                                s.string("fingerprint"),
                                s.longValue("checkedAt"),
                                s.bool("published"))),
                e.string("sha256"));
    }

    /** For the debug log: how much was read and how much was recognised as unchanged by its stamp. */
    String summary() {
        return String.format(
                "%d file(s) unchanged by size, times and identity; %d hashed (%,d bytes)",
                unchangedFiles.get(), hashedFiles.get(), hashedBytes.get());
    }
}
