package dev.lambdadeploy.assemble;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Writes one raw deflate stream (RFC 1951) over a byte array, slice by slice: a slice is either copied in stored blocks
 * or compressed as one fixed-Huffman block (greedy LZ77 over the 32 KB window of everything written so far), and the
 * stream ends with a slice compressed by zlib, with the preceding 32 KB as its dictionary.
 *
 * <p>Why not zlib throughout: switching one {@link Deflater} between level 0 and compression for every entry of a jar
 * (two switches per entry, ~100,000 entries in the benchmark) cost more than the compression itself, since every switch
 * flushes a block and resets zlib's hash table. Jar headers are short, repetitive names: fixed codes and a short match
 * search compress them as well as zlib did in those small blocks, at about a third of the time (docs/compression.md).
 * One instance per stream; not thread-safe.
 */
final class DeflateEncoder {
    private static final int WINDOW = 32768;
    private static final int HASH_BITS = 15;
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;
    /** Candidates tried per position: on jar headers, 8 or 128 gave the same size within 0.03 %. */
    private static final int MAX_CHAIN = 32;

    private static final int MAX_STORED = 65535;
    private static final int END_OF_BLOCK = 256;

    private static final int[] LITERAL_CODE = new int[288];
    private static final int[] LITERAL_BITS = new int[288];
    private static final int[] LENGTH_SYMBOL = new int[MAX_MATCH + 1];
    private static final int[] LENGTH_EXTRA_BITS = new int[MAX_MATCH + 1];
    private static final int[] LENGTH_EXTRA = new int[MAX_MATCH + 1];
    private static final int[] DISTANCE_BASE = {
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577
    };
    private static final int[] DISTANCE_EXTRA_BITS = {
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
    };
    private static final int[] DISTANCE_CODE = new int[30];
    /** The distance code of distance d at d - 1 (d up to 256), else at 256 + (d - 1) / 128, as zlib's table. */
    private static final byte[] DISTANCE_CODE_OF = new byte[512];

    static {
        // the fixed Huffman codes of RFC 1951 3.2.6, bit-reversed since the stream is written least significant first
        for (int s = 0; s < 288; s++) {
            int bits = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
            int code = s < 144 ? 0x30 + s : s < 256 ? 0x190 + s - 144 : s < 280 ? s - 256 : 0xc0 + s - 280;
            LITERAL_CODE[s] = reversed(code, bits);
            LITERAL_BITS[s] = bits;
        }
        int[] base = {
            3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
            227, 258
        };
        int[] extra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
        for (int c = base.length - 1; c >= 0; c--) {
            int last = c == base.length - 1 ? MAX_MATCH : base[c + 1] - 1;
            for (int length = base[c]; length <= last; length++) {
                if (LENGTH_SYMBOL[length] == 0) {
                    LENGTH_SYMBOL[length] = 257 + c;
                    LENGTH_EXTRA_BITS[length] = extra[c];
                    LENGTH_EXTRA[length] = length - base[c];
                }
            }
        }
        for (int d = 0; d < DISTANCE_CODE.length; d++) {
            DISTANCE_CODE[d] = reversed(d, 5);
        }
        // one distance per slot: above 256 every code's range starts at 128k + 1, so the 128 distances sharing a slot
        // share a code (a loop over all 32,768 distances took over 10 ms in a fresh JVM, interpreted)
        for (int distance = 1; distance <= 256; distance++) {
            DISTANCE_CODE_OF[distance - 1] = (byte) distanceCode(distance);
        }
        for (int slot = 256 + (256 >> 7); slot < DISTANCE_CODE_OF.length; slot++) {
            DISTANCE_CODE_OF[slot] = (byte) distanceCode(((slot - 256) << 7) + 1);
        }
    }

    private final byte[] in;
    /**
     * Hash chains of positions, stored as position + 1 so that a new (zeroed) table means "none": no fill of 32,768
     * slots per jar, a loop C2 compiled in every cold build.
     */
    private final int[] head = new int[1 << HASH_BITS];

    private final int[] previous = new int[WINDOW];
    private byte[] out;
    private int size;
    private long bitBuffer;
    private int bitCount;

    DeflateEncoder(byte[] in) {
        this.in = in;
        this.out = new byte[Math.max(1024, in.length + in.length / 256 + 64)];
    }

    /** Copies {@code in[from..to)} in stored blocks; the inflater still sees it in its window. */
    void stored(int from, int to) {
        int p = from;
        do {
            int n = Math.min(MAX_STORED, to - p);
            bits(0, 3); // not final, type 00
            alignToByte();
            ensure(n + 4);
            out[size++] = (byte) n;
            out[size++] = (byte) (n >>> 8);
            out[size++] = (byte) ~n;
            out[size++] = (byte) (~n >>> 8);
            System.arraycopy(in, p, out, size, n);
            size += n;
            p += n;
        } while (p < to);
    }

    /**
     * Compresses {@code in[from..to)} as one fixed-Huffman block, matching against the last 32 KB written; a slice
     * that would come out larger (fixed codes spend 9 bits on half the byte values, e.g. a stored native library) is
     * copied in stored blocks instead.
     */
    void compressed(int from, int to) {
        int startSize = size;
        long startBuffer = bitBuffer;
        int startCount = bitCount;
        fixedHuffman(from, to);
        if (size - startSize > to - from + 5L * ((to - from) / MAX_STORED + 1)) {
            size = startSize; // rewind: the bytes after startSize are simply overwritten
            bitBuffer = startBuffer;
            bitCount = startCount;
            stored(from, to);
        }
    }

    /**
     * Written for a cold JVM as much as for speed: a Maven build runs this loop in a fresh JVM, where C2 compiles it
     * (twice: on-stack and whole) while the build waits on the same two CPUs. So it is kept small: no loop inside the
     * bit writer (up to 32 bits a step go into a 64-bit buffer, written out 4 bytes at a time), the match search in its
     * own method, the match length by {@link Arrays#mismatch} and the distance code by table. The bytes written are
     * those of the simpler loop this replaced (pinned by {@code DeflateEncoderTest}).
     */
    private void fixedHuffman(int from, int to) {
        bits(0b010, 3); // not final, type 01
        byte[] in = this.in;
        long buffer = bitBuffer;
        int count = bitCount;
        int i = from;
        while (i < to) {
            ensure(16);
            int match = to - i >= MIN_MATCH ? longestMatch(i, Math.min(MAX_MATCH, to - i)) : 0;
            int length = match >>> 16;
            if (length >= MIN_MATCH) {
                int distance = match & 0xffff;
                int code = DISTANCE_CODE_OF[distance <= 256 ? distance - 1 : 256 + ((distance - 1) >> 7)];
                int symbol = LENGTH_SYMBOL[length];
                buffer |= (long) LITERAL_CODE[symbol] << count;
                count += LITERAL_BITS[symbol];
                buffer |= (long) LENGTH_EXTRA[length] << count;
                count += LENGTH_EXTRA_BITS[length];
                buffer |= (long) DISTANCE_CODE[code] << count;
                count += 5;
                buffer |= (long) (distance - DISTANCE_BASE[code]) << count;
                count += DISTANCE_EXTRA_BITS[code];
                int end = Math.min(i + length, to - MIN_MATCH + 1);
                for (int k = i + 1; k < end; k++) {
                    insert(k, hash(k));
                }
                i += length;
            } else {
                int literal = in[i] & 0xff;
                buffer |= (long) LITERAL_CODE[literal] << count;
                count += LITERAL_BITS[literal];
                i++;
            }
            if (count >= 32) {
                byte[] out = this.out;
                out[size] = (byte) buffer;
                out[size + 1] = (byte) (buffer >>> 8);
                out[size + 2] = (byte) (buffer >>> 16);
                out[size + 3] = (byte) (buffer >>> 24);
                size += 4;
                buffer >>>= 32;
                count -= 32;
            }
        }
        bitBuffer = buffer;
        bitCount = count;
        ensure(16);
        symbol(END_OF_BLOCK); // (bits() leaves fewer than 8 bits pending, as the other writers expect)
    }

    /**
     * The longest earlier match for position {@code i} (at most {@code maxLength}) and its distance, packed as
     * {@code length << 16 | distance}, or 0; inserts {@code i} into the hash chains.
     */
    private int longestMatch(int i, int maxLength) {
        byte[] in = this.in;
        int h = hash(i);
        int bestLength = 0;
        int bestDistance = 0;
        int candidate = head[h] - 1;
        for (int chain = MAX_CHAIN; candidate >= 0 && candidate > i - WINDOW && chain > 0; chain--) {
            if (in[candidate + bestLength] == in[i + bestLength]) {
                int length = Arrays.mismatch(in, candidate, candidate + maxLength, in, i, i + maxLength);
                if (length < 0) {
                    length = maxLength;
                }
                if (length > bestLength) {
                    bestLength = length;
                    bestDistance = i - candidate;
                    if (length == maxLength) {
                        break;
                    }
                }
            }
            int next = previous[candidate & (WINDOW - 1)] - 1;
            if (next >= candidate) {
                break; // a slot reused by a newer position: the chain ends here
            }
            candidate = next;
        }
        insert(i, h);
        return bestLength << 16 | bestDistance;
    }

    /**
     * Compresses {@code in[from..to)} with zlib at {@code level} (dynamic Huffman codes: better than fixed ones on long
     * runs such as entries a jar stored), with the 32 KB before it as dictionary; the stream goes on after it.
     */
    void zlib(int from, int to, int level) {
        zlib(from, to, level, false);
    }

    /** Ends the stream with {@code in[from..)} compressed by zlib at {@code level}, and returns the whole stream. */
    byte[] finish(int from, int level) {
        zlib(from, in.length, level, true);
        return Arrays.copyOf(out, size);
    }

    private void zlib(int from, int to, int level, boolean last) {
        stored(from, from); // an empty stored block: the stream is now at a byte boundary for zlib's blocks
        Deflater deflater = new Deflater(level, true);
        try {
            int dictionary = Math.max(0, from - WINDOW);
            if (from > dictionary) {
                deflater.setDictionary(in, dictionary, from - dictionary);
            }
            deflater.setInput(in, from, to - from);
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    ensure(1 << 16);
                    size += deflater.deflate(out, size, out.length - size);
                }
            } else {
                // a sync flush ends zlib's output with an empty stored block: byte-aligned, not final; it is complete
                // once a call leaves output space unused
                while (true) {
                    ensure(1 << 16);
                    int space = out.length - size;
                    int n = deflater.deflate(out, size, space, Deflater.SYNC_FLUSH);
                    size += n;
                    if (n < space) {
                        break;
                    }
                }
            }
        } finally {
            deflater.end();
        }
    }

    private void insert(int position, int h) {
        previous[position & (WINDOW - 1)] = head[h];
        head[h] = position + 1;
    }

    private int hash(int i) {
        int v = ((in[i] & 0xff) << 16) | ((in[i + 1] & 0xff) << 8) | (in[i + 2] & 0xff);
        return (v * 0x9e3779b1) >>> (32 - HASH_BITS);
    }

    private static int distanceCode(int distance) {
        int c = 0;
        while (c < DISTANCE_BASE.length - 1 && DISTANCE_BASE[c + 1] <= distance) {
            c++;
        }
        return c;
    }

    private void symbol(int s) {
        bits(LITERAL_CODE[s], LITERAL_BITS[s]);
    }

    private void bits(int value, int count) {
        bitBuffer |= ((long) value) << bitCount;
        bitCount += count;
        while (bitCount >= 8) {
            out[size++] = (byte) bitBuffer;
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
    }

    private void alignToByte() {
        if (bitCount > 0) {
            ensure(1);
            out[size++] = (byte) bitBuffer;
            bitBuffer = 0;
            bitCount = 0;
        }
    }

    private void ensure(int more) {
        if (size + more + 8 > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more + 8));
        }
    }

    private static int reversed(int code, int bits) {
        return Integer.reverse(code) >>> (32 - bits);
    }
}
