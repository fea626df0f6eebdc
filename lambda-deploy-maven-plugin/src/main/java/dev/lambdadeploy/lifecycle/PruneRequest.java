package dev.lambdadeploy.lifecycle;

/**
 * @param keep            newest layer versions (and function-code objects) to keep per layer, at least 1
 * @param delete          really delete; {@code false} (the default) only reports what would be deleted
 * @param s3ExpireDays    when set, also install an S3 lifecycle rule expiring the deploy bucket's objects after this
 *                        many days (Lambda keeps its own copy of published code, so only rollback sources expire)
 * @param imageRepository the ECR repository image mode pushes to ({@code <imageRepository>}); {@code null}: only the
 *                        repositories the configured image functions point at are pruned
 * @param keepImages      newest tagged images to keep per repository, at least 1; {@code null}: {@code keep}
 */
public record PruneRequest(
        LifecycleScope scope,
        int keep,
        boolean delete,
        Integer s3ExpireDays,
        String imageRepository,
        Integer keepImages) {
    public static final int DEFAULT_KEEP = 3;

    public PruneRequest {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1");
        }
        if (s3ExpireDays != null && s3ExpireDays < 1) {
            throw new IllegalArgumentException("s3ExpireDays must be at least 1");
        }
        if (keepImages != null && keepImages < 1) {
            throw new IllegalArgumentException("keepImages must be at least 1");
        }
        imageRepository = imageRepository == null || imageRepository.isBlank() ? null : imageRepository.trim();
    }

    /** Layers and S3 objects, and the images of the repositories the configured image functions use. */
    public PruneRequest(LifecycleScope scope, int keep, boolean delete, Integer s3ExpireDays) {
        this(scope, keep, delete, s3ExpireDays, null, null);
    }

    /** How many tagged images to keep per repository. */
    public int imagesToKeep() {
        return keepImages == null ? keep : keepImages;
    }
}
