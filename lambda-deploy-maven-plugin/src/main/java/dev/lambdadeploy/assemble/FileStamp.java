package dev.lambdadeploy.assemble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 */
public record FileStamp(long size, long newestChangeMillis, String fingerprint, long checkedAt) {
    /**
     * Safety margin between a file's newest time and the moment its stamp was taken: covers 2-second (FAT) and
     * 1-second (HFS+, some network file systems) timestamps and the kernel's coarse clock.
     */
    public static final long RACY_MARGIN_MILLIS = 2_000;

    /** Reads the stamp of a file or directory tree; {@code now} is the current time in ms (injectable for tests). */
    public static FileStamp of(Path path, long now) throws IOException {
        Attributes root = Attributes.read(path);
        if (!root.directory()) {
            return new FileStamp(root.size(), root.newestMillis(), root.fingerprint(), now);
        }
        MessageDigest md = Hashes.sha256();
        long size = 0;
        long newest = root.newestMillis();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(path)) {
            all = walk.sorted().collect(Collectors.toList());
        }
        for (Path p : all) {
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

    /** Same size, times and identity: the file was not changed since this stamp (as far as metadata tells). */
    public boolean sameAs(FileStamp other) {
        return other != null
                && size == other.size
                && newestChangeMillis == other.newestChangeMillis
                && fingerprint.equals(other.fingerprint);
    }

    /** Taken safely after the file's last change, so a later change cannot hide behind identical times. */
    public boolean settled() {
        return newestChangeMillis + RACY_MARGIN_MILLIS < checkedAt;
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
