package dev.lambdadeploy.assemble;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdadeploy.config.ArtifactPattern;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.config.LayerSpec;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.manifest.JarRecord;
import dev.lambdadeploy.manifest.ManifestIO;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ProjectInfo;
import dev.lambdadeploy.manifest.ZipRecord;
import dev.lambdadeploy.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaPackagerTest {
    @TempDir
    Path dir;

    private final ProjectInfo project = new ProjectInfo("ex", "app", "1.0");

    private PackageRequest.Builder request(Path out) throws Exception {
        Path repo = dir.resolve("repo");
        Path classes = dir.resolve("classes");
        if (!Files.exists(classes)) {
            Files.createDirectories(classes.resolve("ex"));
            Files.writeString(classes.resolve("ex/Handler.class"), "handler-bytes");
            Files.writeString(classes.resolve("app.properties"), "k=v");
        }
        Map<String, String> lib = new LinkedHashMap<>();
        lib.put("lib/A.class", TestJars.big(2000));
        lib.put("META-INF/maven/org.lib/lib/pom.xml", TestJars.big(2000));
        DependencyArtifact released = TestJars.artifact("org.lib", "lib", "2.0", jarOnce(repo, "lib-2.0.jar", lib));
        DependencyArtifact sdk = TestJars.artifact(
                "software.amazon.awssdk", "s3", "2.1", jarOnce(repo, "s3-2.1.jar", Map.of("s3/S3.class", "s3")));
        DependencyArtifact snapshot = new DependencyArtifact(
                "ex",
                "core",
                "1.0-20260101.000000-1",
                "1.0-SNAPSHOT",
                "",
                "compile",
                jarOnce(repo, "core.jar", Map.of("core/C.class", "c")),
                List.of("ex:app:1.0", "ex:core:1.0-SNAPSHOT"),
                true);
        return PackageRequest.builder(project, out)
                .classesDirectory(classes)
                .artifacts(List.of(released, sdk, snapshot))
                .outputTimestamp(Instant.parse("2026-01-01T00:00:00Z"))
                .parallelism(2);
    }

    /** Writes a test jar on first use only: rewriting it would change its stamp on every run. */
    private static Path jarOnce(Path repo, String name, Map<String, String> entries) throws Exception {
        Path jar = repo.resolve(name);
        return Files.exists(jar) ? jar : TestJars.jar(repo, name, entries);
    }

    @Test
    void defaultLayoutPutsReleasedJarsInOneLayerAndSnapshotsInTheFunction() throws Exception {
        Path out = dir.resolve("out");
        PackageResult r = new LambdaPackager(BuildLog.silent()).run(request(out).build());
        PackageManifest m = r.manifest();

        assertEquals(1, m.layers().size());
        ZipRecord layer = m.layers().get(0);
        assertEquals("app", layer.name());
        assertEquals(
                List.of("java/", "java/lib/", "java/lib/lib-2.0.jar", "java/lib/s3-2.1.jar"),
                names(out.resolve("layers/app.zip")));
        assertEquals(
                List.of("app.properties", "ex/", "ex/Handler.class", "lib/", "lib/core-1.0-SNAPSHOT.jar"),
                names(out.resolve("function.zip")));
        assertEquals(
                Hashes.codeSha256(out.resolve("function.zip")), m.function().codeSha256());
        assertEquals(Files.size(out.resolve("layers/app.zip")), layer.zippedBytes());

        JarRecord lib = m.jars().get(0);
        assertEquals("layer:app", lib.target());
        assertEquals(List.of("ex:app:1.0", "org.lib:lib:2.0"), lib.dependencyPath());
        assertTrue(lib.finalBytes() < lib.originalBytes(), "maven metadata stripped");
        assertEquals("function", m.jars().get(2).target());
        assertEquals(m, ManifestIO.read(r.manifestFile()));
    }

    @Test
    void configuredLayersFirstMatchWinsAndUnmatchedGoToFunction() throws Exception {
        Path out = dir.resolve("out");
        List<LayerSpec> layers = List.of(
                new LayerSpec("sdk", List.of(ArtifactPattern.parse("software.amazon.awssdk:*", "e")), List.of()),
                new LayerSpec(
                        "all",
                        List.of(ArtifactPattern.parse("*:*", "e")),
                        List.of(ArtifactPattern.parse("*:*:*-SNAPSHOT", "e"))));
        PackageManifest m = new LambdaPackager(BuildLog.silent())
                .run(request(out).layers(layers).build())
                .manifest();
        assertEquals(
                List.of("sdk", "all"), m.layers().stream().map(ZipRecord::name).collect(Collectors.toList()));
        assertEquals(List.of("java/lib/s3-2.1.jar"), m.layers().get(0).jars());
        assertEquals(List.of("java/lib/lib-2.0.jar"), m.layers().get(1).jars());
        assertEquals(List.of("lib/core-1.0-SNAPSHOT.jar"), m.function().jars());
    }

    @Test
    void duplicateLayerNamesAreRefused() throws Exception {
        List<LayerSpec> layers = List.of(
                new LayerSpec("x", List.of(ArtifactPattern.parse("a:*", "e")), List.of()),
                new LayerSpec("x", List.of(ArtifactPattern.parse("b:*", "e")), List.of()));
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> new LambdaPackager(BuildLog.silent())
                        .run(request(dir.resolve("o")).layers(layers).build()));
        assertTrue(e.getMessage().contains("'x' is used twice"), e.getMessage());
    }

    @Test
    void rebuildsAreByteIdenticalAcrossFoldersAndTimeZones() throws Exception {
        TimeZone original = TimeZone.getDefault();
        try {
            new LambdaPackager(BuildLog.silent()).run(request(dir.resolve("a")).build());
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            new LambdaPackager(BuildLog.silent())
                    .run(request(dir.resolve("b")).incremental(false).build());
        } finally {
            TimeZone.setDefault(original);
        }
        for (String zip : List.of("function.zip", "layers/app.zip")) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("a").resolve(zip)),
                    Files.readAllBytes(dir.resolve("b").resolve(zip)),
                    zip);
        }
        try (ZipFile z =
                ZipFile.builder().setPath(dir.resolve("a/function.zip")).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                assertEquals(0, e.getExtra() == null ? 0 : e.getExtra().length, "no extra fields: " + e.getName());
                assertEquals(e.isDirectory() ? 040755 : 0100644, e.getUnixMode(), e.getName());
            }
        }
    }

    @Test
    void unchangedInputsReuseZipsAndChangesRebuildOnlyTheAffectedZip() throws Exception {
        Path out = dir.resolve("out");
        LambdaPackager packager = new LambdaPackager(BuildLog.silent());
        PackageResult first = packager.run(request(out).build());
        assertEquals(2, first.builtZips());

        PackageResult again = packager.run(request(out).build());
        assertEquals(0, again.builtZips());
        assertEquals(2, again.reusedZips());
        assertEquals(first.manifest().jars(), again.manifest().jars());

        Files.writeString(dir.resolve("classes/ex/Handler.class"), "changed-handler");
        PackageResult codeChange = packager.run(request(out).build());
        assertTrue(codeChange.manifest().layers().get(0).reused());
        assertFalse(codeChange.manifest().function().reused());
        assertNotEquals(
                first.manifest().function().codeSha256(),
                codeChange.manifest().function().codeSha256());

        // A zip edited on disk is not trusted: it is rebuilt.
        Files.writeString(out.resolve("layers/app.zip"), "tampered");
        PackageResult tampered = packager.run(request(out).build());
        assertFalse(tampered.manifest().layers().get(0).reused());
        assertEquals(
                first.manifest().layers().get(0).codeSha256(),
                tampered.manifest().layers().get(0).codeSha256());
    }

    /** A clock an hour ahead: every stamp taken counts as settled, so the metadata fast path is in use. */
    private static long later() {
        return System.currentTimeMillis() + 3_600_000;
    }

    /** Runs the packager and returns how many files it had to hash (from its debug summary). */
    private static int hashedFiles(RecordingLog log) {
        String line = log.lines().stream()
                .filter(l -> l.startsWith("DEBUG Input and zip hashes: "))
                .reduce((a, b) -> b)
                .orElseThrow();
        Matcher m = Pattern.compile("; (\\d+) hashed").matcher(line);
        assertTrue(m.find(), line);
        return Integer.parseInt(m.group(1));
    }

    private static void rewriteSameSize(Path file, java.util.function.UnaryOperator<byte[]> change) throws Exception {
        byte[] before = Files.readAllBytes(file);
        byte[] after = change.apply(before.clone());
        assertEquals(before.length, after.length, "the test needs a same-size change");
        assertFalse(java.util.Arrays.equals(before, after), "the test needs a content change");
        Files.write(file, after);
    }

    @Test
    void noOpReadsNoFileAgainWhileEveryChangeStillRebuilds() throws Exception {
        Path out = dir.resolve("out");
        RecordingLog log = new RecordingLog();
        LambdaPackager packager = new LambdaPackager(log, LambdaPackagerTest::later);
        PackageResult first = packager.run(request(out).build());
        assertEquals(2, first.builtZips());
        packager.run(request(out).build());
        PackageResult noop = packager.run(request(out).build());
        assertEquals(2, noop.reusedZips());
        assertEquals(0, hashedFiles(log), "a no-op run re-reads no jar, classes file or zip");

        // A same-size content change to a jar, with a new modification time: only its layer is rebuilt.
        Path libJar = dir.resolve("repo/lib-2.0.jar");
        FileTime libTime = Files.getLastModifiedTime(libJar);
        Map<String, String> changedLib = new LinkedHashMap<>();
        changedLib.put("lib/A.class", "y".repeat(2000));
        changedLib.put("META-INF/maven/org.lib/lib/pom.xml", TestJars.big(2000));
        long libSize = Files.size(libJar);
        TestJars.jar(dir.resolve("repo"), "lib-2.0.jar", changedLib);
        assertEquals(libSize, Files.size(libJar), "the test needs a same-size jar");
        Files.setLastModifiedTime(libJar, FileTime.fromMillis(libTime.toMillis() + 1000));
        PackageResult jarChange = packager.run(request(out).build());
        assertFalse(jarChange.manifest().layers().get(0).reused());
        assertTrue(jarChange.manifest().function().reused());
        assertNotEquals(
                first.manifest().layers().get(0).codeSha256(),
                jarChange.manifest().layers().get(0).codeSha256());

        // Same-size change to a class file: the function zip is rebuilt, the layer reused.
        Path handler = dir.resolve("classes/ex/Handler.class");
        rewriteSameSize(handler, b -> {
            b[0] = (byte) (b[0] ^ 1);
            return b;
        });
        PackageResult classChange = packager.run(request(out).build());
        assertFalse(classChange.manifest().function().reused());
        assertTrue(classChange.manifest().layers().get(0).reused());

        // A class file deleted: the function zip is rebuilt without it.
        Files.delete(dir.resolve("classes/app.properties"));
        PackageResult deletedClass = packager.run(request(out).build());
        assertFalse(deletedClass.manifest().function().reused());
        assertFalse(names(out.resolve("function.zip")).contains("app.properties"));

        // Changed settings rebuild everything, whatever the stamps say.
        PackageResult settings = packager.run(
                request(out).compression(new CompressionPolicy(6, 0.005, false)).build());
        assertEquals(2, settings.builtZips());
    }

    @Test
    void outputZipsAreVerifiedByContentWhenTheirStampChanges() throws Exception {
        Path out = dir.resolve("out");
        Path layerZip = out.resolve("layers/app.zip");
        RecordingLog log = new RecordingLog();
        LambdaPackager packager = new LambdaPackager(log, LambdaPackagerTest::later);
        PackageResult first = packager.run(request(out).build());
        String layerSha = first.manifest().layers().get(0).codeSha256();
        packager.run(request(out).build());
        packager.run(request(out).build());
        assertEquals(0, hashedFiles(log));

        // Touched only: re-read once, found intact, reused.
        Files.setLastModifiedTime(layerZip, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        PackageResult touched = packager.run(request(out).build());
        assertEquals(1, hashedFiles(log), "the touched zip is re-hashed");
        assertTrue(touched.manifest().layers().get(0).reused());

        // Modified in place with the same size and its old modification time restored: still caught.
        FileTime before = Files.getLastModifiedTime(layerZip);
        rewriteSameSize(layerZip, b -> {
            b[b.length / 2] = (byte) (b[b.length / 2] ^ 0x55);
            return b;
        });
        Files.setLastModifiedTime(layerZip, before);
        PackageResult modified = packager.run(request(out).build());
        assertFalse(modified.manifest().layers().get(0).reused());
        assertEquals(layerSha, Hashes.codeSha256(layerZip), "rebuilt byte-identical");

        // Replaced by another file (new identity) with the same size and time: rebuilt.
        packager.run(request(out).build());
        packager.run(request(out).build());
        Path other = out.resolve("other.zip");
        Files.copy(layerZip, other);
        rewriteSameSize(other, b -> {
            b[b.length / 2] = (byte) (b[b.length / 2] ^ 0x55);
            return b;
        });
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(layerZip));
        Files.move(other, layerZip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PackageResult replaced = packager.run(request(out).build());
        assertFalse(replaced.manifest().layers().get(0).reused());
        assertEquals(layerSha, Hashes.codeSha256(layerZip));

        // Deleted: rebuilt.
        Files.delete(layerZip);
        PackageResult deleted = packager.run(request(out).build());
        assertFalse(deleted.manifest().layers().get(0).reused());
        assertEquals(layerSha, Hashes.codeSha256(layerZip));
    }

    @Test
    void theFirstNoOpAfterABuildTrustsTheZipsItWroteWithoutReadingThemBack() throws Exception {
        Path out = dir.resolve("out");
        Path layerZip = out.resolve("layers/app.zip");
        RecordingLog log = new RecordingLog();
        // the real clock: the zips are milliseconds old when the next run looks at them
        LambdaPackager packager = new LambdaPackager(log, System::currentTimeMillis);
        PackageResult first = packager.run(request(out).build());
        String layerSha = first.manifest().layers().get(0).codeSha256();
        assumeTrue(
                FileStamp.publish(
                                Files.writeString(dir.resolve(".probe.tmp"), "probe"),
                                dir.resolve("probe"),
                                System::currentTimeMillis)
                        .published(),
                "this file system's times cannot prove a rename came after the write");
        PackageResult noop = packager.run(request(out).build());
        assertEquals(2, noop.reusedZips());
        // The test's jars and classes were written moments ago too, so they may be verified by content; the zips not.
        assertTrue(hashedFiles(log) <= 4, "the zips are not read back: " + log.lines());

        // Right away, modified in place with the same size and its modification time restored: caught.
        FileTime before = Files.getLastModifiedTime(layerZip);
        rewriteSameSize(layerZip, b -> {
            b[b.length / 2] = (byte) (b[b.length / 2] ^ 0x55);
            return b;
        });
        Files.setLastModifiedTime(layerZip, before);
        PackageResult modified = packager.run(request(out).build());
        assertFalse(modified.manifest().layers().get(0).reused());
        assertEquals(layerSha, Hashes.codeSha256(layerZip), "rebuilt byte-identical");

        // Right away, written again with the same size (a new modification time): caught.
        rewriteSameSize(layerZip, b -> {
            b[b.length / 3] = (byte) (b[b.length / 3] ^ 0x55);
            return b;
        });
        PackageResult rewritten = packager.run(request(out).build());
        assertFalse(rewritten.manifest().layers().get(0).reused());
        assertEquals(layerSha, Hashes.codeSha256(layerZip));
        try (var files = Files.list(out.resolve("layers"))) {
            assertEquals(List.of(layerZip), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aNoOpTakesTheLastManifestFromItsBinaryCopyAndLeavesTheJsonAlone() throws Exception {
        Path out = dir.resolve("out");
        LambdaPackager packager = new LambdaPackager(BuildLog.silent(), LambdaPackagerTest::later);
        PackageResult first = packager.run(request(out).build());
        Path json = out.resolve(PackageManifest.FILE_NAME);
        Path copy = out.resolve("work").resolve(ManifestSnapshot.FILE_NAME);
        assertTrue(Files.isRegularFile(copy));
        byte[] written = Files.readAllBytes(json);
        FileTime writtenAt = Files.getLastModifiedTime(json);

        PackageResult noop = packager.run(request(out).build());
        assertEquals(2, noop.reusedZips());
        assertTrue(noop.manifest().allZips().stream().allMatch(ZipRecord::reused), "this run's news");
        assertEquals(first.contentKey(), noop.contentKey());
        assertEquals(ManifestIO.read(json).withAllZipsReused(), noop.manifest().withAllZipsReused());
        assertArrayEquals(written, Files.readAllBytes(json), "lambda-package.json is left as written");
        assertEquals(writtenAt, Files.getLastModifiedTime(json));

        // Edited since (here only a trailing newline): its stamp no longer vouches for the copy, so the JSON is read
        // (the zips are still reused) and written again.
        Files.writeString(json, Files.readString(json) + "\n");
        PackageResult edited = packager.run(request(out).build());
        assertEquals(2, edited.reusedZips());
        assertFalse(Files.readString(json).endsWith("}\n\n"), "rewritten");
        assertEquals(first.contentKey(), edited.contentKey());

        // The copy lost or damaged: the same.
        for (byte[] damage : List.of(new byte[0], java.util.Arrays.copyOf(Files.readAllBytes(copy), 40))) {
            Files.write(copy, damage);
            PackageResult fromJson = packager.run(request(out).build());
            assertEquals(2, fromJson.reusedZips());
            assertEquals(first.contentKey(), fromJson.contentKey());
            assertTrue(Files.size(copy) > 40, "the copy is written again");
        }
        Files.delete(copy);
        assertEquals(2, packager.run(request(out).build()).reusedZips());

        // A real change is written to both.
        PackageResult changed = packager.run(request(out)
                .outputTimestamp(Instant.parse("2025-02-02T00:00:00Z"))
                .build());
        assertEquals(0, changed.reusedZips());
        assertNotEquals(first.contentKey(), changed.contentKey());
        assertEquals("2025-02-02T00:00:00Z", ManifestIO.read(json).outputTimestamp());
        assertEquals(
                0,
                packager.run(request(out)
                                .outputTimestamp(Instant.parse("2025-02-02T00:00:00Z"))
                                .build())
                        .builtZips());
    }

    @Test
    void classesRewrittenWithTheSameBytesMakeTheManifestNewerThanThem() throws Exception {
        Path out = dir.resolve("out");
        LambdaPackager packager = new LambdaPackager(BuildLog.silent(), LambdaPackagerTest::later);
        packager.run(request(out).build());
        Path json = out.resolve(PackageManifest.FILE_NAME);
        Path handler = dir.resolve("classes/ex/Handler.class");
        // Recompiled with identical output after the package was built (a touched source): the package is the same,
        // but lambda:deploy refuses a manifest older than the classes, so the manifest is written again.
        Files.writeString(handler, "handler-bytes");
        Files.setLastModifiedTime(
                handler, FileTime.fromMillis(Files.getLastModifiedTime(json).toMillis() + 1));
        // past the file system's clock tick, so the manifest written next is measurably newer than the class's ctime
        // (a real recompile is seconds before the package; an equal millisecond counts as "maybe newer")
        Thread.sleep(30);
        PackageResult recompiled = packager.run(request(out).build());
        assertEquals(2, recompiled.reusedZips());
        assertTrue(
                Files.getLastModifiedTime(json).compareTo(Files.getLastModifiedTime(handler)) > 0,
                "no class file is newer than lambda-package.json");

        // And the next no-op leaves it alone again.
        FileTime written = Files.getLastModifiedTime(json);
        assertEquals(2, packager.run(request(out).build()).reusedZips());
        assertEquals(written, Files.getLastModifiedTime(json));
    }

    @Test
    void incrementalOffOrALostHashCacheHashesEverythingAgain() throws Exception {
        Path out = dir.resolve("out");
        RecordingLog log = new RecordingLog();
        LambdaPackager packager = new LambdaPackager(log, LambdaPackagerTest::later);
        packager.run(request(out).build());
        packager.run(request(out).build());
        packager.run(request(out).incremental(false).build());
        assertEquals(4, hashedFiles(log), "incremental=false trusts no remembered hash: 3 jars and the classes");

        Files.writeString(out.resolve("work").resolve(HashCache.FILE_NAME), "not a cache");
        PackageResult lost = packager.run(request(out).build());
        assertEquals(2, lost.reusedZips(), "an unreadable cache only costs time");
        assertEquals(6, hashedFiles(log), "jars, classes and both zips are hashed again");
    }

    @Test
    void jarNamesGetTheGroupIdWhenTheyCollide() {
        DependencyArtifact a = TestJars.artifact("org.one", "util", "1.0", Path.of("a.jar"));
        DependencyArtifact b = TestJars.artifact("org.two", "util", "1.0", Path.of("b.jar"));
        DependencyArtifact c = TestJars.artifact("org.two", "other", "1.0", Path.of("c.jar"));
        assertEquals(
                List.of("org.one-util-1.0.jar", "org.two-util-1.0.jar", "other-1.0.jar"),
                JarNamer.uniqueNames(List.of(a, b, c)));
        assertThrows(PackagingException.class, () -> JarNamer.uniqueNames(List.of(a, a)));
    }

    @Test
    void storesIncompressibleEntriesAndDeflatesTheRest() throws Exception {
        Path out = dir.resolve("out");
        Path classes = dir.resolve("c2");
        Files.createDirectories(classes);
        byte[] random = new byte[50_000];
        new java.util.Random(42).nextBytes(random);
        Files.write(classes.resolve("random.bin"), random);
        Files.writeString(classes.resolve("text.txt"), TestJars.big(50_000));
        ZipRecord f = new LambdaPackager(BuildLog.silent())
                .run(PackageRequest.builder(project, out)
                        .classesDirectory(classes)
                        .build())
                .manifest()
                .function();
        assertEquals(1, f.storedEntries());
        assertEquals(1, f.deflatedEntries());
        try (ZipFile z = ZipFile.builder().setPath(out.resolve("function.zip")).get()) {
            assertEquals(ZipArchiveEntry.STORED, z.getEntry("random.bin").getMethod());
            assertEquals(ZipArchiveEntry.DEFLATED, z.getEntry("text.txt").getMethod());
            assertArrayEquals(random, z.getInputStream(z.getEntry("random.bin")).readAllBytes());
        }
    }

    @Test
    void levelZeroStoresEveryEntryAndAChangedLevelRebuildsTheZip() throws Exception {
        Path out = dir.resolve("out");
        Path classes = dir.resolve("c3");
        Files.createDirectories(classes);
        String text = TestJars.big(50_000);
        Files.writeString(classes.resolve("text.txt"), text);
        PackageRequest.Builder request = PackageRequest.builder(project, out).classesDirectory(classes);

        ZipRecord stored = new LambdaPackager(BuildLog.silent())
                .run(request.compression(CompressionPolicy.level(0)).build())
                .manifest()
                .function();
        assertEquals(1, stored.storedEntries());
        assertEquals(0, stored.deflatedEntries());
        try (ZipFile z = ZipFile.builder().setPath(out.resolve("function.zip")).get()) {
            assertEquals(ZipArchiveEntry.STORED, z.getEntry("text.txt").getMethod());
            assertEquals(
                    text, new String(z.getInputStream(z.getEntry("text.txt")).readAllBytes(), UTF_8));
        }

        // the level is part of the incremental key: level 9 rebuilds (and deflates) instead of reusing the stored zip
        ZipRecord deflated = new LambdaPackager(BuildLog.silent())
                .run(request.compression(CompressionPolicy.level(9)).build())
                .manifest()
                .function();
        assertEquals(1, deflated.deflatedEntries());
        assertTrue(
                deflated.zippedBytes() < stored.zippedBytes() / 10,
                deflated.zippedBytes() + " vs " + stored.zippedBytes());
    }

    @Test
    void layerJarsKeepTheirCompressedDataUnlessAskedToDeflateItToo() throws Exception {
        Path out = dir.resolve("out");
        Path real = dir.resolve("repo2/commons-compress.jar");
        Files.createDirectories(real.getParent());
        Files.write(real, JarIndexTest.commonsCompressJar());
        PackageRequest.Builder request = PackageRequest.builder(project, out)
                .artifacts(List.of(TestJars.artifact("org.apache.commons", "commons-compress", "1.28.0", real)))
                .outputTimestamp(Instant.parse("2026-01-01T00:00:00Z"));

        ZipRecord copied = new LambdaPackager(BuildLog.silent())
                .run(request.build())
                .manifest()
                .layers()
                .get(0);
        byte[] copiedJar = entry(out.resolve(copied.path()), "java/lib/commons-compress-1.28.0.jar");
        ZipRecord whole = new LambdaPackager(BuildLog.silent())
                .run(request.compression(CompressionPolicy.DEFAULT.withJarData(true))
                        .build())
                .manifest()
                .layers()
                .get(0);
        assertFalse(whole.reused(), "the choice is part of the settings key");
        assertArrayEquals(copiedJar, entry(out.resolve(whole.path()), "java/lib/commons-compress-1.28.0.jar"));
        assertEquals(1, copied.deflatedEntries());
        // deflating the jar's compressed data too buys little
        assertTrue(whole.zippedBytes() < copied.zippedBytes(), whole.zippedBytes() + " vs " + copied.zippedBytes());
        assertTrue(
                copied.zippedBytes() < whole.zippedBytes() * 1.03, copied.zippedBytes() + " vs " + whole.zippedBytes());
    }

    @Test
    void aJarThatCannotBeReadLeavesNoHalfWrittenZip() throws Exception {
        Path out = dir.resolve("out");
        LambdaPackager packager = new LambdaPackager(BuildLog.silent(), LambdaPackagerTest::later);
        ZipRecord layer = packager.run(request(out).build()).manifest().layers().get(0);
        Path zip = out.resolve(layer.path());
        assertTrue(Files.isRegularFile(zip));
        Files.writeString(dir.resolve("repo/s3-2.1.jar"), "truncated download");
        PackagingException e = assertThrows(
                PackagingException.class, () -> packager.run(request(out).build()));
        assertTrue(e.getMessage().contains("software.amazon.awssdk:s3:2.1"), e.getMessage());
        assertFalse(Files.exists(zip), "the layer zip being written was removed");
        try (var files = Files.list(zip.getParent())) {
            assertEquals(List.of(), files.toList(), "nor left under its temporary name");
        }
    }

    private static byte[] entry(Path zip, String name) throws Exception {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    @Test
    void reactorModuleResolvedAsClassesFolderIsJarred() throws Exception {
        Path out = dir.resolve("out");
        Path sibling = dir.resolve("sibling/classes");
        Files.createDirectories(sibling.resolve("s"));
        Files.writeString(sibling.resolve("s/S.class"), "s");
        DependencyArtifact a = new DependencyArtifact(
                "ex",
                "sibling",
                "1.0-SNAPSHOT",
                "1.0-SNAPSHOT",
                "",
                "compile",
                sibling,
                List.of("ex:app:1.0", "ex:sibling:1.0-SNAPSHOT"),
                true);
        PackageManifest m = new LambdaPackager(BuildLog.silent())
                .run(PackageRequest.builder(project, out).artifact(a).build())
                .manifest();
        assertEquals(List.of("lib/sibling-1.0-SNAPSHOT.jar"), m.function().jars());
        assertTrue(m.layers().isEmpty());
    }

    private static List<String> names(Path zip) throws Exception {
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            return Collections.list(z.getEntries()).stream()
                    .map(ZipArchiveEntry::getName)
                    .collect(Collectors.toList());
        }
    }
}
