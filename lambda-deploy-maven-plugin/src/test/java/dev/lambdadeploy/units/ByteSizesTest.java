package dev.lambdadeploy.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteSizesTest {
    @Test
    void printsUnitsWithOneDecimalRoundedHalfUp() {
        assertEquals("0 B", ByteSizes.human(0));
        assertEquals("1023 B", ByteSizes.human(1023));
        assertEquals("1.0 KiB", ByteSizes.human(1024));
        assertEquals("1.5 KiB", ByteSizes.human(1536));
        assertEquals("1.0 KiB", ByteSizes.human(1075)); // 1.0498 KiB
        assertEquals("1.3 KiB", ByteSizes.human(1280)); // 1.25 KiB exactly: half up, not half even
        assertEquals("118.3 MiB", ByteSizes.human(124_013_459));
        assertEquals("-19.7 MiB", ByteSizes.human(-20_670_000));
        assertEquals("1024.0 TiB", ByteSizes.human(1L << 50));
    }

    /** The integer path prints exactly what {@code %.1f} of the double prints, including every rounding boundary. */
    @Test
    void matchesTheFloatingPointFormatEverywhere() {
        for (long size = 1; size <= 1L << 40; size *= 1024) {
            for (long tenth = 0; tenth < 20_000; tenth++) {
                // the exact half-way points between printed tenths, and their neighbours
                long half = (2 * tenth + 1) * size / 20;
                for (long b = half - 2; b <= half + 2; b++) {
                    assertEquals(ByteSizes.formatted(b), ByteSizes.human(b), "bytes " + b);
                    assertEquals(ByteSizes.formatted(-b), ByteSizes.human(-b), "bytes " + -b);
                }
            }
        }
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 200_000; i++) {
            long b = random.nextLong(1L << 51);
            assertEquals(ByteSizes.formatted(b), ByteSizes.human(b), "bytes " + b);
        }
        assertEquals(ByteSizes.formatted(2_252_294_593_917_747L), ByteSizes.human(2_252_294_593_917_747L));
        assertEquals(ByteSizes.formatted(Long.MAX_VALUE), ByteSizes.human(Long.MAX_VALUE));
        assertEquals(ByteSizes.formatted(Long.MIN_VALUE), ByteSizes.human(Long.MIN_VALUE));
    }

    @Test
    void groupsDigitsAsTheFormatterDoes() {
        assertEquals("65,843,200", ByteSizes.grouped(65_843_200));
        assertEquals("-1,000", ByteSizes.grouped(-1000));
        assertEquals("999", ByteSizes.grouped(999));
        long[] edges = {
            0, 1, -1, 12, 123, 1234, -123, -1234, 100_000, 999_999, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE
        };
        for (long n : edges) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), ByteSizes.grouped(n), "n " + n);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long n = random.nextLong() >> random.nextInt(64);
            assertEquals(String.format(Locale.ROOT, "%,d", n), ByteSizes.grouped(n), "n " + n);
        }
    }
}
