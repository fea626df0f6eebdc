package dev.lambdadeploy.publish.image;

import dev.lambdadeploy.config.ConfigException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the base image comes from: a registry (the Lambda base image, or a mirror of it), a {@code docker save}
 * tarball ({@code tar:path}), or an OCI image layout, as a directory or a tarball ({@code oci:path}). Local bases let
 * builds run offline.
 */
public sealed interface BaseImage {
    String ELEMENT = "<baseImage> (lambda.image.baseImage)";

    /** Lambda's AWS base images by runtime identifier; each is a manifest list for x86_64 and arm64. */
    Map<String, String> LAMBDA_BASE_IMAGES = Map.of(
            "java8.al2", "public.ecr.aws/lambda/java:8.al2",
            "java11", "public.ecr.aws/lambda/java:11",
            "java17", "public.ecr.aws/lambda/java:17",
            "java21", "public.ecr.aws/lambda/java:21",
            "java25", "public.ecr.aws/lambda/java:25");

    String DEFAULT_RUNTIME = "java21";

    /** Human-readable origin for messages. */
    String describe();

    /** An image in a registry, e.g. {@code public.ecr.aws/lambda/java:21} or {@code mirror.local:5000/lambda/java:21}. */
    record Registry(String reference) implements BaseImage {
        @Override
        public String describe() {
            return reference;
        }
    }

    /** A tarball written by {@code docker save} or Jib (with {@code manifest.json}). */
    record DockerTar(Path file) implements BaseImage {
        @Override
        public String describe() {
            return "tar:" + file;
        }
    }

    /** An OCI image layout ({@code oci-layout}, {@code index.json}, {@code blobs/}), as a folder or a tarball. */
    record OciLayout(Path path) implements BaseImage {
        @Override
        public String describe() {
            return "oci:" + path;
        }
    }

    /**
     * Parses {@code <baseImage>}: blank means the Lambda base image for {@code runtime}; {@code tar:} and {@code oci:}
     * name local files (relative to {@code baseDirectory}); {@code registry://} or no prefix is a registry reference.
     */
    static BaseImage parse(String spec, String runtime, Path baseDirectory) {
        if (spec == null || spec.isBlank()) {
            return new Registry(forRuntime(runtime));
        }
        String s = spec.trim();
        if (s.startsWith("tar:")) {
            return new DockerTar(localPath(s.substring(4), baseDirectory));
        }
        if (s.startsWith("oci:")) {
            return new OciLayout(localPath(s.substring(4), baseDirectory));
        }
        if (s.startsWith("registry://")) {
            s = s.substring("registry://".length());
        }
        if (s.contains("://")) {
            throw new ConfigException(
                    ELEMENT,
                    "'" + spec + "' is not an image reference. Use a registry reference "
                            + "such as public.ecr.aws/lambda/java:21, tar:path/to/image.tar or oci:path/to/layout.");
        }
        return new Registry(s);
    }

    /** The AWS base image for a Lambda Java runtime identifier. */
    static String forRuntime(String runtime) {
        String r = runtime == null || runtime.isBlank()
                ? DEFAULT_RUNTIME
                : runtime.trim().toLowerCase(Locale.ROOT);
        String image = LAMBDA_BASE_IMAGES.get(r);
        if (image == null) {
            throw new ConfigException(
                    "<runtime> (lambda.runtime)",
                    "no AWS base image is known for runtime '"
                            + runtime + "'. Use one of " + new java.util.TreeSet<>(LAMBDA_BASE_IMAGES.keySet())
                            + ", or name the base image yourself with <baseImage>.");
        }
        return image;
    }

    private static Path localPath(String path, Path baseDirectory) {
        String p = path.startsWith("//") ? path.substring(2) : path;
        if (p.isBlank()) {
            throw new ConfigException(ELEMENT, "a local base image needs a path, e.g. tar:target/base.tar");
        }
        Path file = Path.of(p);
        return file.isAbsolute() || baseDirectory == null
                ? file
                : baseDirectory.resolve(file).normalize();
    }
}
