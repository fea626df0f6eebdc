package dev.lambdadeploy.testing;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Stand-ins for public.ecr.aws/lambda/java built offline with Jib: one layer with /lambda-entrypoint.sh and a
 * marker file, and the config the real base has (Entrypoint, WorkingDir /var/task, the Lambda environment).
 */
public final class LambdaBaseImages {
    public static final Map<String, String> ENV = Map.of(
            "LAMBDA_TASK_ROOT", "/var/task",
            "LAMBDA_RUNTIME_DIR", "/var/runtime",
            "LANG", "en_US.UTF-8",
            "TZ", ":/etc/localtime");

    private LambdaBaseImages() {}

    /** Pushes a single-platform base (architecture amd64 or arm64); returns its manifest digest. */
    public static String push(String reference, String architecture, String user, String password, Path work)
            throws Exception {
        RegistryImage target = RegistryImage.named(reference);
        if (user != null) {
            target.addCredential(user, password);
        }
        return builder(architecture, work)
                .containerize(Containerizer.to(target)
                        .setAllowInsecureRegistries(true)
                        .setBaseImageLayersCache(work.resolve("cache"))
                        .setApplicationLayersCache(work.resolve("cache")))
                .getDigest()
                .toString();
    }

    /**
     * Pushes {@code lambda/java:21} as the real one is, a manifest list of an amd64 and an arm64 image (also tagged
     * {@code 21-amd64} and {@code 21-arm64}).
     */
    public static void pushManifestList(String host, String user, String password, Path work) throws Exception {
        RegistryHttp http = new RegistryHttp(host, user, password);
        StringBuilder entries = new StringBuilder();
        for (String arch : new String[] {"amd64", "arm64"}) {
            String digest = push(host + "/lambda/java:21-" + arch, arch, user, password, work);
            RegistryHttp.Manifest m = http.manifest("lambda/java", digest);
            entries.append(entries.length() == 0 ? "" : ",")
                    .append("{\"mediaType\":\"")
                    .append(m.contentType())
                    .append("\",\"size\":")
                    .append(m.size())
                    .append(",\"digest\":\"")
                    .append(digest)
                    .append("\",\"platform\":{\"architecture\":\"")
                    .append(arch)
                    .append("\",\"os\":\"linux\"}}");
        }
        String list = "application/vnd.docker.distribution.manifest.list.v2+json";
        http.putManifest(
                "lambda/java",
                "21",
                list,
                "{\"schemaVersion\":2,\"mediaType\":\"" + list + "\",\"manifests\":[" + entries + "]}");
    }

    /** Writes the base as a tarball: docker-save form, or with {@code oci} an OCI archive (index.json, blobs/). */
    public static Path tar(Path file, String architecture, boolean oci, Path work) throws Exception {
        builder(architecture, work)
                .setFormat(oci ? ImageFormat.OCI : ImageFormat.Docker)
                .containerize(Containerizer.to(TarImage.at(file).named("lambda/java:21"))
                        .setBaseImageLayersCache(work.resolve("cache"))
                        .setApplicationLayersCache(work.resolve("cache")));
        return file;
    }

    private static JibContainerBuilder builder(String architecture, Path work) throws Exception {
        Path files = work.resolve("base-" + architecture);
        Files.createDirectories(files);
        Path entrypoint = Files.writeString(
                files.resolve("lambda-entrypoint.sh"),
                "#!/bin/sh\nexec /usr/local/bin/aws-lambda-rie /var/lang/bin/java \"$@\"\n");
        Path marker = Files.writeString(files.resolve("arch"), architecture + "\n");
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        return Jib.fromScratch()
                .setPlatforms(Set.of(new Platform(architecture, "linux")))
                .addFileEntriesLayer(FileEntriesLayer.builder()
                        .setName("runtime")
                        .addEntry(
                                entrypoint,
                                AbsoluteUnixPath.get("/lambda-entrypoint.sh"),
                                FilePermissions.fromOctalString("755"),
                                t)
                        .addEntry(
                                marker,
                                AbsoluteUnixPath.get("/var/runtime/arch"),
                                FilePermissions.fromOctalString("644"),
                                t)
                        .build())
                .setEntrypoint("/lambda-entrypoint.sh")
                .setWorkingDirectory(AbsoluteUnixPath.get("/var/task"))
                .setEnvironment(ENV)
                .setCreationTime(t);
    }
}
