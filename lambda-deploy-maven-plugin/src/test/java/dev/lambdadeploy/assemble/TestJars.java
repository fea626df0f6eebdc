package dev.lambdadeploy.assemble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small jars for tests; entries written in the given order with given text content. */
final class TestJars {
    private TestJars() {}

    static Path jar(Path dir, String fileName, Map<String, String> entries) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve(fileName);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTime(0);
                out.putNextEntry(ze);
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    static DependencyArtifact artifact(String g, String a, String v, Path file) {
        return new DependencyArtifact(
                g, a, v, v, "", "compile", file, List.of("ex:app:1.0", g + ":" + a + ":" + v), false);
    }

    static String big(int n) {
        return "x".repeat(n);
    }
}
