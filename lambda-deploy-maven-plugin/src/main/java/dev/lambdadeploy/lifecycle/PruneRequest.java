package dev.lambdadeploy.lifecycle;

/**
 * @param keep          newest layer versions (and function-code objects) to keep per layer, at least 1
 * @param delete        really delete; {@code false} (the default) only reports what would be deleted
 * @param s3ExpireDays  when set, also install an S3 lifecycle rule expiring the deploy bucket's objects after this
 *                      many days (Lambda keeps its own copy of published code, so only rollback sources expire)
 */
public record PruneRequest(LifecycleScope scope, int keep, boolean delete, Integer s3ExpireDays) {
    public static final int DEFAULT_KEEP = 3;

    public PruneRequest {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1");
        }
        if (s3ExpireDays != null && s3ExpireDays < 1) {
            throw new IllegalArgumentException("s3ExpireDays must be at least 1");
        }
    }
}
