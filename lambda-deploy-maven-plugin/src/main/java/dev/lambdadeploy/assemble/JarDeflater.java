package dev.lambdadeploy.assemble;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * Deflates a jar (any zip archive) as one raw deflate stream in which the entry data the jar already compressed is
 * copied in stored blocks, and only the rest (local headers, names, stored entries, central directory) is deflated.
 * Deflating compressed data gains next to nothing but is most of the CPU time of zipping jars (measured in
 * docs/compression.md); the headers and names are where a jar still compresses. The stream is ordinary deflate: any
 * unzip inflates it to the jar's exact bytes.
 *
 * <p>Entries are located with {@link JarIndex}; anything it cannot map exactly (zip64, overlapping or out-of-bounds
 * entries, no end record) is left to a plain deflate of the whole jar.
 */
final class JarDeflater {
    private static final int DEFLATED = 8;
    /**
     * Jar headers and names gain nothing measurable above level 6 (on the benchmark's jars: 24 KB of 124 MB) while
     * level 9 costs 40 % more time, so higher levels are capped here.
     */
    static final int MAX_LEVEL = 6;

    private JarDeflater() {}

    /**
     * The jar deflated at {@code level} (at most {@link #MAX_LEVEL}) except its compressed entry data, or empty when it
     * is not a zip mapped here.
     */
    static Optional<byte[]> deflate(byte[] jar, int level) {
        long[] raw = compressedRanges(jar);
        if (raw == null) {
            return Optional.empty();
        }
        level = Math.min(level, MAX_LEVEL);
        Deflater deflater = new Deflater(level, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, jar.length));
            // larger than anything one block flush can leave pending, so a level switch completes in one call
            byte[] buffer = new byte[1 << 18];
            Stream stream = new Stream(deflater, jar, out, buffer, level);
            int pos = 0;
            for (int i = 0; i < raw.length; i += 2) {
                int start = (int) raw[i];
                int end = (int) raw[i + 1];
                stream.feed(pos, start, level);
                stream.feed(start, end, 0);
                pos = end;
            }
            stream.feed(pos, jar.length, level);
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Optional.of(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /** Feeds slices of the jar at a given level, switching levels only between slices. */
    private static final class Stream {
        private final Deflater deflater;
        private final byte[] input;
        private final ByteArrayOutputStream out;
        private final byte[] buffer;
        private int level;

        Stream(Deflater deflater, byte[] input, ByteArrayOutputStream out, byte[] buffer, int level) {
            this.deflater = deflater;
            this.input = input;
            this.out = out;
            this.buffer = buffer;
            this.level = level;
        }

        void feed(int from, int to, int sliceLevel) {
            if (to <= from) {
                return;
            }
            if (sliceLevel != level) {
                // With no new input, the switch flushes what is pending at the old level; the next slice then goes in
                // at the new one.
                deflater.setLevel(sliceLevel);
                deflater.setInput(input, from, 0);
                drain();
                level = sliceLevel;
            }
            deflater.setInput(input, from, to - from);
            drain();
        }

        private void drain() {
            do {
                int n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
                out.write(buffer, 0, n);
            } while (!deflater.needsInput());
        }
    }

    /** Start and end offsets (pairs, ascending) of the data of every DEFLATED entry, or null when not mapped. */
    static long[] compressedRanges(byte[] zip) {
        JarIndex index = JarIndex.read(zip);
        if (index == null) {
            return null;
        }
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
