package dev.lambdadeploy.assemble;

import dev.lambdadeploy.manifest.ManifestBinary;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What a file (or a directory tree) looked like on disk, from metadata only: size, modification and status-change
 * times in nanoseconds, and the file's identity (device + inode where the OS has them). Two equal stamps mean
 * "nothing rewrote, replaced, touched or chmod-ed it" as far as the file system can tell, without reading the
 * content. For a directory the stamp covers every file and folder below it (names, sizes, times, identities).
 *
 * <p>{@code checkedAt} is the wall-clock time (ms) just before the metadata was read. A stamp is only
 * {@link #settled() settled} when the file's newest time is well before that: a file changed again within the file
 * system's timestamp granularity (coarse clocks, whole-second or 2-second file systems) may keep the same times, so
 * such a "racy" stamp must be re-verified by content (the guard git uses for its index).
 *
 * <p>A {@link #published() published} stamp is trusted however young: it is the stamp of a file this plugin wrote
 * under a private name and then renamed into place, taken when the file system's own times proved that any later write
 * would show (see {@link #publish}).
 */
public record FileStamp(long size, long newestChangeMillis, String fingerprint, long checkedAt, boolean published) {
    /**
     * Safety margin between a file's newest time and the moment its stamp was taken: covers 2-second (FAT) and
     * 1-second (HFS+, some network file systems) timestamps and the kernel's coarse clock.
     */
    public static final long RACY_MARGIN_MILLIS = 2_000;

    /**
     * Longest the file system's clock may lag the wall clock: Linux stamps files with a coarse clock that advances once
     * per scheduler tick (1 to 10 ms).
     */
    private static final long CLOCK_TICK_MILLIS = 10;

    public FileStamp(long size, long newestChangeMillis, String fingerprint, long checkedAt) {
        this(size, newestChangeMillis, fingerprint, checkedAt, false);
    }

    /** Reads the stamp of a file or directory tree; {@code now} is the current time in ms (injectable for tests). */
    public static FileStamp of(Path path, long now) throws IOException {
        Attributes root = Attributes.read(path);
        if (!root.directory()) {
            return new FileStamp(root.size(), root.newestMillis(), root.fingerprint(), now);
        }
        MessageDigest md = Hashes.sha256();
        long size = 0;
        long newest = root.newestMillis();
        for (Path p : FileTrees.sorted(path)) {
            Attributes a = p.equals(path) ? root : Attributes.read(p);
            md.update(path.relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update((a.directory() ? "d" : "f" + a.size()).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(a.fingerprint().getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
            if (!a.directory()) {
                size += a.size();
            }
            newest = Math.max(newest, a.newestMillis());
        }
        return new FileStamp(size, newest, "tree:" + Hashes.hex(md.digest()), now);
    }

    /** Writes this stamp for {@link #readFrom} (the caches of the next run). */
    void writeTo(DataOutput out) throws IOException {
        out.writeLong(size);
        out.writeLong(newestChangeMillis);
        ManifestBinary.writeString(out, fingerprint);
        out.writeLong(checkedAt);
        out.writeBoolean(published);
    }

    static FileStamp readFrom(DataInput in) throws IOException {
        return new FileStamp(
                in.readLong(), in.readLong(), ManifestBinary.readString(in), in.readLong(), in.readBoolean());
    }

    /** Same size, times and identity: the file was not changed since this stamp (as far as metadata tells). */
    public boolean sameAs(FileStamp other) {
        return other != null
                && size == other.size
                && newestChangeMillis == other.newestChangeMillis
                && fingerprint.equals(other.fingerprint);
    }

    /** Taken safely after the file's last change, so a later change cannot hide behind identical times. */
    public boolean settled() {
        return published || newestChangeMillis + RACY_MARGIN_MILLIS < checkedAt;
    }

    /**
     * Moves {@code written}, a file just written under a name nobody else knows, to {@code target} (replacing it), and
     * returns the target's stamp. The stamp is {@link #published() published} (trusted) when the rename's status-change
     * time is later than the last write in the file system's own clock and the write's time, size and identity are
     * still the file's: any write after the rename then carries a later modification time, so an identical stamp
     * means the content is still what was written, however young the file (and before the rename nobody else could
     * write it). To make that likely, the rename waits until the clock has passed the write's time (at most one tick,
     * a few ms). Otherwise, and on platforms without status-change times, it is an ordinary stamp, racy until it
     * settles. The file's times are not changed: its modification time stays that of the write.
     */
    static FileStamp publish(Path written, Path target, LongSupplier clock) throws IOException {
        Attributes w = Attributes.read(written);
        long waitUntil = TimeUnit.NANOSECONDS.toMillis(w.modifiedNanos()) + CLOCK_TICK_MILLIS + 1;
        long wait = Math.min(waitUntil - System.currentTimeMillis(), CLOCK_TICK_MILLIS + 1);
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing " + target, e);
            }
        }
        Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Attributes a = Attributes.read(target);
        boolean published = Attributes.UNIX
                && a.modifiedNanos() == w.modifiedNanos()
                && a.changedNanos() > w.modifiedNanos()
                && a.size() == w.size()
                && a.fileKey() != null
                && a.fileKey().equals(w.fileKey());
        return new FileStamp(a.size(), a.newestMillis(), a.fingerprint(), clock.getAsLong(), published);
    }

    /**
     * The metadata of one path (symbolic links followed, as the content hash reads through them); {@code ctime} and
     * the file key only where the platform exposes them.
     */
    private record Attributes(boolean directory, long size, long modifiedNanos, long changedNanos, Object fileKey) {
        private static final boolean UNIX = java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews()
                .contains("unix");

        static Attributes read(Path p) throws IOException {
            if (UNIX) {
                Map<String, Object> m = Files.readAttributes(p, "unix:isDirectory,size,lastModifiedTime,ctime,fileKey");
                return new Attributes(
                        (Boolean) m.get("isDirectory"),
                        (Long) m.get("size"),
                        nanos((FileTime) m.get("lastModifiedTime")),
                        nanos((FileTime) m.get("ctime")),
                        m.get("fileKey"));
            }
            BasicFileAttributes b = Files.readAttributes(p, BasicFileAttributes.class);
            return new Attributes(
                    b.isDirectory(), b.size(), nanos(b.lastModifiedTime()), nanos(b.creationTime()), b.fileKey());
        }

        private static long nanos(FileTime t) {
            return t == null ? 0 : t.to(TimeUnit.NANOSECONDS);
        }

        long newestMillis() {
            return TimeUnit.NANOSECONDS.toMillis(Math.max(modifiedNanos, changedNanos));
        }

        String fingerprint() {
            return modifiedNanos + "/" + changedNanos + "/" + (fileKey == null ? "-" : fileKey);
        }
    }
}
