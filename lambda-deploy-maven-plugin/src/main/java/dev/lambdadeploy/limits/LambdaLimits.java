package dev.lambdadeploy.limits;

/**
 * Lambda's hard limits, in one place: the planner, the budgets, the size report, the image check and the error
 * translation all compare against these. AWS documents them in bytes (50 MiB, 250 MiB, 10 GiB), so do we.
 */
public final class LambdaLimits {
    /** ZipFile in a CreateFunction / UpdateFunctionCode / PublishLayerVersion request (50 MiB); S3 lifts it. */
    public static final long DIRECT_UPLOAD_ZIPPED = 52_428_800L;

    /** Function code plus all its layers, unzipped (250 MiB). */
    public static final long TOTAL_UNZIPPED = 262_144_000L;

    /** Layers one function may reference. */
    public static final int MAX_LAYERS = 5;

    /** Container image, uncompressed, base layers included (10 GiB). */
    public static final long IMAGE_SIZE = 10_737_418_240L;

    /** Memory a function may be configured with, in MB. */
    public static final int MIN_MEMORY_MB = 128;

    public static final int MAX_MEMORY_MB = 10_240;

    private LambdaLimits() {}
}
