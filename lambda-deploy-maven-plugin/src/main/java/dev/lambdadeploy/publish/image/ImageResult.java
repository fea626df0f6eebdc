package dev.lambdadeploy.publish.image;

import java.util.List;

/**
 * The pushed image: {@code imageUri} is pinned by digest ({@code registry/repository@sha256:...}), which is what
 * Lambda's UpdateFunctionCode gets; {@code tags} are the tagged references pushed alongside.
 */
public record ImageResult(
        String imageUri,
        String digest,
        List<String> tags,
        String manifestMediaType,
        String os,
        String architecture,
        List<String> cmd,
        String baseImage,
        String baseImageDigest,
        List<ImageLayerReport> layers) {

    public ImageResult {
        tags = List.copyOf(tags);
        cmd = List.copyOf(cmd);
        layers = List.copyOf(layers);
    }

    /** Bytes uploaded by this push (blobs the registry did not have yet). */
    public long pushedBytes() {
        return layers.stream()
                .filter(ImageLayerReport::pushed)
                .mapToLong(ImageLayerReport::compressedBytes)
                .sum();
    }

    /** Bytes the registry already had, so they were not uploaded again. */
    public long skippedBytes() {
        return layers.stream()
                .filter(l -> !l.pushed())
                .mapToLong(ImageLayerReport::compressedBytes)
                .sum();
    }

    /** Sum of the layer blobs as stored in the registry. */
    public long compressedBytes() {
        return layers.stream().mapToLong(ImageLayerReport::compressedBytes).sum();
    }

    /**
     * The image size to check against Lambda's limit ({@code LambdaLimits.IMAGE_SIZE}): uncompressed sizes where known (the
     * application layers), compressed sizes otherwise, so it is exact for what the build adds and a lower bound for
     * the base image.
     */
    public long sizeForLimitBytes() {
        return layers.stream()
                .mapToLong(l -> l.uncompressedBytes() >= 0 ? l.uncompressedBytes() : l.compressedBytes())
                .sum();
    }

    /** True when every layer's uncompressed size is known, so {@link #sizeForLimitBytes()} is exact. */
    public boolean sizeExact() {
        return layers.stream().allMatch(l -> l.uncompressedBytes() >= 0);
    }
}
