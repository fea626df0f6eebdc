package dev.lambdadeploy.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginIdentityTest {

    @TempDir
    Path dir;

    @Test
    void releaseVersionIsUsedAsIs() throws Exception {
        Path jar = Files.write(dir.resolve("p.jar"), new byte[] {1, 2, 3});
        assertEquals("1.2.0", PluginIdentity.of("1.2.0", jar));
    }

    @Test
    void snapshotJarsWithOtherContentGetOtherIdentities() throws Exception {
        Path a = Files.write(dir.resolve("a.jar"), new byte[] {1, 2, 3});
        Path b = Files.write(dir.resolve("b.jar"), new byte[] {1, 2, 4});
        String ia = PluginIdentity.of("0.1.0-SNAPSHOT", a);
        assertTrue(ia.matches("0\\.1\\.0-SNAPSHOT\\+[0-9a-f]{12}"), ia);
        assertEquals(ia, PluginIdentity.of("0.1.0-SNAPSHOT", a));
        assertNotEquals(ia, PluginIdentity.of("0.1.0-SNAPSHOT", b));
    }

    /** A real jar is told apart by its central directory, which changes with any entry's content. */
    @Test
    void snapshotJarsAreToldApartByEveryEntry() throws Exception {
        Path a = jar("a.jar", "x/A.class", "first", "x/B.class", "same");
        Path a2 = jar("a2.jar", "x/A.class", "first", "x/B.class", "same");
        Path b = jar("b.jar", "x/A.class", "firsT", "x/B.class", "same");
        Path c = jar("c.jar", "x/A.class", "first", "x/B.class", "samE");
        String ia = PluginIdentity.of("0.1.0-SNAPSHOT", a);
        assertTrue(ia.matches("0\\.1\\.0-SNAPSHOT\\+[0-9a-f]{12}"), ia);
        assertEquals(ia, PluginIdentity.of("0.1.0-SNAPSHOT", a2));
        assertNotEquals(ia, PluginIdentity.of("0.1.0-SNAPSHOT", b));
        assertNotEquals(ia, PluginIdentity.of("0.1.0-SNAPSHOT", c));
        byte[] directory = PluginIdentity.centralDirectory(a, Files.size(a));
        assertTrue(directory != null && directory.length < Files.size(a), "central directory found");
        // a jar comment that contains the end record's signature does not pass for the end record
        Path commented = dir.resolve("commented.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(commented))) {
            z.setComment("PK\u0005\u0006 looks like an end record");
            ZipEntry e = new ZipEntry("x/A.class");
            e.setTime(0);
            z.putNextEntry(e);
            z.write(1);
            z.closeEntry();
        }
        byte[] found = PluginIdentity.centralDirectory(commented, Files.size(commented));
        assertTrue(
                found != null && "x/A.class".equals(new String(found, 46, 9, StandardCharsets.UTF_8)),
                "the real directory");
    }

    private Path jar(String name, String... entries) throws Exception {
        Path p = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (int i = 0; i < entries.length; i += 2) {
                ZipEntry e = new ZipEntry(entries[i]);
                e.setTime(0);
                z.putNextEntry(e);
                z.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return p;
    }

    @Test
    void snapshotFromClassesDirectoryIsMarkedDev() {
        assertEquals("0.1.0-SNAPSHOT+dev", PluginIdentity.of("0.1.0-SNAPSHOT", dir));
    }
}
