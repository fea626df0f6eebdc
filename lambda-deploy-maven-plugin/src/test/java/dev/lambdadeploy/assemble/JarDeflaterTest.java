package dev.lambdadeploy.assemble;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;

class JarDeflaterTest {
    @Test
    void inflatesToTheExactJarAndCopiesItsCompressedDataInsteadOfDeflatingIt() throws Exception {
        byte[] jar = JarIndexTest.commonsCompressJar();
        for (int level : new int[] {1, 6, 9}) {
            byte[] deflated = JarDeflater.deflate(jar, level).orElseThrow();
            assertArrayEquals(jar, inflate(deflated, jar.length), "level " + level);
            assertTrue(deflated.length < jar.length, "the headers and names still compress");
        }
        byte[] deflated = JarDeflater.deflate(jar, 9).orElseThrow();
        // Copied data appears verbatim in the stream (in stored blocks); deflating it again would not leave it so.
        try (ZipFile zip = ZipFile.builder().setByteArray(jar).get()) {
            int checked = 0;
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                if (e.getMethod() == ZipArchiveEntry.DEFLATED
                        && e.getCompressedSize() > 1000
                        && e.getCompressedSize() < 16_000
                        && checked < 20) {
                    byte[] raw = zip.getRawInputStream(e).readAllBytes();
                    assertTrue(indexOf(deflated, raw) >= 0, e.getName() + " is copied, not deflated again");
                    checked++;
                }
            }
            assertEquals(20, checked);
        }
    }

    @Test
    void costsLittleSizeAgainstDeflatingTheWholeJar() throws Exception {
        byte[] jar = JarIndexTest.commonsCompressJar();
        long whole = deflateWhole(jar);
        long jarAware = JarDeflater.deflate(jar, 9).orElseThrow().length;
        // on the benchmark's 94 jars: 1.4 % larger than deflating them whole; allow a little more for a single jar
        assertTrue(jarAware < whole * 1.03, jarAware + " vs " + whole);
    }

    @Test
    void aStreamIsUsedOnlyWhenItInflatesToExactlyTheJar() throws Exception {
        byte[] jar = JarIndexTest.commonsCompressJar();
        byte[] stream = JarDeflater.deflate(jar, 6).orElseThrow();
        assertTrue(JarDeflater.inflatesTo(stream, jar));
        byte[] flipped = stream.clone();
        flipped[flipped.length / 2] ^= 0x10; // inside copied data: still a valid stream, other bytes
        assertFalse(JarDeflater.inflatesTo(flipped, jar));
        assertFalse(JarDeflater.inflatesTo(java.util.Arrays.copyOf(stream, stream.length - 10), jar), "cut short");
        assertFalse(JarDeflater.inflatesTo(java.util.Arrays.copyOf(stream, stream.length + 3), jar), "trailing bytes");
        assertFalse(JarDeflater.inflatesTo(stream, java.util.Arrays.copyOf(jar, jar.length + 1)), "a longer jar");
    }

    @Test
    void entriesAJarStoredAreCompressedAlmostAsWellAsByZlib() throws Exception {
        // a jar of STORED entries (a native library's worth of random bytes, and classes): nothing is copied, so
        // everything is compressed, and must neither expand nor lose much against deflating the jar whole
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            out.setMethod(java.util.zip.ZipOutputStream.STORED);
            byte[] random = new byte[500_000];
            new java.util.Random(5).nextBytes(random);
            byte[] classes = JarIndexTest.commonsCompressJar(); // stands in for uncompressed class files
            for (Object[] e : new Object[][] {{"lib/native.so", random}, {"x/Classes.bin", classes}}) {
                byte[] data = (byte[]) e[1];
                java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry((String) e[0]);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                entry.setSize(data.length);
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                out.write(data);
                out.closeEntry();
            }
        }
        byte[] jar = bytes.toByteArray();
        byte[] stream = JarDeflater.deflate(jar, 6).orElseThrow();
        assertArrayEquals(jar, inflate(stream, jar.length));
        long whole = deflateWhole(jar);
        assertTrue(stream.length < whole * 1.02, stream.length + " vs " + whole);
    }

    @Test
    void anythingButAMappedZipIsLeftToAPlainDeflate() throws Exception {
        assertTrue(JarDeflater.deflate("class bytes, not a zip".repeat(100).getBytes(UTF_8), 9)
                .isEmpty());
        assertTrue(JarDeflater.deflate(JarIndexTest.zip64(), 9).isEmpty());
    }

    static byte[] inflate(byte[] deflated, int size) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        byte[] buffer = new byte[1 << 16];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                fail("the stream ended early");
            }
            out.write(buffer, 0, n);
        }
        assertEquals(0, inflater.getRemaining(), "nothing after the end of the stream");
        inflater.end();
        return out.toByteArray();
    }

    private static long deflateWhole(byte[] data) {
        Deflater d = new Deflater(9, true);
        d.setInput(data);
        d.finish();
        byte[] buffer = new byte[1 << 16];
        long n = 0;
        while (!d.finished()) {
            n += d.deflate(buffer);
        }
        d.end();
        return n;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
