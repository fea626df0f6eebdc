package dev.lambdadeploy.publish.image;

import dev.lambdadeploy.config.Architecture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@link LambdaImageBuilder} needs: the output of {@code lambda:package} ({@code packageDirectory} with
 * {@code lambda-package.json}), the handler for {@code CMD}, the base image, and where to push.
 *
 * @param registry host[:port] of the target registry (the ECR registry, or an override)
 * @param credentials for the target registry, or {@code null} for anonymous; also used for a base image in the same
 *     registry
 * @param baseCredentials for the base image's registry when it differs from the target, or {@code null}
 * @param creationTime image creation time; {@code null} means the package's {@code outputTimestamp}
 */
public record ImageRequest(
        Path packageDirectory,
        String handler,
        Architecture architecture,
        BaseImage baseImage,
        String registry,
        String repository,
        List<String> tags,
        RegistryCredentials credentials,
        RegistryCredentials baseCredentials,
        boolean allowInsecureRegistries,
        ImageFormat format,
        Path cacheDirectory,
        Instant creationTime) {

    public static final String IMAGE_DIR = "image";

    public ImageRequest {
        tags = List.copyOf(tags);
        format = format == null ? ImageFormat.DOCKER : format;
        cacheDirectory =
                cacheDirectory == null ? packageDirectory.resolve(IMAGE_DIR).resolve("cache") : cacheDirectory;
    }

    /** {@code registry/repository}, without tag or digest. */
    public String repositoryReference() {
        return registry + "/" + repository;
    }

    /** The same request pushed to {@code registry} with {@code credentials}. */
    public ImageRequest withTarget(String registry, RegistryCredentials credentials) {
        return new ImageRequest(
                packageDirectory,
                handler,
                architecture,
                baseImage,
                registry,
                repository,
                tags,
                credentials,
                baseCredentials,
                allowInsecureRegistries,
                format,
                cacheDirectory,
                creationTime);
    }

    public static Builder builder(Path packageDirectory) {
        return new Builder(packageDirectory);
    }

    /** Defaults match the plugin's; tests and the mojo set the rest. */
    public static final class Builder {
        private final Path packageDirectory;
        private String handler;
        private Architecture architecture = Architecture.X86_64;
        private BaseImage baseImage = new BaseImage.Registry(BaseImage.forRuntime(BaseImage.DEFAULT_RUNTIME));
        private String registry;
        private String repository;
        private final List<String> tags = new ArrayList<>();
        private RegistryCredentials credentials;
        private RegistryCredentials baseCredentials;
        private boolean allowInsecureRegistries;
        private ImageFormat format = ImageFormat.DOCKER;
        private Path cacheDirectory;
        private Instant creationTime;

        private Builder(Path packageDirectory) {
            this.packageDirectory = packageDirectory;
        }

        public Builder handler(String v) {
            handler = v;
            return this;
        }

        public Builder architecture(Architecture v) {
            architecture = v;
            return this;
        }

        public Builder baseImage(BaseImage v) {
            baseImage = v;
            return this;
        }

        public Builder registry(String v) {
            registry = v;
            return this;
        }

        public Builder repository(String v) {
            repository = v;
            return this;
        }

        public Builder tag(String v) {
            tags.add(v);
            return this;
        }

        public Builder tags(List<String> v) {
            tags.addAll(v);
            return this;
        }

        public Builder credentials(RegistryCredentials v) {
            credentials = v;
            return this;
        }

        public Builder baseCredentials(RegistryCredentials v) {
            baseCredentials = v;
            return this;
        }

        public Builder allowInsecureRegistries(boolean v) {
            allowInsecureRegistries = v;
            return this;
        }

        public Builder format(ImageFormat v) {
            format = v;
            return this;
        }

        public Builder cacheDirectory(Path v) {
            cacheDirectory = v;
            return this;
        }

        public Builder creationTime(Instant v) {
            creationTime = v;
            return this;
        }

        public ImageRequest build() {
            return new ImageRequest(
                    packageDirectory,
                    handler,
                    architecture,
                    baseImage,
                    registry,
                    repository,
                    tags,
                    credentials,
                    baseCredentials,
                    allowInsecureRegistries,
                    format,
                    cacheDirectory,
                    creationTime);
        }
    }
}
