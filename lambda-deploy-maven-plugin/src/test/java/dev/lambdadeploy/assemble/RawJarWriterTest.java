package dev.lambdadeploy.assemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;

class RawJarWriterTest {
    private static final Instant BUILD_TIME = Instant.parse("2026-03-14T15:09:26Z");
    private static final long DOS_TIME = DosTime.fields(BUILD_TIME);
    private static final String UNICODE = "naïve/日本語/😀.txt";

    /** Entry name to content; which are stored is decided in {@link #source}. */
    private static final Map<String, byte[]> CONTENT = new LinkedHashMap<>();

    static {
        CONTENT.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        CONTENT.put("dir/", new byte[0]);
        byte[] random = new byte[10_000];
        new Random(15).nextBytes(random);
        CONTENT.put("data/stored.bin", random);
        CONTENT.put("skip/me.txt", "left out".repeat(100).getBytes(StandardCharsets.UTF_8));
        CONTENT.put(UNICODE, "été λ".repeat(500).getBytes(StandardCharsets.UTF_8));
        CONTENT.put("empty.txt", new byte[0]);
    }

    /**
     * A jar as build tools write them: deflated entries with data descriptors (sizes after the data), a stored entry,
     * extra fields (extended timestamps), a comment, and the given modification time.
     */
    private static byte[] source(Instant time) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : CONTENT.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setLastModifiedTime(FileTime.from(time)); // also writes an extended-timestamp extra field
                if (e.getKey().equals("data/stored.bin")) {
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(e.getValue().length);
                    ze.setCrc(crc(e.getValue()));
                    ze.setComment("kept in the source's central directory only");
                }
                out.putNextEntry(ze);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    /** The source's entries to keep, in a new order, without {@code skip/me.txt}. */
    private static List<JarIndex.Entry> kept(byte[] source) {
        JarIndex index = JarIndex.read(source);
        assertNotNull(index);
        List<JarIndex.Entry> kept = new ArrayList<>();
        for (String name : List.of(UNICODE, "data/stored.bin", "META-INF/MANIFEST.MF", "dir/", "empty.txt")) {
            kept.add(index.entries().stream()
                    .filter(e -> e.name().equals(name))
                    .findFirst()
                    .orElseThrow());
        }
        return kept;
    }

    @Test
    void writesPlainHeadersAndCopiesEachEntrysDataAsItIs() throws IOException {
        byte[] source = source(Instant.parse("2001-02-03T04:05:06Z"));
        assertEquals(
                8, ByteBuffer.wrap(source).order(ByteOrder.LITTLE_ENDIAN).getShort(6) & 8, "source has descriptors");
        List<JarIndex.Entry> kept = kept(source);
        byte[] jar = RawJarWriter.write(source, kept, DOS_TIME);
        ByteBuffer b = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);

        int at = 0;
        int[] offsets = new int[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            JarIndex.Entry e = kept.get(i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            byte[] content = CONTENT.get(e.name());
            offsets[i] = at;
            assertEquals(JarIndex.LOCAL_HEADER, b.getInt(at), e.name());
            sharedFields(b, at + 4, e, content, name);
            assertEquals(0, u16(b, at + 28), "no extra field: " + e.name());
            assertEquals(e.name(), new String(jar, at + 30, name.length, StandardCharsets.UTF_8));
            int data = at + 30 + name.length;
            assertArrayEquals(
                    Arrays.copyOfRange(source, e.dataOffset(), e.dataOffset() + (int) e.compressedSize()),
                    Arrays.copyOfRange(jar, data, data + (int) e.compressedSize()),
                    "data copied raw: " + e.name());
            at = data + (int) e.compressedSize(); // no data descriptor follows
        }
        int centralDirectory = at;
        for (int i = 0; i < kept.size(); i++) {
            JarIndex.Entry e = kept.get(i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            assertEquals(JarIndex.CENTRAL_HEADER, b.getInt(at), e.name());
            assertEquals(20, u16(b, at + 4), "made by");
            sharedFields(b, at + 6, e, CONTENT.get(e.name()), name);
            assertEquals(0, u16(b, at + 30), "extra length");
            assertEquals(0, u16(b, at + 32), "comment length, even where the source had one");
            assertEquals(0, u16(b, at + 34), "disk");
            assertEquals(0, u16(b, at + 36), "internal attributes");
            assertEquals(0, b.getInt(at + 38), "external attributes");
            assertEquals(offsets[i], b.getInt(at + 42), "local header offset: " + e.name());
            assertEquals(e.name(), new String(jar, at + 46, name.length, StandardCharsets.UTF_8));
            at += 46 + name.length;
        }
        assertEquals(JarIndex.END_RECORD, b.getInt(at));
        assertEquals(0, u16(b, at + 4), "disk");
        assertEquals(0, u16(b, at + 6), "directory's disk");
        assertEquals(kept.size(), u16(b, at + 8));
        assertEquals(kept.size(), u16(b, at + 10));
        assertEquals(at - centralDirectory, b.getInt(at + 12), "directory size");
        assertEquals(centralDirectory, b.getInt(at + 16), "directory offset");
        assertEquals(0, u16(b, at + 20), "comment length");
        assertEquals(jar.length, at + 22, "exactly as long as its records: no slack, nothing cut off");
    }

    /** Version needed, flags, method, time, CRC, sizes and name length, the same in local and central headers. */
    private static void sharedFields(ByteBuffer b, int at, JarIndex.Entry e, byte[] content, byte[] name) {
        boolean deflated = e.method() == ZipEntry.DEFLATED;
        assertEquals(deflated ? 20 : 10, u16(b, at), "version needed: " + e.name());
        assertEquals(0x0800, u16(b, at + 2), "UTF-8 names, no data descriptor: " + e.name());
        assertEquals(e.name().equals("data/stored.bin") ? ZipEntry.STORED : ZipEntry.DEFLATED, u16(b, at + 4));
        assertEquals((int) DOS_TIME, b.getInt(at + 6), "the one fixed time: " + e.name());
        assertEquals(crc(content), b.getInt(at + 10) & 0xffffffffL, "CRC of the content: " + e.name());
        assertEquals(e.compressedSize(), b.getInt(at + 14) & 0xffffffffL, e.name());
        assertEquals(content.length, b.getInt(at + 18), "uncompressed size: " + e.name());
        assertEquals(name.length, u16(b, at + 22), "name length in UTF-8 bytes: " + e.name());
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    @Test
    void aStreamingReaderAndAGeneralReaderSeeTheKeptEntries() throws IOException {
        byte[] jar = RawJarWriter.write(source(BUILD_TIME), kept(source(BUILD_TIME)), DOS_TIME);
        List<String> expected = List.of(UNICODE, "data/stored.bin", "META-INF/MANIFEST.MF", "dir/", "empty.txt");
        LocalDateTime dosTime = LocalDateTime.of(2026, 3, 14, 15, 9, 26);

        // local headers alone must carry everything: a streaming reader never sees the central directory
        List<String> streamed = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                streamed.add(e.getName());
                assertArrayEquals(CONTENT.get(e.getName()), in.readAllBytes(), e.getName());
                assertEquals(dosTime, e.getTimeLocal(), e.getName());
                assertNull(e.getExtra(), e.getName());
            }
        }
        assertEquals(expected, streamed);

        try (ZipFile zip = ZipFile.builder().setByteArray(jar).get()) {
            List<String> names = new ArrayList<>();
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
                names.add(e.getName());
                assertArrayEquals(
                        CONTENT.get(e.getName()), zip.getInputStream(e).readAllBytes(), e.getName());
                assertEquals(CONTENT.get(e.getName()).length, e.getSize(), e.getName());
                assertEquals(e.getName().endsWith("/"), e.isDirectory(), e.getName());
            }
            assertEquals(expected, names);
        }

        JarIndex index = JarIndex.read(jar);
        assertNotNull(index, "the writer's output maps onto the index again (stripping twice works)");
        assertEquals(
                expected, index.entries().stream().map(JarIndex.Entry::name).toList());
    }

    @Test
    void theSameEntriesGiveTheSameBytesWhateverTheSourcesTimes() throws IOException {
        byte[] a = source(Instant.parse("2001-02-03T04:05:06Z"));
        byte[] b = source(Instant.parse("2024-07-08T09:10:11Z"));
        assertFalse(Arrays.equals(a, b), "the sources differ in times");
        assertArrayEquals(RawJarWriter.write(a, kept(a), DOS_TIME), RawJarWriter.write(b, kept(b), DOS_TIME));
    }

    @Test
    void noEntriesIsAnEmptyZip() throws IOException {
        byte[] jar = RawJarWriter.write(source(BUILD_TIME), List.of(), DOS_TIME);
        ByteBuffer b = ByteBuffer.wrap(jar).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(22, jar.length);
        assertEquals(JarIndex.END_RECORD, b.getInt(0));
        assertEquals(0, b.getShort(10), "no entries");
        assertEquals(0, b.getInt(12), "empty directory");
        assertEquals(0, b.getInt(16), "directory at 0");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            assertNull(in.getNextEntry());
        }
    }
}
