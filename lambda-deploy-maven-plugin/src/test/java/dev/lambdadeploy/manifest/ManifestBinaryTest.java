package dev.lambdadeploy.manifest;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestBinaryTest {
    private static PackageManifest read(byte[] bytes) throws IOException {
        return ManifestBinary.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void readsBackEveryComponent() throws Exception {
        PackageManifest sample = ManifestIOTest.sample();
        assertEquals(sample, read(ManifestBinary.toBytes(sample)));

        // nulls where the records allow them, and text beyond ASCII
        PackageManifest sparse = new PackageManifest(
                1,
                null,
                null,
                "arm64",
                "2026-01-01T00:00:00Z",
                "s",
                null,
                List.of(),
                List.of(JarRecord.builder("g", "ünïcode-名前", "1").build()));
        assertEquals(sparse, read(ManifestBinary.toBytes(sparse)));
    }

    @Test
    void rejectsAnythingElse() {
        byte[] good = ManifestBinary.toBytes(ManifestIOTest.sample());
        assertThrows(IOException.class, () -> read(Arrays.copyOf(good, good.length - 1)));
        assertThrows(IOException.class, () -> read(Arrays.copyOf(good, good.length + 1)));
        byte[] otherFormat = good.clone();
        otherFormat[7]++;
        assertThrows(IOException.class, () -> read(otherFormat));
        assertThrows(
                IOException.class,
                () -> read("{\"schemaVersion\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void theContentKeyIgnoresOnlyWhichZipsWereReused() {
        PackageManifest sample = ManifestIOTest.sample();
        String key = ManifestBinary.contentKey(ManifestBinary.content(sample));
        assertEquals(key, ManifestBinary.contentKey(ManifestBinary.content(sample.withAllZipsReused())));
        assertTrue(sample.layers().stream().anyMatch(z -> !z.reused()), "the sample has a zip built in its run");

        JarRecord a = sample.jars().get(0);
        JarRecord fewerRemoved = JarRecord.builder(a.groupId(), a.artifactId(), a.version())
                .scope(a.scope())
                .dependencyPath(a.dependencyPath())
                .placed(a.target(), a.zipEntry())
                .bytes(a.originalBytes(), a.finalBytes())
                .removed(List.of(new Removal("maven-metadata", 2, 100)))
                .build();
        PackageManifest changed = new PackageManifest(
                sample.schemaVersion(),
                sample.pluginVersion(),
                sample.project(),
                sample.architecture(),
                sample.outputTimestamp(),
                sample.settingsKey(),
                sample.function(),
                sample.layers(),
                List.of(fewerRemoved, sample.jars().get(1)));
        assertNotEquals(key, ManifestBinary.contentKey(ManifestBinary.content(changed)));
    }
}
