package dev.lambdadeploy.publish.image;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.testing.DockerRegistry;
import dev.lambdadeploy.testing.LambdaBaseImages;
import dev.lambdadeploy.testing.MotoServer;
import dev.lambdadeploy.testing.RecordingLog;
import dev.lambdadeploy.testing.RegistryHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * The credential path end to end: the real SDK asks moto's ECR for a token, the token goes to Jib, and a real
 * docker-registry behind basic auth (htpasswd, bcrypt) accepts exactly that user and password. Plain HTTP on
 * loopback needs Jib's -DsendCredentialsOverHttp=true, set for this class only.
 */
class EcrImagePublisherTest {
    /** moto's GetAuthorizationToken password for its default account. */
    private static final String ECR_PASSWORD = "123456789012-auth-token";

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    static final DockerRegistry REGISTRY = DockerRegistry.withBasicAuth("AWS", ECR_PASSWORD);

    @RegisterExtension
    static final DockerRegistry OTHER_PASSWORD = DockerRegistry.withBasicAuth("AWS", "not-the-ecr-token");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static EcrClient ecr;
    private static Path baseTar;
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void setUp() throws Exception {
        System.setProperty("sendCredentialsOverHttp", "true");
        LambdaBaseImages.pushManifestList(REGISTRY.host(), "AWS", ECR_PASSWORD, shared);
        baseTar = LambdaBaseImages.tar(shared.resolve("base.tar"), "amd64", false, shared);
        ecr = EcrClient.builder()
                .endpointOverride(MOTO.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create())
                .build();
    }

    @AfterAll
    static void tearDown() {
        System.clearProperty("sendCredentialsOverHttp");
        ecr.close();
    }

    @BeforeEach
    void reset() throws Exception {
        MOTO.reset();
    }

    @AfterEach
    void restoreProperty() {
        System.setProperty("sendCredentialsOverHttp", "true");
    }

    private ImageRequest request(Path pkg, BaseImage base) {
        return ImageRequest.builder(pkg)
                .handler(ImageTestPackages.HANDLER)
                .baseImage(base)
                .repository("orders")
                .tag("1.0")
                .allowInsecureRegistries(true)
                .cacheDirectory(dir.resolve("cache"))
                .build();
    }

    @Test
    void createsTheRepositoryLogsInWithTheEcrTokenAndPushes() throws Exception {
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
        EcrImagePublisher publisher = new EcrImagePublisher(ecr, log);
        EcrImagePublisher.Published first = publisher.publish(
                request(pkg, new BaseImage.Registry(REGISTRY.host() + "/lambda/java:21")),
                new EcrRepositories.Settings(true, 5),
                REGISTRY.host());

        assertTrue(first.repository().created());
        var described = ecr.describeRepositories(b -> b.repositoryNames("orders"))
                .repositories()
                .get(0);
        assertTrue(described.imageScanningConfiguration().scanOnPush());
        assertEquals(
                EcrRepositories.lifecyclePolicy(5),
                ecr.getLifecyclePolicy(b -> b.repositoryName("orders")).lifecyclePolicyText());
        assertEquals(
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders",
                first.repository().uri());

        RegistryHttp http = new RegistryHttp(REGISTRY.host(), "AWS", ECR_PASSWORD);
        assertEquals(first.image().digest(), http.manifest("orders", "1.0").digest());
        assertEquals(
                REGISTRY.host() + "/orders@" + first.image().digest(),
                first.image().imageUri());

        int mark = REGISTRY.uploadedBlobs().size();
        EcrImagePublisher.Published second = publisher.publish(
                request(pkg, new BaseImage.Registry(REGISTRY.host() + "/lambda/java:21")),
                new EcrRepositories.Settings(true, 5),
                REGISTRY.host());
        assertFalse(second.repository().created(), "existing repository reused");
        assertEquals(first.image().digest(), second.image().digest());
        assertEquals(java.util.List.of(), REGISTRY.uploadedBlobsSince(mark));

        String token = Base64.getEncoder().encodeToString(("AWS:" + ECR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertFalse(log.text().contains(ECR_PASSWORD), "the ECR password never reaches the log");
        assertFalse(log.text().contains(token), "nor the token");
        assertTrue(log.text().contains("Created ECR repository"), log.text());
    }

    @Test
    void aRegistryThatRefusesTheTokenFailsWithTheFix() throws Exception {
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
        ImageException e = assertThrows(
                ImageException.class,
                () -> new EcrImagePublisher(ecr, log)
                        .publish(
                                request(pkg, new BaseImage.DockerTar(baseTar)),
                                new EcrRepositories.Settings(true, null),
                                OTHER_PASSWORD.host()));
        assertTrue(e.getMessage().contains("refused access to " + OTHER_PASSWORD.host() + "/orders"), e.getMessage());
        assertTrue(e.getMessage().contains("ecr:GetAuthorizationToken"), e.getMessage());
        assertFalse(e.getMessage().contains(ECR_PASSWORD));
        assertFalse(log.text().contains(ECR_PASSWORD));
    }

    @Test
    void credentialsOverPlainHttpNeedJibsExplicitSwitch() throws Exception {
        System.clearProperty("sendCredentialsOverHttp");
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
        ImageException e = assertThrows(
                ImageException.class,
                () -> new EcrImagePublisher(ecr, log)
                        .publish(
                                request(pkg, new BaseImage.DockerTar(baseTar)),
                                new EcrRepositories.Settings(false, null),
                                REGISTRY.host()));
        assertTrue(e.getMessage().contains("-DsendCredentialsOverHttp=true"), e.getMessage());
    }
}
