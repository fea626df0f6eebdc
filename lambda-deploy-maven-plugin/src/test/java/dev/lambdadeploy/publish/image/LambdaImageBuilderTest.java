package dev.lambdadeploy.publish.image;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.testing.DockerRegistry;
import dev.lambdadeploy.testing.LambdaBaseImages;
import dev.lambdadeploy.testing.RecordingLog;
import dev.lambdadeploy.testing.RegistryHttp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Builds and pushes images to a real docker-registry and checks them through the registry's HTTP API. */
class LambdaImageBuilderTest {
    private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    @RegisterExtension
    static final DockerRegistry REGISTRY = DockerRegistry.anonymous();

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static RegistryHttp http;
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void pushBaseImages() throws Exception {
        http = new RegistryHttp(REGISTRY.host());
        LambdaBaseImages.pushManifestList(REGISTRY.host(), null, null, shared);
    }

    private ImageRequest.Builder request(Path packageDir, String repository) {
        return ImageRequest.builder(packageDir)
                .handler(ImageTestPackages.HANDLER)
                .baseImage(new BaseImage.Registry(REGISTRY.host() + "/lambda/java:21"))
                .registry(REGISTRY.host())
                .repository(repository)
                .tag("1.0")
                .tag("abc1234")
                .allowInsecureRegistries(true)
                .cacheDirectory(dir.resolve("cache"));
    }

    @Test
    void pushesASinglePlatformLambdaImageWithLayersInChangeRateOrder() throws Exception {
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
        ImageResult r = new LambdaImageBuilder(log).build(request(pkg, "demo").build());

        RegistryHttp.Manifest m = http.manifest("demo", r.digest());
        assertEquals(DOCKER_MANIFEST, m.contentType(), "single-platform Docker V2.2 manifest, never a list");
        assertFalse(m.json().has("manifests"));
        assertEquals(r.digest(), m.digest());
        assertEquals(REGISTRY.host() + "/demo@" + r.digest(), r.imageUri());
        assertEquals(r.digest(), http.manifest("demo", "1.0").digest(), "tagged with the version");
        assertEquals(r.digest(), http.manifest("demo", "abc1234").digest(), "and the commit");

        JsonNode config = http.config("demo", m);
        assertEquals("amd64", config.path("architecture").asText());
        assertEquals("linux", config.path("os").asText());
        assertEquals(
                List.of(ImageTestPackages.HANDLER),
                strings(config.path("config").path("Cmd")));
        assertEquals(
                List.of("/lambda-entrypoint.sh"),
                strings(config.path("config").path("Entrypoint")),
                "entrypoint inherited from the base");
        assertEquals("/var/task", config.path("config").path("WorkingDir").asText());
        assertTrue(strings(config.path("config").path("Env")).contains("LAMBDA_TASK_ROOT=/var/task"));

        JsonNode layers = m.json().path("layers");
        assertEquals(1 + 4, layers.size(), "base layer + dependencies, snapshot-dependencies, resources, classes");
        assertEquals(
                List.of("base-1", "dependencies", "snapshot-dependencies", "resources", "classes"),
                r.layers().stream().map(ImageLayerReport::name).collect(Collectors.toList()));
        for (int i = 0; i < layers.size(); i++) {
            assertEquals(
                    layers.get(i).path("digest").asText(), r.layers().get(i).digest());
            assertEquals(layers.get(i).path("size").asLong(), r.layers().get(i).compressedBytes());
        }
        assertEquals(
                List.of("var/task/lib/lib-2.0.jar"),
                http.layerFiles("demo", r.layers().get(1).digest()));
        assertEquals(
                List.of("var/task/lib/core-1.0-SNAPSHOT.jar"),
                http.layerFiles("demo", r.layers().get(2).digest()));
        assertEquals(
                List.of("var/task/app.properties"),
                http.layerFiles("demo", r.layers().get(3).digest()));
        assertEquals(
                List.of("var/task/com/example/Handler.class"),
                http.layerFiles("demo", r.layers().get(4).digest()));
        assertEquals(2, r.cmd().size() + 1);
        assertTrue(r.layers().get(4).uncompressedBytes() == 2, "classes layer holds the 2-byte handler");
        assertEquals(-1, r.layers().get(0).uncompressedBytes(), "base layer size from a registry is compressed only");
        assertTrue(r.sizeForLimitBytes() > r.layers().get(1).uncompressedBytes());
    }

    @Test
    void sameInputsTwiceGiveTheSameDigestAndPushNothing() throws Exception {
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
        ImageResult first =
                new LambdaImageBuilder(log).build(request(pkg, "same").build());
        int mark = REGISTRY.uploadedBlobs().size();

        Path again = ImageTestPackages.packageProject(dir.resolve("other-checkout"), "v1", Architecture.X86_64);
        ImageResult second = new LambdaImageBuilder(log)
                .build(request(again, "same").cacheDirectory(dir.resolve("c2")).build());

        assertEquals(first.digest(), second.digest());
        assertEquals(List.of(), REGISTRY.uploadedBlobsSince(mark), "nothing uploaded the second time");
        assertEquals(0, second.pushedBytes());
        assertEquals(second.compressedBytes(), second.skippedBytes());
    }

    @Test
    void aClassesOnlyChangePushesOnlyTheClassesLayer() throws Exception {
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
        ImageResult before =
                new LambdaImageBuilder(log).build(request(pkg, "incremental").build());
        int mark = REGISTRY.uploadedBlobs().size();

        ImageTestPackages.packageProject(dir.resolve("p"), "v2-changed", Architecture.X86_64);
        ImageResult after =
                new LambdaImageBuilder(log).build(request(pkg, "incremental").build());

        assertNotEquals(before.digest(), after.digest());
        List<String> uploaded = REGISTRY.uploadedBlobsSince(mark);
        String classes = after.layers().get(4).digest();
        String config = http.manifest("incremental", after.digest())
                .json()
                .path("config")
                .path("digest")
                .asText();
        assertEquals(Set.of(classes, config), Set.copyOf(uploaded), "only the classes layer and the new config");
        assertEquals(2, uploaded.size());
        List<String> pushed = new ArrayList<>();
        after.layers().stream().filter(ImageLayerReport::pushed).forEach(l -> pushed.add(l.name()));
        assertEquals(List.of("classes"), pushed);
        assertEquals(after.layers().get(4).compressedBytes(), after.pushedBytes());
        for (int i = 0; i < 4; i++) {
            assertEquals(before.layers().get(i).digest(), after.layers().get(i).digest());
        }
    }

    @Test
    void arm64PicksTheArm64ImageFromTheBaseManifestListAndPushesASingleManifest() throws Exception {
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.ARM64);
        ImageResult r = new LambdaImageBuilder(log)
                .build(request(pkg, "arm").architecture(Architecture.ARM64).build());

        RegistryHttp.Manifest m = http.manifest("arm", r.digest());
        assertEquals(DOCKER_MANIFEST, m.contentType());
        assertEquals("arm64", http.config("arm", m).path("architecture").asText());
        assertEquals("arm64", r.architecture());
        assertEquals(
                http.manifest("lambda/java", "21-arm64")
                        .json()
                        .path("layers")
                        .get(0)
                        .path("digest")
                        .asText(),
                r.layers().get(0).digest(),
                "the arm64 base layer");
    }

    @Test
    void ociFormatPushesAnOciManifest() throws Exception {
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
        ImageResult r = new LambdaImageBuilder(log)
                .build(request(pkg, "oci-format").format(ImageFormat.OCI).build());
        assertEquals(OCI_MANIFEST, http.manifest("oci-format", r.digest()).contentType());
        assertEquals(OCI_MANIFEST, r.manifestMediaType());
    }

    @Test
    void baseImageFromADockerTarballOrAnOciLayoutBuildsOffline() throws Exception {
        Path docker = LambdaBaseImages.tar(dir.resolve("base-docker.tar"), "amd64", false, dir);
        Path oci = LambdaBaseImages.tar(dir.resolve("base-oci.tar"), "amd64", true, dir);
        Path layout = dir.resolve("layout");
        untar(oci, layout);
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);

        List<String> digests = new ArrayList<>();
        for (BaseImage base : List.of(
                new BaseImage.DockerTar(docker), new BaseImage.DockerTar(oci), new BaseImage.OciLayout(layout))) {
            ImageResult r = new LambdaImageBuilder(log)
                    .build(request(pkg, "local-base").baseImage(base).build());
            JsonNode config = http.config("local-base", http.manifest("local-base", r.digest()));
            assertEquals(
                    List.of("/lambda-entrypoint.sh"),
                    strings(config.path("config").path("Entrypoint")),
                    base.describe());
            assertEquals(
                    List.of(ImageTestPackages.HANDLER),
                    strings(config.path("config").path("Cmd")));
            assertEquals(5, r.layers().size());
            digests.add(r.digest());
        }
        assertEquals(1, Set.copyOf(digests).size(), "the same base in three forms gives the same image: " + digests);
    }

    private static void untar(Path tar, Path dir) throws Exception {
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                java.nio.file.Files.newInputStream(tar))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = dir.resolve(e.getName());
                java.nio.file.Files.createDirectories(target.getParent());
                if (e.isFile()) {
                    java.nio.file.Files.copy(in, target);
                }
            }
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
