package dev.lambdadeploy.publish.image;

/**
 * One layer of the pushed image, base layers first. {@code compressedBytes} is the blob size in the registry;
 * {@code uncompressedBytes} is known for application layers (the sum of their file sizes) and {@code -1} for base
 * layers pulled from a registry. {@code pushed} is false when the registry already had the blob (nothing uploaded).
 */
public record ImageLayerReport(
        String name, String origin, String digest, long compressedBytes, long uncompressedBytes, boolean pushed) {
    public static final String BASE = "base";
    public static final String APPLICATION = "application";

    public boolean isBase() {
        return BASE.equals(origin);
    }
}
