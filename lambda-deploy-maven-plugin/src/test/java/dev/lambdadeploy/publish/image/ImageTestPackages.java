package dev.lambdadeploy.publish.image;

import dev.lambdadeploy.assemble.DependencyArtifact;
import dev.lambdadeploy.assemble.LambdaPackager;
import dev.lambdadeploy.assemble.PackageRequest;
import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.manifest.ProjectInfo;
import dev.lambdadeploy.testing.MotoAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small project packaged by the real {@link LambdaPackager}: a released dependency (layer), a SNAPSHOT dependency
 * (function lib/), a class and a resource, so every image layer has something in it.
 */
public final class ImageTestPackages {
    public static final String HANDLER = MotoAws.HANDLER;

    private ImageTestPackages() {}

    /** Packages into {@code project/target/lambda} and returns that folder; {@code code} is the handler's "bytecode". */
    public static Path packageProject(Path project, String code, Architecture architecture) throws IOException {
        Path classes = project.resolve("classes");
        Files.createDirectories(classes.resolve("com/example"));
        Files.writeString(classes.resolve("com/example/Handler.class"), code);
        Files.writeString(classes.resolve("app.properties"), "greeting=hello\n");
        Path repo = project.resolve("repo");
        DependencyArtifact released = new DependencyArtifact(
                "org.lib",
                "lib",
                "2.0",
                "2.0",
                "",
                "compile",
                jar(repo.resolve("lib-2.0.jar"), Map.of("org/lib/Lib.class", "lib ".repeat(5000))),
                List.of("com.example:demo:1.0", "org.lib:lib:2.0"),
                false);
        DependencyArtifact snapshot = new DependencyArtifact(
                "com.example",
                "core",
                "1.0-20260101.000000-1",
                "1.0-SNAPSHOT",
                "",
                "compile",
                jar(repo.resolve("core.jar"), Map.of("com/example/core/Core.class", "core")),
                List.of("com.example:demo:1.0", "com.example:core:1.0-SNAPSHOT"),
                false);
        Path out = project.resolve("target/lambda");
        new LambdaPackager(BuildLog.silent())
                .run(PackageRequest.builder(new ProjectInfo("com.example", "demo", "1.0"), out)
                        .classesDirectory(classes)
                        .artifacts(List.of(released, snapshot))
                        .architecture(architecture)
                        .outputTimestamp(Instant.parse("2026-01-01T00:00:00Z"))
                        .parallelism(1)
                        .build());
        return out;
    }

    private static Path jar(Path file, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTime(0);
                out.putNextEntry(ze);
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }
}
