package dev.lambdadeploy.publish;

import dev.lambdadeploy.limits.LambdaLimits;
import dev.lambdadeploy.publish.image.EcrImagePublisher;
import dev.lambdadeploy.publish.image.ImageLayerReport;
import dev.lambdadeploy.publish.image.ImageResult;
import java.util.List;

/**
 * The container image of one region in {@code deploy-result.json}: the ECR repository, the image Lambda runs
 * ({@code imageUri}, pinned by digest), where it was pushed, and per layer its sizes and whether this push uploaded it.
 */
public record ImageDeployResult(
        String repository,
        String repositoryUri,
        boolean repositoryCreated,
        String imageUri,
        String digest,
        String pushedTo,
        List<String> tags,
        String manifestMediaType,
        String platform,
        List<String> cmd,
        String baseImage,
        String baseImageDigest,
        List<Layer> layers,
        long pushedBytes,
        long skippedBytes,
        long sizeForLimitBytes,
        boolean sizeExact,
        long limitBytes) {

    /** One image layer, base layers first. {@code uncompressedBytes} is -1 when unknown (base layers). */
    public record Layer(
            String name, String origin, String digest, long compressedBytes, long uncompressedBytes, boolean pushed) {}

    public ImageDeployResult {
        tags = tags == null ? List.of() : List.copyOf(tags);
        cmd = cmd == null ? List.of() : List.copyOf(cmd);
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /** {@code imageUri} is what Lambda gets: the ECR repository URI with the digest (the registry override aside). */
    public static ImageDeployResult of(EcrImagePublisher.Published p, String imageUri) {
        return of(
                p.image(),
                p.repository().name(),
                p.repository().uri(),
                p.repository().created(),
                imageUri);
    }

    /** The same image as pushed by another module of the build: nothing pushed here, every layer already there. */
    public ImageDeployResult reused() {
        return new ImageDeployResult(
                repository,
                repositoryUri,
                false,
                imageUri,
                digest,
                pushedTo,
                tags,
                manifestMediaType,
                platform,
                cmd,
                baseImage,
                baseImageDigest,
                layers.stream()
                        .map(l -> new Layer(
                                l.name(), l.origin(), l.digest(), l.compressedBytes(), l.uncompressedBytes(), false))
                        .toList(),
                0,
                pushedBytes + skippedBytes,
                sizeForLimitBytes,
                sizeExact,
                limitBytes);
    }

    /** The image alone (no repository), for summaries of a push. */
    public static ImageDeployResult of(ImageResult i) {
        return of(i, null, null, false, i.imageUri());
    }

    private static ImageDeployResult of(
            ImageResult i, String repository, String repositoryUri, boolean repositoryCreated, String imageUri) {
        return new ImageDeployResult(
                repository,
                repositoryUri,
                repositoryCreated,
                imageUri,
                i.digest(),
                i.imageUri(),
                i.tags(),
                i.manifestMediaType(),
                i.os() + "/" + i.architecture(),
                i.cmd(),
                i.baseImage(),
                i.baseImageDigest(),
                i.layers().stream().map(ImageDeployResult::layer).toList(),
                i.pushedBytes(),
                i.skippedBytes(),
                i.sizeForLimitBytes(),
                i.sizeExact(),
                LambdaLimits.IMAGE_SIZE);
    }

    private static Layer layer(ImageLayerReport l) {
        return new Layer(l.name(), l.origin(), l.digest(), l.compressedBytes(), l.uncompressedBytes(), l.pushed());
    }
}
