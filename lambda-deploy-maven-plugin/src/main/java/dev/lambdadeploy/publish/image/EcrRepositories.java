package dev.lambdadeploy.publish.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdadeploy.log.BuildLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.EncryptionType;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * The ECR side of an image deploy: the repository (created when absent, scan on push, optionally a lifecycle policy
 * that keeps the newest N images) and the registry login from GetAuthorizationToken. The token only ever goes to
 * Jib and the registry check, never to the log.
 */
public final class EcrRepositories {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EcrClient ecr;
    private final BuildLog log;

    public EcrRepositories(EcrClient ecr, BuildLog log) {
        this.ecr = ecr;
        this.log = log;
    }

    /**
     * How a repository the plugin creates is set up; {@code keepNewestImages} null means no lifecycle policy. Created
     * repositories are always encrypted: with {@code kmsKey} (SSE-KMS) when set, else AES256; {@code immutableTags}
     * makes their tags immutable. {@code registryId} is the account whose registry is meant (null: the caller's),
     * named in every ECR call.
     */
    public record Settings(
            boolean scanOnPush, Integer keepNewestImages, boolean immutableTags, String kmsKey, String registryId) {
        public Settings {
            if (keepNewestImages != null && keepNewestImages < 1) {
                throw new dev.lambdadeploy.config.ConfigException(
                        "<keepNewestImages> (lambda.image.keepNewestImages)",
                        "must be at least 1 (it was " + keepNewestImages + "); leave it out to keep every image.");
            }
            kmsKey = kmsKey == null || kmsKey.isBlank() ? null : kmsKey.trim();
        }

        public Settings(boolean scanOnPush, Integer keepNewestImages) {
            this(scanOnPush, keepNewestImages, false, null, null);
        }

        /** The same settings, naming the registry of {@code account} (unless one is configured). */
        public Settings inRegistry(String account) {
            return new Settings(
                    scanOnPush, keepNewestImages, immutableTags, kmsKey, registryId != null ? registryId : account);
        }
    }

    /** An ECR repository: {@code uri} is {@code <registry host>/<name>}. */
    public record Repository(String name, String uri, String registryId, boolean created) {
        public String registryHost() {
            return uri.substring(0, uri.indexOf('/'));
        }
    }

    /** A registry login: the host the token is for and the credentials Jib sends. */
    public record Login(String registryHost, RegistryCredentials credentials) {}

    public Repository ensure(String name, Settings settings) {
        Repository repo;
        try {
            var r = ecr.describeRepositories(b -> b.repositoryNames(name).registryId(settings.registryId()))
                    .repositories()
                    .get(0);
            repo = new Repository(name, r.repositoryUri(), r.registryId(), false);
        } catch (RepositoryNotFoundException e) {
            try {
                var r = call(
                        "CreateRepository",
                        name,
                        () -> ecr.createRepository(b -> b.repositoryName(name)
                                        .registryId(settings.registryId())
                                        .imageScanningConfiguration(s -> s.scanOnPush(settings.scanOnPush()))
                                        .imageTagMutability(
                                                settings.immutableTags()
                                                        ? ImageTagMutability.IMMUTABLE
                                                        : ImageTagMutability.MUTABLE)
                                        .encryptionConfiguration(c -> {
                                            if (settings.kmsKey() != null) {
                                                c.encryptionType(EncryptionType.KMS)
                                                        .kmsKey(settings.kmsKey());
                                            } else {
                                                c.encryptionType(EncryptionType.AES256);
                                            }
                                        }))
                                .repository());
                repo = new Repository(name, r.repositoryUri(), r.registryId(), true);
                log.info("Created ECR repository " + r.repositoryUri() + " (encrypted with "
                        + (settings.kmsKey() != null ? "KMS key " + settings.kmsKey() : "AES256")
                        + (settings.immutableTags() ? ", immutable tags" : "")
                        + (settings.scanOnPush() ? ", scan on push" : "") + ")");
            } catch (ImageException exists) {
                if (!(exists.getCause() instanceof RepositoryAlreadyExistsException)) {
                    throw exists;
                }
                // created meanwhile by a parallel build or pipeline: use it
                var r = ecr.describeRepositories(
                                b -> b.registryId(settings.registryId()).repositoryNames(name))
                        .repositories()
                        .get(0);
                repo = new Repository(name, r.repositoryUri(), r.registryId(), false);
            }
        } catch (SdkException e) {
            throw failed("DescribeRepositories", name, e);
        }
        if (settings.keepNewestImages() != null) {
            applyLifecyclePolicy(name, repo.registryId(), settings.keepNewestImages());
        }
        return repo;
    }

    /** GetAuthorizationToken for the repository's registry. */
    public Login login(Repository repository) {
        AuthorizationData data = call(
                "GetAuthorizationToken",
                repository.name(),
                () -> ecr.getAuthorizationToken(b -> b.registryIds(repository.registryId()))
                        .authorizationData()
                        .get(0));
        String decoded = new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new ImageException(
                    null,
                    "ECR returned an authorization token without user:password; cannot log in " + "to the registry of "
                            + repository.uri() + ".");
        }
        String endpoint = data.proxyEndpoint() == null
                ? repository.registryHost()
                : data.proxyEndpoint().replaceFirst("^https?://", "").replaceFirst("/+$", "");
        return new Login(endpoint, new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** The lifecycle policy that expires all but the newest {@code keep} images. */
    static String lifecyclePolicy(int keep) {
        return "{\"rules\":[{\"rulePriority\":1,\"description\":\"lambda-deploy: keep the newest " + keep
                + " images\",\"selection\":{\"tagStatus\":\"any\",\"countType\":\"imageCountMoreThan\",\"countNumber\":"
                + keep + "},\"action\":{\"type\":\"expire\"}}]}";
    }

    private void applyLifecyclePolicy(String name, String registryId, int keep) {
        String wanted = lifecyclePolicy(keep);
        try {
            String current = ecr.getLifecyclePolicy(b -> b.repositoryName(name).registryId(registryId))
                    .lifecyclePolicyText();
            if (JSON.readTree(current).equals(JSON.readTree(wanted))) {
                return;
            }
        } catch (LifecyclePolicyNotFoundException e) {
            // none yet
        } catch (IOException e) {
            log.debug("Unreadable lifecycle policy on " + name + ", replacing it: " + e.getMessage());
        } catch (SdkException e) {
            throw failed("GetLifecyclePolicy", name, e);
        }
        call(
                "PutLifecyclePolicy",
                name,
                () -> ecr.putLifecyclePolicy(
                        b -> b.repositoryName(name).registryId(registryId).lifecyclePolicyText(wanted)));
        log.info("ECR repository " + name + ": lifecycle policy keeps the newest " + keep + " images");
    }

    private static <T> T call(String operation, String repository, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw failed(operation, repository, e);
        }
    }

    private static ImageException failed(String operation, String repository, SdkException e) {
        return new ImageException(
                "<imageRepository> (lambda.image.repository)",
                "ECR " + operation
                        + " failed for repository '" + repository + "': " + e.getMessage()
                        + ". The AWS credentials need "
                        + "ecr:DescribeRepositories, ecr:CreateRepository, ecr:GetAuthorizationToken, ecr:GetLifecyclePolicy "
                        + "and ecr:PutLifecyclePolicy, plus the push permissions, in the deploy region.",
                e);
    }
}
