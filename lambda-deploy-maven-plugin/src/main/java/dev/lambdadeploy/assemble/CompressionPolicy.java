package dev.lambdadeploy.assemble;

/**
 * Per-entry choice between STORED and DEFLATED: an entry is deflated only when that saves at least {@code minSaving}
 * (a fraction of its size). A jar entry is deflated by {@link JarDeflater}, which copies the data the jar already
 * compressed and deflates only the rest, unless {@code deflateJarData} asks for the whole jar to be deflated (about
 * 1.4 % smaller, more than twice the packaging time; measured in BENCHMARKS.md).
 */
public record CompressionPolicy(int level, double minSaving, boolean deflateJarData) {
    /** Maximum compression; deflate only when it saves at least 0.5%; jars' compressed data is copied. */
    public static final CompressionPolicy DEFAULT = new CompressionPolicy(9, 0.005, false);

    /** The default policy at another deflate level; level 0 stores every entry without trying to deflate it. */
    public static CompressionPolicy level(int level) {
        return level == DEFAULT.level() ? DEFAULT : new CompressionPolicy(level, DEFAULT.minSaving(), false);
    }

    /** This policy, deflating jars whole ({@code true}) or only their uncompressed parts ({@code false}). */
    public CompressionPolicy withJarData(boolean deflate) {
        return new CompressionPolicy(level, minSaving, deflate);
    }

    /** Level 0: nothing is deflated (not even tried). */
    public boolean storesEverything() {
        return level == 0;
    }

    /** Stable text for cache keys. */
    public String fingerprint() {
        return "level=" + level + ",minSaving=" + minSaving + ",jarData=" + deflateJarData;
    }

    public boolean worthDeflating(long size, long deflatedSize) {
        return deflatedSize < size - Math.max(1, (long) (size * minSaving));
    }
}
