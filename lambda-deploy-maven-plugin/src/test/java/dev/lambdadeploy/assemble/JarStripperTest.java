package dev.lambdadeploy.assemble;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.config.EntryGlob;
import dev.lambdadeploy.config.StripSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarStripperTest {
    @TempDir
    Path dir;

    private final JarStripper stripper = new JarStripper(
            new StripRules(StripSpec.defaults(), Architecture.X86_64), java.time.Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void removesDeadWeightKeepsProtectedEntriesAndCopiesRaw() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMulti-Release: true\n");
        entries.put("META-INF/maven/g/a/pom.xml", TestJars.big(5000));
        entries.put("META-INF/maven/g/a/LICENSE", "license text");
        entries.put("META-INF/services/java.sql.Driver", "org.sqlite.JDBC");
        entries.put("META-INF/versions/11/x/A.class", "a11");
        entries.put("META-INF/NOTICE.txt", "notice");
        entries.put("x/A.class", "classbytes");
        entries.put("x/A.java", TestJars.big(3000));
        entries.put("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so", TestJars.big(7000));
        entries.put("org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib", TestJars.big(9000));
        Path jar = TestJars.jar(dir, "a-1.jar", entries);

        StrippedJar s = stripper.strip(TestJars.artifact("g", "a", "1", jar), jar, Files.readAllBytes(jar));

        assertTrue(s.finalBytes() < s.originalBytes());
        assertEquals(s.content().length, s.finalBytes());
        List<String> kept = names(s.content());
        assertEquals(
                List.of(
                        "META-INF/MANIFEST.MF",
                        "META-INF/maven/g/a/LICENSE",
                        "META-INF/services/java.sql.Driver",
                        "META-INF/versions/11/x/A.class",
                        "META-INF/NOTICE.txt",
                        "x/A.class",
                        "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"),
                kept);
        Map<String, Integer> byReason =
                s.removed().stream().collect(Collectors.toMap(r -> r.reason(), r -> r.entries()));
        assertEquals(
                Map.of(StripRules.MAVEN_METADATA, 1, StripRules.SOURCE_FILE, 1, StripRules.NATIVE_OTHER_PLATFORM, 1),
                byReason);
        // Raw copy: the kept entries keep their compressed bytes, CRC and timestamps.
        try (ZipFile in = ZipFile.builder().setPath(jar).get();
                ZipFile out = ZipFile.builder().setByteArray(s.content()).get()) {
            for (String name : kept) {
                ZipArchiveEntry a = in.getEntry(name);
                ZipArchiveEntry b = out.getEntry(name);
                assertEquals(a.getCrc(), b.getCrc(), name);
                assertEquals(a.getCompressedSize(), b.getCompressedSize(), name);

                assertArrayEquals(
                        in.getRawInputStream(a).readAllBytes(),
                        out.getRawInputStream(b).readAllBytes(),
                        name);
            }
        }
    }

    @Test
    void foldersEmptiedByStrippingGoAndFoldersWithFilesLeftStay() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/", "");
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        entries.put("META-INF/maven/", "");
        entries.put("META-INF/maven/g/", "");
        entries.put("META-INF/maven/g/a/", "");
        entries.put("META-INF/maven/g/a/pom.xml", TestJars.big(5000));
        entries.put("x/", "");
        entries.put("x/src/", "");
        entries.put("x/src/A.java", TestJars.big(3000));
        entries.put("x/A.class", "classbytes");
        entries.put("empty/", "");
        Path jar = TestJars.jar(dir, "d-1.jar", entries);

        StrippedJar s = stripper.strip(TestJars.artifact("g", "d", "1", jar), jar, Files.readAllBytes(jar));

        // META-INF/maven/** and x/src/ held only removed files; a folder that was empty before is not stripping's
        // business and stays
        assertEquals(List.of("META-INF/", "META-INF/MANIFEST.MF", "x/", "x/A.class", "empty/"), names(s.content()));
    }

    @Test
    void signedJarIsUsedByteForByte() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        entries.put("META-INF/BC1024KE.SF", "sig");
        entries.put("META-INF/BC1024KE.DSA", "sig");
        entries.put("META-INF/maven/g/a/pom.xml", TestJars.big(5000));
        Path jar = TestJars.jar(dir, "signed.jar", entries);
        StrippedJar s = stripper.strip(TestJars.artifact("g", "signed", "1", jar), jar, Files.readAllBytes(jar));
        assertArrayEquals(Files.readAllBytes(jar), s.content());
        assertTrue(s.signed());
        assertTrue(s.removed().isEmpty());
    }

    @Test
    void jarWithNothingToRemoveIsUsedAsIs() throws Exception {
        Path jar = TestJars.jar(dir, "clean.jar", Map.of("x/A.class", "a"));
        StrippedJar s = stripper.strip(TestJars.artifact("g", "clean", "1", jar), jar, Files.readAllBytes(jar));
        assertArrayEquals(Files.readAllBytes(jar), s.content());
        assertEquals(s.originalBytes(), s.finalBytes());
    }

    @Test
    void userKeepsWinAndUserExcludesRemove() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/maven/g/a/pom.properties", TestJars.big(4000));
        entries.put("docs/guide.md", TestJars.big(4000));
        entries.put("x/A.class", "a");
        Path jar = TestJars.jar(dir, "u.jar", entries);
        StripSpec spec = new StripSpec(
                true, List.of(EntryGlob.parse("**/*.md", "e")), List.of(EntryGlob.parse("META-INF/maven/**", "e")));
        StrippedJar s = new JarStripper(
                        new StripRules(spec, Architecture.X86_64), java.time.Instant.parse("2026-01-01T00:00:00Z"))
                .strip(TestJars.artifact("g", "u", "1", jar), jar, Files.readAllBytes(jar));
        assertEquals(List.of("META-INF/maven/g/a/pom.properties", "x/A.class"), names(s.content()));
        assertEquals(StripRules.CONFIGURED_EXCLUDE, s.removed().get(0).reason());
    }

    @Test
    void escapingEntryNamesAreRefusedWithTheArtifact() throws Exception {
        Path jar = TestJars.jar(dir, "evil.jar", Map.of("../../etc/passwd", "x"));
        PackagingException e = assertThrows(
                PackagingException.class,
                () -> stripper.strip(TestJars.artifact("g", "evil", "6.6", jar), jar, Files.readAllBytes(jar)));
        assertTrue(e.getMessage().contains("g:evil:6.6"), e.getMessage());
        assertTrue(e.getMessage().contains("../../etc/passwd"), e.getMessage());
        assertTrue(EntryNames.isUnsafe("/abs"));
        assertTrue(EntryNames.isUnsafe("C:\\x"));
        assertTrue(EntryNames.isUnsafe("a\\..\\b"));
        assertFalse(EntryNames.isUnsafe("a/..b/c"));
    }

    @Test
    void corruptJarNamesItsCoordinates() throws Exception {
        Path jar = dir.resolve("broken.jar");
        Files.writeString(jar, "this is not a zip");
        PackagingException e = assertThrows(
                PackagingException.class,
                () -> stripper.strip(
                        TestJars.artifact("com.example", "broken", "1.0", jar), jar, Files.readAllBytes(jar)));
        assertTrue(e.getMessage().contains("com.example:broken:1.0"), e.getMessage());
        assertTrue(e.getMessage().contains("local Maven repository"), e.getMessage());
    }

    @Test
    void rewrittenJarsCarryTheFixedTimeAndUtf8NamesAndReadEverywhere() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/maven/g/a/pom.xml", TestJars.big(5000));
        entries.put("x/Ünïcødé.class", "classbytes");
        entries.put("x/B.class", TestJars.big(3000));
        Path jar = TestJars.jar(dir, "t-1.jar", entries);
        StrippedJar s = stripper.strip(TestJars.artifact("g", "t", "1", jar), jar, Files.readAllBytes(jar));

        assertEquals(List.of("x/Ünïcødé.class", "x/B.class"), names(s.content()));
        // the same bytes from the JDK's own reader, and the build's timestamp (UTC fields) on every entry
        try (java.util.zip.ZipInputStream in =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(s.content()))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                assertEquals(
                        entries.get(e.getName()),
                        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                assertEquals(java.time.LocalDateTime.of(2026, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
            }
        }
    }

    @Test
    void zip64JarsAreStrippedByTheGeneralReader() throws Exception {
        byte[] zip64 = JarIndexTest.zip64();
        assertNull(JarIndex.read(zip64));
        Path jar = dir.resolve("z64.jar");
        Files.write(jar, zip64);
        StrippedJar s = stripper.strip(TestJars.artifact("g", "z64", "1", jar), jar, zip64);
        assertEquals(List.of("x/A.class"), names(s.content()));
        assertEquals(StripRules.MAVEN_METADATA, s.removed().get(0).reason());
    }

    private static List<String> names(byte[] jar) throws Exception {
        try (ZipFile z = ZipFile.builder().setByteArray(jar).get()) {
            return Collections.list(z.getEntries()).stream()
                    .map(ZipArchiveEntry::getName)
                    .collect(Collectors.toList());
        }
    }
}
