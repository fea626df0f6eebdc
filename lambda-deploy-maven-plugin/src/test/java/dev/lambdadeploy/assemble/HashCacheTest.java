package dev.lambdadeploy.assemble;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashCacheTest {
    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();

    /** A cache file that claims {@code file} has the given (wrong) hash, with the file's current stamp. */
    private Path cacheClaiming(Path file, String sha256, long checkedAt) throws Exception {
        FileStamp now = FileStamp.of(file, checkedAt);
        Path cacheFile = dir.resolve("cache.bin");
        HashCache claiming = HashCache.load(cacheFile, true, clock::get);
        claiming.remember(
                file, new FileStamp(now.size(), now.newestChangeMillis(), now.fingerprint(), checkedAt), sha256);
        claiming.save(cacheFile);
        return cacheFile;
    }

    @Test
    void aSettledUnchangedStampIsTrustedWithoutReadingTheFile() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "content");
        long settledAt = FileStamp.of(jar, 0).newestChangeMillis() + FileStamp.RACY_MARGIN_MILLIS + 1;
        clock.set(settledAt + 60_000);
        HashCache cache = HashCache.load(cacheClaiming(jar, "ab".repeat(32), settledAt), true, clock::get);
        // The remembered (here deliberately wrong) hash is returned: proof that the file was not read.
        assertEquals("ab".repeat(32), cache.contentHash(jar));
        assertTrue(cache.summary().startsWith("1 file(s) unchanged"), cache.summary());
    }

    @Test
    void aRacyStampIsVerifiedByContent() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "content");
        // Recorded within the timestamp granularity of the file's last change: a rewrite in that window could keep
        // identical times, so the stamp proves nothing.
        long racyAt = FileStamp.of(jar, 0).newestChangeMillis() + FileStamp.RACY_MARGIN_MILLIS - 1;
        clock.set(racyAt + 60_000);
        HashCache cache = HashCache.load(cacheClaiming(jar, "ab".repeat(32), racyAt), true, clock::get);
        assertEquals(Hashes.contentHash(jar), cache.contentHash(jar));
    }

    @Test
    void aChangedStampIsVerifiedByContentAndTheNewHashRemembered() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "content");
        long settledAt = FileStamp.of(jar, 0).newestChangeMillis() + 10_000;
        Path cacheFile = cacheClaiming(jar, "ab".repeat(32), settledAt);
        Files.writeString(jar, "CONTENT"); // same size
        Files.setLastModifiedTime(jar, FileTime.fromMillis(settledAt - 20_000));
        clock.set(settledAt + 60_000);
        HashCache cache = HashCache.load(cacheFile, true, clock::get);
        assertEquals(Hashes.contentHash(jar), cache.contentHash(jar));

        cache.save(cacheFile);
        clock.addAndGet(60_000);
        HashCache next = HashCache.load(cacheFile, true, clock::get);
        assertEquals(Hashes.contentHash(jar), next.contentHash(jar));
        assertTrue(next.summary().contains("0 hashed"), next.summary());
    }

    @Test
    void directoryStampsSeeAddedRemovedAndChangedFiles() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/p"));
        Files.writeString(classes.resolve("A.class"), "a");
        FileStamp original = FileStamp.of(dir.resolve("classes"), 0);
        assertTrue(original.sameAs(FileStamp.of(dir.resolve("classes"), 1)));

        Files.writeString(classes.resolve("B.class"), "b");
        FileStamp added = FileStamp.of(dir.resolve("classes"), 0);
        assertFalse(original.sameAs(added));

        Files.delete(classes.resolve("B.class"));
        Files.writeString(classes.resolve("A.class"), "z"); // same size
        assertFalse(added.sameAs(FileStamp.of(dir.resolve("classes"), 0)));
        assertFalse(original.sameAs(FileStamp.of(dir.resolve("classes"), 0)));
    }

    @Test
    void aFileReadForItsBytesIsHashedFromThemAndRememberedForTheNextRun() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "content");
        clock.set(FileStamp.of(jar, 0).newestChangeMillis() + 60_000);
        HashCache first = HashCache.load(dir.resolve("none.bin"), true, clock::get);
        HashCache.Read read = first.read(jar);
        assertEquals("content", new String(read.bytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Hashes.contentHash(jar), read.sha256());
        assertEquals(read.sha256(), first.contentHash(jar), "known within the run, not read again");
        assertTrue(first.summary().matches("1 file\\(s\\) unchanged.*; 1 hashed.*"), first.summary());
        Path cacheFile = dir.resolve("cache.bin");
        first.save(cacheFile);

        HashCache next = HashCache.load(cacheFile, true, clock::get);
        assertEquals(read.sha256(), next.contentHash(jar));
        assertTrue(next.summary().matches("1 file\\(s\\) unchanged.*; 0 hashed.*"), next.summary());
        // and a read in the next run hashes nothing again either
        assertEquals(read.sha256(), next.read(jar).sha256());
        assertTrue(next.summary().matches("2 file\\(s\\) unchanged.*; 0 hashed.*"), next.summary());
    }

    @Test
    void aZipThisPluginPublishedIsTrustedAtOnceAndAnyLaterWriteIsStillSeen() throws Exception {
        Path zip = dir.resolve("a.zip");
        FileStamp stamp = FileStamp.publish(Files.writeString(dir.resolve(".a.zip.1.tmp"), "content"), zip, clock::get);
        // needs status-change times that a rename updates (Linux file systems have them)
        assumeTrue(stamp.published(), "this file system's times cannot prove a rename came after the write");
        assertFalse(Files.exists(dir.resolve(".a.zip.1.tmp")));
        Path cacheFile = dir.resolve("cache.bin");
        HashCache written = HashCache.load(cacheFile, true, clock::get);
        written.remember(zip, stamp, "ab".repeat(32));
        written.save(cacheFile);

        // Milliseconds old, and the clock has not moved: the remembered (deliberately wrong) hash is used unread.
        HashCache next = HashCache.load(cacheFile, true, clock::get);
        assertEquals("ab".repeat(32), next.contentHash(zip));
        next.save(cacheFile);
        assertEquals(
                "ab".repeat(32), HashCache.load(cacheFile, true, clock::get).contentHash(zip), "and stays so");

        // Rewritten in place at once, same size, its modification time put back: the rename's status-change time is
        // gone, so it is read.
        FileTime written1 = Files.getLastModifiedTime(zip);
        Files.writeString(zip, "CONTENT");
        Files.setLastModifiedTime(zip, written1);
        assertEquals(
                Hashes.contentHash(zip),
                HashCache.load(cacheFile, true, clock::get).contentHash(zip));
    }

    @Test
    void aPublishedZipWrittenOrReplacedRightAfterIsReadAgain() throws Exception {
        Path zip = dir.resolve("a.zip");
        FileStamp stamp = FileStamp.publish(Files.writeString(dir.resolve(".a.zip.1.tmp"), "content"), zip, clock::get);
        assumeTrue(stamp.published(), "this file system's times cannot prove a rename came after the write");
        Path cacheFile = dir.resolve("cache.bin");
        HashCache written = HashCache.load(cacheFile, true, clock::get);
        written.remember(zip, stamp, "ab".repeat(32));
        written.save(cacheFile);

        // Written again within the same clock tick as the rename, same size: a later modification time than the
        // write the stamp recorded, so it is read.
        Files.writeString(zip, "CONTENT");
        assertEquals(
                Hashes.contentHash(zip),
                HashCache.load(cacheFile, true, clock::get).contentHash(zip));

        // Replaced by another file with the same size and times: another identity, so it is read.
        Path zip2 = dir.resolve("b.zip");
        FileStamp stamp2 =
                FileStamp.publish(Files.writeString(dir.resolve(".b.zip.1.tmp"), "content"), zip2, clock::get);
        HashCache second = HashCache.load(cacheFile, true, clock::get);
        second.remember(zip2, stamp2, "cd".repeat(32));
        second.save(cacheFile);
        Path other = Files.writeString(dir.resolve("other"), "CONTENT");
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(zip2));
        Files.move(other, zip2, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(
                Hashes.contentHash(zip2),
                HashCache.load(cacheFile, true, clock::get).contentHash(zip2));
    }

    @Test
    void aTextHashIsRememberedByTheExactTextAndANoOpRewritesNothing() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "content");
        clock.set(FileStamp.of(jar, 0).newestChangeMillis() + 60_000);
        Path cacheFile = dir.resolve("cache.bin");
        HashCache first = HashCache.load(cacheFile, true, clock::get);
        first.contentHash(jar);
        assertEquals(Hashes.hex("a=1\nb=2\n"), first.textHash("a=1\nb=2\n"));
        first.save(cacheFile);

        // A cache claiming a (deliberately wrong) hash for the text: used as remembered, proof it is not recomputed.
        byte[] saved = Files.readAllBytes(cacheFile);
        String real = Hashes.hex("a=1\nb=2\n");
        byte[] wrong = new String(saved, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace(real, "cd".repeat(32))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(cacheFile, wrong);
        HashCache next = HashCache.load(cacheFile, true, clock::get);
        assertEquals("cd".repeat(32), next.textHash("a=1\nb=2\n"));
        assertEquals(Hashes.hex("a=1\nb=3\n"), next.textHash("a=1\nb=3\n"), "another text is hashed");

        // Nothing changed: the file is not written again.
        HashCache same = HashCache.load(cacheFile, true, clock::get);
        same.contentHash(jar);
        same.textHash("a=1\nb=2\n");
        FileTime written = Files.getLastModifiedTime(cacheFile);
        Files.setLastModifiedTime(cacheFile, FileTime.fromMillis(written.toMillis() - 10_000));
        FileTime backdated = Files.getLastModifiedTime(cacheFile);
        same.save(cacheFile);
        assertEquals(backdated, Files.getLastModifiedTime(cacheFile), "a no-op rewrites nothing");
        assertArrayEquals(wrong, Files.readAllBytes(cacheFile));

        // A text used no more is dropped: written again.
        HashCache fewer = HashCache.load(cacheFile, true, clock::get);
        fewer.contentHash(jar);
        fewer.save(cacheFile);
        assertNotEquals(backdated, Files.getLastModifiedTime(cacheFile));
        assertEquals(
                Hashes.hex("a=1\nb=2\n"),
                HashCache.load(cacheFile, true, clock::get).textHash("a=1\nb=2\n"));
    }

    @Test
    void anUnreadableOrForeignCacheIsEmpty() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "content");
        clock.set(FileStamp.of(jar, 0).newestChangeMillis() + 60_000);
        Path cacheFile = cacheClaiming(jar, "ab".repeat(32), clock.get());
        byte[] good = Files.readAllBytes(cacheFile);
        for (byte[] bad : List.of(
                "{\"format\":1,\"entries\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Arrays.copyOf(good, good.length - 3),
                java.util.Arrays.copyOf(good, good.length + 1))) {
            Files.write(cacheFile, bad);
            assertEquals(
                    Hashes.contentHash(jar),
                    HashCache.load(cacheFile, true, clock::get).contentHash(jar));
        }
    }
}
