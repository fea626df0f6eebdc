package dev.lambdadeploy.assemble;

import dev.lambdadeploy.manifest.ManifestBinary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>Kept in {@code target/lambda/work/file-hashes.bin}, not in {@code lambda-package.json}: it holds absolute paths
 * and file times of this machine, which the manifest (read by the other goals) should not depend on. Binary, read and
 * written with JDK classes only: a no-op build loads no JSON library (see {@link dev.lambdadeploy.manifest.ManifestBinary}).
 */
final class HashCache {
    static final String FILE_NAME = "file-hashes.bin";
    private static final int MAGIC = 0x4c504b48; // "LPKH"
    private static final int FORMAT = 2;

    /** One remembered hash: {@code sha256} is {@link Hashes#contentHash} (hex; for a directory its tree hash). */
    record Entry(String path, FileStamp stamp, String sha256) {}

    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    /** {@link #textHash} results of the last run and of this one, by the exact text. */
    private final Map<String, String> previousTexts;

    private final Map<String, String> currentTexts = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final AtomicInteger hashedFiles = new AtomicInteger();
    private final AtomicLong hashedBytes = new AtomicLong();
    private final AtomicInteger unchangedFiles = new AtomicInteger();

    private HashCache(Map<String, Entry> previous, Map<String, String> previousTexts, LongSupplier clock) {
        this.previous = previous;
        this.previousTexts = previousTexts;
        this.clock = clock;
    }

    private static HashCache empty(LongSupplier clock) {
        return new HashCache(Map.of(), Map.of(), clock);
    }

    /**
     * The cache of the last run, or an empty one when {@code usePrevious} is false or the file is missing or
     * unreadable (then everything is hashed, as on a first build).
     */
    static HashCache load(Path file, boolean usePrevious, LongSupplier clock) {
        if (!usePrevious || !Files.isRegularFile(file)) {
            return empty(clock);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return empty(clock);
            }
            int count = in.readInt();
            Map<String, Entry> entries = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String path = ManifestBinary.readString(in);
                FileStamp stamp = FileStamp.readFrom(in);
                entries.put(path, new Entry(path, stamp, ManifestBinary.readString(in)));
            }
            int texts = in.readInt();
            Map<String, String> textHashes = new HashMap<>();
            for (int i = 0; i < texts; i++) {
                textHashes.put(ManifestBinary.readString(in), ManifestBinary.readString(in));
            }
            if (in.read() != -1) {
                return empty(clock);
            }
            return new HashCache(entries, textHashes, clock);
        } catch (IOException | RuntimeException e) {
            return empty(clock);
        }
    }

    /** {@link Hashes#contentHash(Path)} of a file or directory, read from disk only when its stamp says it changed. */
    String contentHash(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        String key = abs.toString();
        try {
            FileStamp before = FileStamp.of(abs, clock.getAsLong());
            String trusted = trusted(key, before);
            if (trusted != null) {
                return trusted;
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

    /** The stamp this run recorded with the hash of {@code path} (file or directory tree), or null if none. */
    FileStamp stampOf(Path path) {
        Entry e = current.get(path.toAbsolutePath().normalize().toString());
        return e == null ? null : e.stamp();
    }

    /**
     * The hash of a file whose stamp says it is unchanged (as {@link #contentHash} would return it), or empty when it
     * would have to be read; reads metadata only.
     */
    Optional<String> knownHash(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        String key = abs.toString();
        try {
            return Optional.ofNullable(trusted(key, FileStamp.of(abs, clock.getAsLong())));
        } catch (IOException e) {
            return Optional.empty(); // contentHash reports it
        }
    }

    /**
     * {@link Hashes#hex(String)} of a text, remembered by the exact text: a zip's inputs key (a line per jar) is the same
     * text in every no-op build, and in a fresh JVM SHA-256 runs interpreted, at about a millisecond per kilobyte.
     */
    String textHash(String text) {
        String hash = currentTexts.get(text);
        if (hash == null) {
            hash = previousTexts.get(text);
        }
        if (hash == null) {
            hash = Hashes.hex(text);
        }
        currentTexts.put(text, hash);
        return hash;
    }

    /** The hash known for a file with this stamp, kept for the next run; {@code null} when it must be read. */
    private String trusted(String key, FileStamp stamp) {
        Entry old = known(key, stamp);
        if (old == null) {
            return null;
        }
        unchangedFiles.incrementAndGet();
        // the known entry, not a fresh stamp: that keeps a published stamp trusted
        current.put(key, old);
        return old.sha256();
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
            String trusted = trusted(key, before);
            if (trusted != null) {
                return new Read(bytes, trusted);
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

    /**
     * Writes the hashes used in this run (entries of inputs that are gone are dropped), unless they are exactly the ones
     * loaded (a no-op build rewrites nothing).
     */
    void save(Path file) throws IOException {
        if (unchangedSinceLoaded() && Files.isRegularFile(file)) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<Entry> entries = current.values().stream()
                .sorted(Comparator.comparing(Entry::path))
                .collect(Collectors.toList());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 15);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(entries.size());
            for (Entry e : entries) {
                ManifestBinary.writeString(out, e.path());
                e.stamp().writeTo(out);
                ManifestBinary.writeString(out, e.sha256());
            }
            out.writeInt(currentTexts.size());
            for (Map.Entry<String, String> t : new TreeMap<>(currentTexts).entrySet()) {
                ManifestBinary.writeString(out, t.getKey());
                ManifestBinary.writeString(out, t.getValue());
            }
        }
        Files.write(file, bytes.toByteArray());
    }

    /**
     * Every loaded entry was used as it was, and nothing else was added. By identity: an entry still trusted is the very
     * object loaded (see {@link #contentHash}), and a record's {@code equals} costs a method-handle bootstrap in a fresh
     * JVM.
     */
    @SuppressWarnings("ReferenceEquality")
    private boolean unchangedSinceLoaded() {
        if (current.size() != previous.size() || currentTexts.size() != previousTexts.size()) {
            return false;
        }
        for (Map.Entry<String, String> t : currentTexts.entrySet()) {
            if (previousTexts.get(t.getKey()) != t.getValue()) {
                return false;
            }
        }
        for (Map.Entry<String, Entry> e : current.entrySet()) {
            if (previous.get(e.getKey()) != e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** For the debug log: how much was read and how much was recognised as unchanged by its stamp. */
    String summary() {
        return String.format(
                "%d file(s) unchanged by size, times and identity; %d hashed (%,d bytes)",
                unchangedFiles.get(), hashedFiles.get(), hashedBytes.get());
    }
}
