package dev.lambdadeploy.manifest;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestIOTest {
    @TempDir
    Path dir;

    static PackageManifest sample() {
        ZipRecord function =
                new ZipRecord("function", "function.zip", 675, 829, "UKTU7zv1=", 2, 0, 1, List.of(), true, "255ea1");
        ZipRecord layer = new ZipRecord(
                "deps",
                "layers/deps.zip",
                123,
                456,
                "tSO5Km=",
                3,
                1,
                2,
                List.of("java/lib/a-1.jar", "java/lib/b-2.jar"),
                false,
                "k2");
        JarRecord a = JarRecord.builder("g", "a", "1")
                .scope("compile")
                .dependencyPath(List.of("ex:app:1.0", "g:a:1"))
                .placed("layer:deps", "java/lib/a-1.jar")
                .bytes(1000, 900)
                .removed(List.of(new Removal("maven-metadata", 2, 100), new Removal("source-file", 1, 50)))
                .build();
        JarRecord b = JarRecord.builder("g", "b", "2")
                .classifier("linux-x86_64")
                .scope("runtime")
                .dependencyPath(List.of())
                .placed("layer:deps", "java/lib/b-2.jar")
                .bytes(5, 5)
                .signed(true)
                .snapshot(true)
                .reactor(true)
                .removed(List.of())
                .build();
        return new PackageManifest(
                1,
                "0.1.0",
                new ProjectInfo("ex", "app", "1.0"),
                "x86_64",
                "2026-01-01T00:00:00Z",
                "settings",
                function,
                List.of(layer),
                List.of(a, b));
    }

    @Test
    void roundTripsAndWritesWhatDataBindingWrote() throws Exception {
        Path file = dir.resolve("lambda-package.json");
        ManifestIO.write(sample(), file);
        assertEquals(sample(), ManifestIO.read(file));
        // The streaming writer keeps the file exactly as it was when written by data binding (other tools read it).
        String bound =
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(sample());
        assertEquals(bound, Files.readString(file));
        assertEquals(sample(), ManifestIO.read(file));
    }

    @Test
    void unknownFieldsAreIgnoredAndWrongTypesMakeTheManifestUnusable() throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(
                file,
                "{\"schemaVersion\": 1, \"later\": {\"x\": [1, 2.5, null, true]}, \"layers\": [],"
                        + " \"settingsKey\": \"s\"}");
        PackageManifest m = ManifestIO.readIfUsable(file).orElseThrow();
        assertEquals("s", m.settingsKey());
        assertNull(m.function());
        assertEquals(List.of(), m.jars());

        Files.writeString(file, "{\"schemaVersion\": 1, \"layers\": {\"not\": \"a list\"}}");
        assertTrue(ManifestIO.readIfUsable(file).isEmpty());
        Files.writeString(file, "{\"schemaVersion\": 1, \"layers\": [");
        assertTrue(ManifestIO.readIfUsable(file).isEmpty());
        Files.writeString(file, "{\"schemaVersion\": 2}");
        assertTrue(ManifestIO.readIfUsable(file).isEmpty(), "another schema");
    }
}
