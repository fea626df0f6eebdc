package dev.lambdadeploy.units;

import java.util.Locale;

/** Human-readable binary sizes (1 KiB = 1024 bytes), as the console and reports print them. */
public final class ByteSizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    /**
     * Below this (2 PiB) both paths print the same: a size divided by a power of 1024 is exact in a double, and the
     * double's shortest decimal form (what {@code %.1f} rounds) is never pushed across a rounding boundary.
     */
    private static final long EXACT_LIMIT = 1L << 51;

    private ByteSizes() {}

    /** E.g. {@code 512 B}, {@code 1.5 KiB}, {@code 118.3 MiB}: one decimal, rounded half up (as {@code %.1f}). */
    public static String human(long bytes) {
        long abs = Math.abs(bytes);
        if (abs < 0 || abs >= EXACT_LIMIT) {
            return formatted(bytes);
        }
        String sign = bytes < 0 ? "-" : "";
        int unit = 0;
        long size = 1;
        while (abs >= size * 1024 && unit < UNITS.length - 1) {
            size *= 1024;
            unit++;
        }
        if (unit == 0) {
            return sign + abs + " B";
        }
        // abs / size rounded half up to tenths, in integers: the console prints dozens of these per build, and in a
        // fresh JVM the first floating-point String.format costs milliseconds
        long tenths = (abs * 20 + size) / (2 * size);
        return sign + tenths / 10 + "." + tenths % 10 + " " + UNITS[unit];
    }

    /**
     * Digits in groups of three, as {@code String.format(Locale.ROOT, "%,d", n)} prints them ({@code 65,843,200}), without
     * the formatter: a budget message prints one per candidate fix, and a cold {@code Formatter} costs tens of
     * microseconds a call.
     */
    public static String grouped(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        int length = digits.length() - start;
        if (length <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.length() + length / 3);
        out.append(digits, 0, start);
        int first = length % 3 == 0 ? 3 : length % 3;
        out.append(digits, start, start + first);
        for (int i = start + first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /** The same text by floating point and {@code %.1f}, for sizes beyond {@link #EXACT_LIMIT}. */
    static String formatted(long bytes) {
        double v = Math.abs(bytes);
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        String sign = bytes < 0 ? "-" : "";
        return unit == 0 ? sign + (long) v + " B" : String.format(Locale.ROOT, "%s%.1f %s", sign, v, UNITS[unit]);
    }
}
