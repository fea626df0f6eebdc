package dev.lambdadeploy.publish.image;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.testing.DockerRegistry;
import dev.lambdadeploy.testing.LambdaBaseImages;
import dev.lambdadeploy.testing.RecordingLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bad input fails before anything is deployed, with a message that names what to fix. */
class ImageFailuresTest {
    @RegisterExtension
    static final DockerRegistry REGISTRY = DockerRegistry.anonymous();

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path amd64Tar;
    private static Path arm64Tar;
    private Path pkg;

    @BeforeAll
    static void bases() throws Exception {
        LambdaBaseImages.pushManifestList(REGISTRY.host(), null, null, shared);
        amd64Tar = LambdaBaseImages.tar(shared.resolve("amd64.tar"), "amd64", false, shared);
        arm64Tar = LambdaBaseImages.tar(shared.resolve("arm64.tar"), "arm64", false, shared);
    }

    @BeforeEach
    void packageIt() throws IOException {
        pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
    }

    private ImageRequest.Builder request(String base) {
        return ImageRequest.builder(pkg)
                .handler(ImageTestPackages.HANDLER)
                .baseImage(new BaseImage.Registry(base))
                .registry(REGISTRY.host())
                .repository("failures")
                .tag("1.0")
                .allowInsecureRegistries(true)
                .cacheDirectory(dir.resolve("cache"));
    }

    private ImageException fails(ImageRequest request) {
        return assertThrows(ImageException.class, () -> new LambdaImageBuilder(new RecordingLog()).build(request));
    }

    @Test
    void unknownBaseImage() {
        ImageException e = fails(request(REGISTRY.host() + "/lambda/java:99").build());
        assertEquals(BaseImage.ELEMENT, e.element());
        assertTrue(
                e.getMessage().contains("the base image " + REGISTRY.host() + "/lambda/java:99 does not exist"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Check the repository and tag"), e.getMessage());
    }

    @Test
    void unreachableTargetRegistry() throws IOException {
        String closed = "127.0.0.1:" + closedPort();
        ImageException e = fails(request("unused")
                .baseImage(new BaseImage.DockerTar(amd64Tar))
                .registry(closed)
                .build());
        assertEquals(JibErrors.REGISTRY_ELEMENT, e.element());
        assertTrue(
                e.getMessage().contains("cannot reach the registry " + closed + " to push " + closed + "/failures"),
                e.getMessage());
        assertTrue(e.getMessage().contains("that the registry is running"), e.getMessage());
    }

    @Test
    void unreachableBaseImageRegistry() throws IOException {
        String closed = "127.0.0.1:" + closedPort();
        ImageException e = fails(request(closed + "/lambda/java:21").build());
        assertEquals(BaseImage.ELEMENT, e.element());
        assertTrue(
                e.getMessage().contains("cannot reach the registry " + closed + " of the base image"), e.getMessage());
        assertTrue(e.getMessage().contains("use a local base (tar:... or oci:...)"), e.getMessage());
    }

    @Test
    void arm64FunctionOnAnAmd64OnlyBase() throws IOException {
        Path arm = ImageTestPackages.packageProject(dir.resolve("arm"), "v1", Architecture.ARM64);
        ImageException e = fails(ImageRequest.builder(arm)
                .handler(ImageTestPackages.HANDLER)
                .architecture(Architecture.ARM64)
                .baseImage(new BaseImage.Registry(REGISTRY.host() + "/lambda/java:21-amd64"))
                .registry(REGISTRY.host())
                .repository("failures")
                .tag("1.0")
                .allowInsecureRegistries(true)
                .cacheDirectory(dir.resolve("cache"))
                .build());
        assertEquals(BaseImage.ELEMENT, e.element());
        assertTrue(e.getMessage().contains("is built for linux/amd64, not linux/arm64"), e.getMessage());
        assertTrue(e.getMessage().contains("<architecture> is arm64"), e.getMessage());
    }

    /** Jib itself lets this one through (it takes amd64 as "not configured"); the plugin must not. */
    @Test
    void x86FunctionOnAnArm64OnlyBase() {
        ImageException e =
                fails(request(REGISTRY.host() + "/lambda/java:21-arm64").build());
        assertTrue(e.getMessage().contains("is built for linux/arm64, not linux/amd64"), e.getMessage());
        ImageException local = fails(
                request("unused").baseImage(new BaseImage.DockerTar(arm64Tar)).build());
        assertTrue(
                local.getMessage().contains("tar:" + arm64Tar + " is built for linux/arm64, not linux/amd64"),
                local.getMessage());
    }

    @Test
    void plainHttpRegistryWithoutAllowInsecure() {
        ImageException e = fails(request("unused")
                .baseImage(new BaseImage.DockerTar(amd64Tar))
                .allowInsecureRegistries(false)
                .build());
        assertEquals(JibErrors.INSECURE_ELEMENT, e.element());
        assertTrue(e.getMessage().contains("-Dlambda.image.allowInsecureRegistries=true"), e.getMessage());
        ImageException base = fails(request(REGISTRY.host() + "/lambda/java:21")
                .allowInsecureRegistries(false)
                .build());
        assertEquals(JibErrors.INSECURE_ELEMENT, base.element());
    }

    @Test
    void packageBuiltForAnotherArchitecture() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> new LambdaImageBuilder(new RecordingLog())
                        .build(request(REGISTRY.host() + "/lambda/java:21")
                                .architecture(Architecture.ARM64)
                                .build()));
        assertTrue(e.getMessage().contains("was built for x86_64 but the image is for arm64"), e.getMessage());
    }

    @Test
    void noPackage() {
        ImageException e = fails(ImageRequest.builder(dir.resolve("empty"))
                .handler("h")
                .registry(REGISTRY.host())
                .repository("failures")
                .tag("1.0")
                .build());
        assertTrue(e.getMessage().contains("Run `mvn package`"), e.getMessage());
    }

    @Test
    void missingBaseTarballAndBadRepositoryName() {
        ImageException e = fails(request("unused")
                .baseImage(new BaseImage.DockerTar(dir.resolve("nope.tar")))
                .build());
        assertTrue(e.getMessage().contains("nope.tar does not exist"), e.getMessage());
        ConfigException c = assertThrows(
                ConfigException.class,
                () -> new LambdaImageBuilder(new RecordingLog())
                        .build(request("unused").repository("Bad Name").build()));
        assertEquals("<imageRepository> (lambda.image.repository)", c.element());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
