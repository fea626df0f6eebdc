package dev.lambdadeploy.assemble;

import java.util.Arrays;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Deflates a jar (any zip archive) as one raw deflate stream in which the entry data the jar already compressed is
 * copied in stored blocks, and only the rest is compressed: local headers and names by {@link DeflateEncoder}, the
 * central directory (one long run of names) by zlib. Deflating compressed data gains next to nothing but was most of
 * the CPU time of zipping jars (measured in docs/compression.md); headers and names are where a jar still compresses.
 * The stream is ordinary deflate: any unzip inflates it to the jar's exact bytes.
 *
 * <p>Entries are located with {@link JarIndex}; anything it cannot map exactly (zip64, overlapping or out-of-bounds
 * entries, no end record) is left to a plain deflate of the whole jar.
 */
final class JarDeflater {
    private static final int DEFLATED = 8;
    /**
     * The central directory gains nothing measurable above level 6 (on the benchmark's jars: 24 KB of 124 MB) while
     * level 9 costs 40 % more time, so higher levels are capped here.
     */
    static final int MAX_LEVEL = 6;
    /** Runs at least this long go to zlib: its set-up (and a dictionary) per run only pays off on long ones. */
    private static final int ZLIB_RUN = 16 * 1024;

    private JarDeflater() {}

    /**
     * The jar with its compressed entry data copied and the rest compressed, its central directory at {@code level}
     * (at most {@link #MAX_LEVEL}), or empty when it is not a zip mapped here.
     */
    static Optional<byte[]> deflate(byte[] jar, int level) {
        JarIndex index = JarIndex.read(jar);
        long[] raw = index == null ? null : compressedRanges(index);
        if (raw == null) {
            return Optional.empty();
        }
        DeflateEncoder encoder = new DeflateEncoder(jar);
        int pos = 0;
        for (int i = 0; i < raw.length; i += 2) {
            int start = (int) raw[i];
            int end = (int) raw[i + 1];
            if (start > pos) {
                compress(encoder, pos, start, level);
            }
            encoder.stored(start, end);
            pos = end;
        }
        int centralDirectory = Math.max(pos, index.centralDirectoryOffset());
        if (centralDirectory > pos) {
            compress(encoder, pos, centralDirectory, level);
        }
        byte[] stream = encoder.finish(centralDirectory, Math.min(level, MAX_LEVEL));
        // Checked before it is used: a layer that unzips to anything but its jars must never be built. Inflating
        // mostly stored blocks costs a fraction of compressing.
        return inflatesTo(stream, jar) ? Optional.of(stream) : Optional.empty();
    }

    /**
     * Headers (a few dozen bytes between copied data) by the encoder's fixed codes; long runs, i.e. entries the jar
     * stored, by zlib, whose dynamic codes did 15 % better on a jar of stored classes.
     */
    private static void compress(DeflateEncoder encoder, int from, int to, int level) {
        if (to - from >= ZLIB_RUN) {
            encoder.zlib(from, to, Math.min(level, MAX_LEVEL));
        } else {
            encoder.compressed(from, to);
        }
    }

    /** Whether the raw deflate stream inflates to exactly {@code expected}, and ends there. */
    static boolean inflatesTo(byte[] stream, byte[] expected) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stream);
            byte[] buffer = new byte[1 << 16];
            int at = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    return false;
                }
                if (at + n > expected.length || Arrays.mismatch(buffer, 0, n, expected, at, at + n) >= 0) {
                    return false;
                }
                at += n;
            }
            return at == expected.length && inflater.getRemaining() == 0;
        } catch (DataFormatException e) {
            return false;
        } finally {
            inflater.end();
        }
    }

    /** Start and end offsets (pairs, ascending) of the data of every DEFLATED entry, or null when they overlap. */
    static long[] compressedRanges(JarIndex index) {
        long[] ranges = new long[index.entries().size() * 2];
        int n = 0;
        for (JarIndex.Entry e : index.entries()) {
            if (e.method() == DEFLATED && e.compressedSize() > 0) {
                ranges[n++] = e.dataOffset();
                ranges[n++] = e.dataOffset() + e.compressedSize();
            }
        }
        return sortedDisjoint(Arrays.copyOf(ranges, n));
    }

    private static long[] sortedDisjoint(long[] ranges) {
        int pairs = ranges.length / 2;
        long[][] sorted = new long[pairs][];
        for (int i = 0; i < pairs; i++) {
            sorted[i] = new long[] {ranges[2 * i], ranges[2 * i + 1]};
        }
        Arrays.sort(sorted, (x, y) -> Long.compare(x[0], y[0]));
        long[] out = new long[ranges.length];
        long previousEnd = 0;
        for (int i = 0; i < pairs; i++) {
            if (sorted[i][0] < previousEnd) {
                return null; // entries sharing bytes: not a layout to copy around
            }
            out[2 * i] = sorted[i][0];
            out[2 * i + 1] = sorted[i][1];
            previousEnd = sorted[i][1];
        }
        return out;
    }
}
