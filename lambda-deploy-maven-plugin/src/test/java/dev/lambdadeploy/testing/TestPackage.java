package dev.lambdadeploy.testing;

import dev.lambdadeploy.assemble.Hashes;
import dev.lambdadeploy.manifest.ManifestIO;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ProjectInfo;
import dev.lambdadeploy.manifest.ZipRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes what lambda:package leaves in target/lambda: layer zips, function.zip and a manifest whose CodeSha256
 * values match the files, so the deploy engine can be tested without running the packager.
 */
public final class TestPackage {
    private final Path dir;
    private final Map<String, byte[]> layers = new LinkedHashMap<>();
    private byte[] function = "class Handler {}".getBytes(StandardCharsets.UTF_8);
    private String architecture = "x86_64";

    public TestPackage(Path dir) {
        this.dir = dir;
    }

    public TestPackage layer(String name, String jarContent) {
        return layer(name, jarContent.getBytes(StandardCharsets.UTF_8));
    }

    public TestPackage layer(String name, byte[] jarContent) {
        layers.put(name, jarContent);
        return this;
    }

    public TestPackage function(String classContent) {
        function = classContent.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public TestPackage architecture(String arch) {
        architecture = arch;
        return this;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Writes version {@code n} of the usual test package: layer {@code deps} and the function, both changed with
     * every version. Returns the manifest.
     */
    public PackageManifest writeVersion(int n) throws IOException {
        return layer("deps", "jackson v" + n).function("handler v" + n).write();
    }

    /** Reads the manifest as written last (or as the deploy rewrote it). */
    public PackageManifest manifest() throws IOException {
        return ManifestIO.read(dir.resolve(PackageManifest.FILE_NAME));
    }

    /** Writes zips and manifest; returns the manifest. */
    public PackageManifest write() throws IOException {
        Files.createDirectories(dir.resolve("layers"));
        List<ZipRecord> layerRecords = new ArrayList<>();
        for (Map.Entry<String, byte[]> l : layers.entrySet()) {
            layerRecords.add(
                    zip(l.getKey(), "layers/" + l.getKey() + ".zip", "java/lib/" + l.getKey() + ".jar", l.getValue()));
        }
        ZipRecord fn = zip("function", "function.zip", "com/example/Handler.class", function);
        PackageManifest m = new PackageManifest(
                PackageManifest.SCHEMA_VERSION,
                "test",
                new ProjectInfo("com.example", "demo", "1.0"),
                architecture,
                "2026-01-01T00:00:00Z",
                "key",
                fn,
                layerRecords,
                List.of());
        ManifestIO.write(m, dir.resolve(PackageManifest.FILE_NAME));
        return m;
    }

    private ZipRecord zip(String name, String path, String entry, byte[] content) throws IOException {
        Path file = dir.resolve(path);
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e = new ZipEntry(entry);
            e.setTime(0);
            if (content.length > 1024 * 1024) {
                zip.setLevel(0); // big test payloads are random anyway
            }
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
        }
        return new ZipRecord(
                name,
                path,
                Files.size(file),
                content.length,
                Hashes.codeSha256(file),
                1,
                0,
                1,
                List.of(entry),
                false,
                "inputs-" + name);
    }
}
