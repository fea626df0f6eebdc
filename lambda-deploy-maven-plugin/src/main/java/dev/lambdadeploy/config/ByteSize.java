package dev.lambdadeploy.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as written in the POM: plain bytes ({@code 52428800}) or a number with a unit ({@code 50MB}, {@code 50 MiB},
 * {@code 1.5GB}). Every unit is binary, the way AWS states Lambda's quotas (its "50 MB" is 52,428,800 bytes, its
 * "250 MB" 262,144,000): {@code KB} = {@code KiB} = 1,024 bytes, {@code MB} = {@code MiB} = 1,048,576,
 * {@code GB} = {@code GiB} = 1,073,741,824. Units are case-insensitive; a fraction is rounded down to whole bytes.
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
    private static final Map<String, Long> UNITS = Map.of(
            "", 1L, "b", 1L, "kb", 1L << 10, "kib", 1L << 10, "mb", 1L << 20, "mib", 1L << 20, "gb", 1L << 30, "gib",
            1L << 30);

    public static final String FORMAT_HELP = "Write bytes (52428800) or a number with one of the units B, KB, MB, GB"
            + " (or KiB, MiB, GiB; all binary, 1 MB = 1,048,576 bytes as in AWS's quotas), e.g. 50MB, 50 MiB, 1.5GB.";

    private ByteSize() {}

    /** Bytes for {@code text}; {@code element} names the POM element in the error. */
    public static long parse(String text, String element) {
        String t = text == null ? "" : text.trim();
        Matcher m = SIZE.matcher(t);
        if (t.startsWith("-")) {
            throw new ConfigException(element, "size '" + text + "' is negative. " + FORMAT_HELP);
        }
        if (!m.matches()) {
            throw new ConfigException(element, "'" + text + "' is not a size. " + FORMAT_HELP);
        }
        Long unit = UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new ConfigException(element, "unknown unit '" + m.group(2) + "' in '" + text + "'. " + FORMAT_HELP);
        }
        if (unit == 1L && m.group(1).contains(".")) {
            throw new ConfigException(element, "'" + text + "' has a fraction of a byte. " + FORMAT_HELP);
        }
        BigDecimal bytes =
                new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.DOWN);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new ConfigException(element, "size '" + text + "' is too large.");
        }
        return bytes.longValueExact();
    }
}
