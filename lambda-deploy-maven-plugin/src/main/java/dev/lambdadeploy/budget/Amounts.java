package dev.lambdadeploy.budget;

import dev.lambdadeploy.units.ByteSizes;
import java.util.Locale;

/** How budget messages write amounts: human units first, exact bytes after, so both people and grep find them. */
public final class Amounts {
    private Amounts() {}

    /** {@code 62.8 MiB (65,843,200 bytes)} */
    public static String bytes(long bytes) {
        return ByteSizes.human(bytes) + " (" + ByteSizes.grouped(bytes) + " bytes)";
    }

    /** {@code 6 layers} */
    public static String layers(long n) {
        return n + (n == 1 ? " layer" : " layers");
    }

    /** Hundredths of a percent as {@code 5%} or {@code 2.5%}. */
    public static String percent(long hundredths) {
        return hundredths % 100 == 0
                ? (hundredths / 100) + "%"
                : String.format(Locale.ROOT, "%.2f%%", hundredths / 100.0).replaceAll("0+%$", "%");
    }

    /** A share of a whole, {@code 41.3%}. */
    public static String share(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
