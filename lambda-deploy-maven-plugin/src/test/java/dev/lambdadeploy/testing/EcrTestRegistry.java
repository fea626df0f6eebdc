package dev.lambdadeploy.testing;

import dev.lambdadeploy.budget.Budget;
import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.DeployRequest;
import dev.lambdadeploy.publish.image.BaseImage;
import dev.lambdadeploy.publish.image.EcrRepositories;
import dev.lambdadeploy.publish.image.ImageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real docker-registry standing in for ECR in image-mode tests, for one test class: behind basic auth with the
 * user and password moto's ECR hands out (GetAuthorizationToken), so the deploy engine goes the token path; the
 * Lambda base image {@code lambda/java:21} pushed as a manifest list like the real one; and Jib allowed to send those
 * credentials over plain HTTP (the registry is on loopback) while the class runs.
 * Register with {@code @RegisterExtension static final EcrTestRegistry REGISTRY = new EcrTestRegistry();}
 * next to a {@link MotoServer}.
 */
public final class EcrTestRegistry implements BeforeAllCallback, AfterAllCallback {
    /** The user of moto's ECR authorization token. */
    public static final String USER = "AWS";
    /** The password of moto's ECR authorization token (never to be seen in a log). */
    public static final String PASSWORD = MotoAws.ACCOUNT + "-auth-token";

    private static final String JIB_HTTP_CREDENTIALS = "sendCredentialsOverHttp";

    private final DockerRegistry registry = DockerRegistry.withBasicAuth(USER, PASSWORD);
    private Path work;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        registry.beforeAll(context);
        System.setProperty(JIB_HTTP_CREDENTIALS, "true");
        work = Files.createTempDirectory("lambda-base-image");
        LambdaBaseImages.pushManifestList(registry.host(), USER, PASSWORD, work);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        System.clearProperty(JIB_HTTP_CREDENTIALS);
        registry.afterAll(context);
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** {@code 127.0.0.1:port}, the registry part of image references. */
    public String host() {
        return registry.host();
    }

    /** See {@link DockerRegistry#uploadedBlobs()}. */
    public List<String> uploadedBlobs() throws IOException {
        return registry.uploadedBlobs();
    }

    /** See {@link DockerRegistry#uploadedBlobsSince(int)}. */
    public List<String> uploadedBlobsSince(int mark) throws IOException {
        return registry.uploadedBlobsSince(mark);
    }

    /** Registry HTTP API access with the ECR credentials. */
    public RegistryHttp http() {
        return new RegistryHttp(host(), USER, PASSWORD);
    }

    /**
     * An image-mode deploy through {@code moto} of the project packaged in {@code pkg} (by ImageTestPackages) to
     * {@code functions}, into {@link #imageSettings} without budgets; functions created with 512 MB.
     */
    public DeployRequest.Builder deployRequest(MotoAws moto, Path pkg, String... functions) {
        return moto.deployRequest(pkg, functions)
                .mode(DeployMode.IMAGE)
                .image(imageSettings(List.of()))
                .function(moto.functionSettings().memorySize(512).build());
    }

    /**
     * Image mode into repository {@code orders} of this registry (plain HTTP allowed), built on the base image pushed
     * here, ECR repository settings scan-on-push and keep the newest 10, with {@code budgets}.
     */
    public ImageSettings imageSettings(List<Budget> budgets) {
        return new ImageSettings(
                "orders",
                host(),
                new BaseImage.Registry(host() + "/lambda/java:21"),
                true,
                new EcrRepositories.Settings(true, 10),
                null,
                budgets);
    }
}
