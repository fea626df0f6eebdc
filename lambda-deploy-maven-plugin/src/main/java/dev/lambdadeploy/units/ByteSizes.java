package dev.lambdadeploy.units;

import java.util.Locale;

/** Human-readable binary sizes (1 KiB = 1024 bytes), as the console and reports print them. */
public final class ByteSizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {}

    public static String human(long bytes) {
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
