package dev.lambdadeploy.publish.image;

import dev.lambdadeploy.log.BuildLog;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * Image deploy up to the registry: makes sure the ECR repository exists, logs in with an ECR token and has
 * {@link LambdaImageBuilder} build and push. {@code registryOverride} sends the push to another host (a local
 * registry in tests, a pull-through proxy) while the token still comes from ECR.
 */
public final class EcrImagePublisher {
    private final EcrRepositories repositories;
    private final LambdaImageBuilder builder;

    public EcrImagePublisher(EcrClient ecr, BuildLog log) {
        this.repositories = new EcrRepositories(ecr, log);
        this.builder = new LambdaImageBuilder(log);
    }

    /** The repository the image went to, and the pushed image. */
    public record Published(EcrRepositories.Repository repository, ImageResult image) {}

    /**
     * @param request everything but the registry and its credentials, which come from ECR (or the override)
     */
    public Published publish(ImageRequest request, EcrRepositories.Settings settings, String registryOverride) {
        EcrRepositories.Repository repository = repositories.ensure(request.repository(), settings);
        EcrRepositories.Login login = repositories.login(repository);
        String host = registryOverride == null || registryOverride.isBlank() ? login.registryHost() : registryOverride;
        return new Published(repository, builder.build(request.withTarget(host, login.credentials())));
    }
}
