package dev.lambdadeploy.assemble;

/**
 * Per-entry choice between STORED and DEFLATED: an entry is deflated only when that saves at least {@code minSaving}
 * (a fraction of its size) — already-compressed content such as most jars gains next to nothing and is stored.
 */
public record CompressionPolicy(int level, double minSaving) {
    /** Maximum compression; deflate only when it saves at least 0.5%. Measured in docs/compression.md. */
    public static final CompressionPolicy DEFAULT = new CompressionPolicy(9, 0.005);

    /** The default policy at another deflate level; level 0 stores every entry without trying to deflate it. */
    public static CompressionPolicy level(int level) {
        return level == DEFAULT.level() ? DEFAULT : new CompressionPolicy(level, DEFAULT.minSaving());
    }

    /** Level 0: nothing is deflated (not even tried). */
    public boolean storesEverything() {
        return level == 0;
    }

    public boolean worthDeflating(long size, long deflatedSize) {
        return deflatedSize < size - Math.max(1, (long) (size * minSaving));
    }
}
