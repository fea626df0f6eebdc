package dev.lambdadeploy.assemble;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;

class JarIndexTest {
    /** A real jar from the test class path: thousands of entries, as Maven Central serves them. */
    static byte[] commonsCompressJar() throws Exception {
        return Files.readAllBytes(Path.of(ZipFile.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI()));
    }

    @Test
    void readsTheEntriesCommonsCompressReads() throws Exception {
        byte[] jar = commonsCompressJar();
        JarIndex index = JarIndex.read(jar);
        assertNotNull(index);
        try (ZipFile zip = ZipFile.builder().setByteArray(jar).get()) {
            List<ZipArchiveEntry> expected = Collections.list(zip.getEntries());
            assertTrue(expected.size() > 300, "a jar with many entries");
            assertEquals(expected.size(), index.entries().size());
            for (int i = 0; i < expected.size(); i++) {
                ZipArchiveEntry e = expected.get(i);
                JarIndex.Entry got = index.entries().get(i);
                assertEquals(e.getName(), got.name());
                assertEquals(e.getMethod(), got.method(), e.getName());
                assertEquals(e.getCrc(), got.crc(), e.getName());
                assertEquals(e.getCompressedSize(), got.compressedSize(), e.getName());
                assertEquals(e.getSize(), got.size(), e.getName());
                assertArrayEquals(
                        zip.getRawInputStream(e).readAllBytes(),
                        java.util.Arrays.copyOfRange(
                                jar, got.dataOffset(), got.dataOffset() + (int) got.compressedSize()),
                        e.getName());
            }
        }
    }

    @Test
    void zipsItCannotMapExactlyAreLeftToTheGeneralReader() throws Exception {
        byte[] jar = commonsCompressJar();
        assertNull(JarIndex.read("not a zip at all, just text".getBytes(StandardCharsets.UTF_8)));
        assertNull(JarIndex.read(java.util.Arrays.copyOf(jar, jar.length - 30)), "truncated");
        byte[] prefixed = new byte[jar.length + 5];
        System.arraycopy("#!sh\n".getBytes(StandardCharsets.UTF_8), 0, prefixed, 0, 5);
        System.arraycopy(jar, 0, prefixed, 5, jar.length);
        assertNull(JarIndex.read(prefixed), "a launch script before the zip");
        assertNull(JarIndex.read(zip64()), "zip64");

        // An end record whose count disagrees with the directory (old tools write it modulo 65,536): the JDK and
        // Commons Compress scan the whole directory, so the index must not see fewer entries than they do.
        byte[] patched = jar.clone();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(patched).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int end = patched.length - 22; // this jar has no comment
        assertEquals(0x06054b50, b.getInt(end));
        b.putShort(end + 8, (short) 2);
        b.putShort(end + 10, (short) 2);
        assertNull(JarIndex.read(patched));
        try (ZipFile zip = ZipFile.builder().setByteArray(patched).get()) {
            assertTrue(Collections.list(zip.getEntries()).size() > 2, "the general reader still sees every entry");
        }
    }

    /** A small zip written with zip64 records, as tools do for huge or many-entry jars. */
    static byte[] zip64() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            out.setUseZip64(Zip64Mode.Always);
            for (String name : List.of("META-INF/maven/g/a/pom.xml", "x/A.class")) {
                out.putArchiveEntry(new ZipArchiveEntry(name));
                out.write(("content of " + name).repeat(50).getBytes(StandardCharsets.UTF_8));
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
