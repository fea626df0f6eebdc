package dev.lambdadeploy.assemble;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeflateEncoderTest {
    @Test
    void everyKindOfSliceInflatesToTheInput() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            byte[] in = sample(random, 1 + random.nextInt(400_000));
            DeflateEncoder encoder = new DeflateEncoder(in);
            int pos = 0;
            while (pos < in.length) {
                int end = Math.min(in.length, pos + random.nextInt(random.nextBoolean() ? 300 : 150_000));
                switch (random.nextInt(3)) {
                    case 0 -> encoder.stored(pos, end); // includes stored runs over 65,535 bytes and empty ones
                    case 1 -> encoder.compressed(pos, end);
                    default -> encoder.zlib(pos, end, 1 + random.nextInt(9));
                }
                pos = end;
            }
            int tail = random.nextInt(3) == 0 ? in.length : Math.max(0, in.length - random.nextInt(5000));
            // zlib's tail may start anywhere, with up to 32 KB before it as dictionary
            DeflateEncoder again = new DeflateEncoder(in);
            again.compressed(0, tail);
            assertArrayEquals(in, JarDeflaterTest.inflate(again.finish(tail, 6), in.length), "round " + round);
            assertArrayEquals(in, JarDeflaterTest.inflate(encoder.finish(in.length, 1), in.length), "round " + round);
        }
    }

    @Test
    void longRunsAndFarRepeatsUseTheWholeWindow() throws Exception {
        byte[] in = new byte[200_000];
        byte[] phrase = "software/amazon/awssdk/services/s3/model/".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(3);
        for (int i = 0; i < in.length; i++) {
            // runs (distance 1, the longest lengths), phrases repeated ~32 KB apart and noise
            in[i] = (byte)
                    (i % 40_000 < 1_000 ? 'a' : i % 32_760 < phrase.length ? phrase[i % 32_760] : random.nextInt(256));
        }
        DeflateEncoder encoder = new DeflateEncoder(in);
        encoder.compressed(0, in.length);
        byte[] stream = encoder.finish(in.length, 6);
        assertArrayEquals(in, JarDeflaterTest.inflate(stream, in.length));
    }

    @Test
    void incompressibleSlicesAreStoredRatherThanExpanded() throws Exception {
        byte[] in = new byte[300_000];
        new Random(11).nextBytes(in); // like a native library a jar stores
        DeflateEncoder encoder = new DeflateEncoder(in);
        encoder.compressed(0, 1000);
        encoder.compressed(1000, in.length);
        byte[] stream = encoder.finish(in.length, 6);
        assertArrayEquals(in, JarDeflaterTest.inflate(stream, in.length));
        // fixed codes would spend ~8.5 bits per random byte (~319 KB); stored blocks cost 5 bytes per 64 KB
        assertTrue(stream.length < in.length + 64, stream.length + " bytes for " + in.length);
    }

    @Test
    void streamIsByteForByteTheSameAsBeforeTheEncoderWasTunedForColdJvms() throws Exception {
        // Zips stay byte-identical across plugin versions (reproducible builds; a zip's hash decides reuse and what
        // Lambda sees as changed). This SHA-256 is that of the stream the encoder wrote before issue 18 rewrote its
        // fixed-Huffman loop, on slices of every kind.
        byte[] in = sample(new Random(18), 700_000);
        assertEquals(
                "a9f71d10231996e5b4018a4116919994d15c69a4ac6015e8a1b92343c6a60a9b",
                Hashes.hex(Hashes.sha256().digest(pinnedStream(in))));
        assertArrayEquals(in, JarDeflaterTest.inflate(pinnedStream(in), in.length));
    }

    static byte[] pinnedStream(byte[] in) {
        Random random = new Random(1951);
        DeflateEncoder encoder = new DeflateEncoder(in);
        int pos = 0;
        while (pos < in.length - 40_000) {
            int end = pos + random.nextInt(random.nextBoolean() ? 400 : 40_000);
            switch (random.nextInt(4)) {
                case 0 -> encoder.stored(pos, end);
                case 3 -> encoder.zlib(pos, end, 1 + random.nextInt(9));
                default -> encoder.compressed(pos, end);
            }
            pos = end;
        }
        return encoder.finish(pos, 6);
    }

    /** Text, repeats and random bytes, so slices hit every literal code, lengths up to 258 and far distances. */
    private static byte[] sample(Random random, int size) {
        byte[] out = new byte[size];
        int i = 0;
        while (i < size) {
            int kind = random.nextInt(3);
            int n = Math.min(size - i, 1 + random.nextInt(2_000));
            for (int k = 0; k < n; k++, i++) {
                out[i] = switch (kind) {
                    case 0 -> (byte) ("META-INF/maven/org.example/".charAt(k % 27));
                    case 1 -> i > 40_000 ? out[i - 1 - random.nextInt(32_768)] : (byte) random.nextInt(4);
                    default -> (byte) random.nextInt(256);
                };
            }
        }
        return out;
    }
}
