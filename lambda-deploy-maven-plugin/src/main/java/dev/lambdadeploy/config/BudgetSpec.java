package dev.lambdadeploy.config;

/**
 * One user budget from the POM. {@code limit} ({@code <max>}) is bytes, a layer count, or (growth only, {@code percent} true) a
 * percentage; {@code layer} narrows per-zip kinds to one layer ({@code function} for the function zip with
 * {@code growth}), {@code null} = every layer / the whole package.
 */
public record BudgetSpec(BudgetKind kind, long limit, boolean percent, String layer, Severity level, String element) {

    /** Parses {@code <max>} for {@code kind}; {@code element} names the budget in errors. */
    public static BudgetSpec parse(String kind, String max, String layer, String level, String element) {
        BudgetKind k = BudgetKind.parse(kind, element + "<kind>");
        Severity s = Severity.parse(level, element + "<level>");
        String maxElement = element + "<max>";
        if (max == null || max.isBlank()) {
            throw new ConfigException(maxElement, "budget '" + k.id() + "' has no <max>. " + example(k));
        }
        String l = layer == null || layer.isBlank() ? null : layer.trim();
        if (l != null && !k.perZip()) {
            throw new ConfigException(
                    element + "<layer>",
                    "budget '" + k.id() + "' applies to the whole package;"
                            + " <layer> only narrows layer-zipped, layer-unzipped and growth. Remove <layer>.");
        }
        String m = max.trim();
        switch (k.unit()) {
            case COUNT:
                if (!m.matches("\\d{1,9}")) {
                    throw new ConfigException(maxElement, "'" + max + "' is not a layer count. " + example(k));
                }
                return new BudgetSpec(k, Long.parseLong(m), false, l, s, element);
            case BYTES_OR_PERCENT:
                if (m.endsWith("%")) {
                    String p = m.substring(0, m.length() - 1).trim();
                    if (!p.matches("\\d{1,6}(\\.\\d+)?")) {
                        throw new ConfigException(maxElement, "'" + max + "' is not a percentage. " + example(k));
                    }
                    // hundredths of a percent keep 2.5% exact
                    return new BudgetSpec(k, Math.round(Double.parseDouble(p) * 100), true, l, s, element);
                }
                return new BudgetSpec(k, ByteSize.parse(m, maxElement), false, l, s, element);
            default:
                return new BudgetSpec(k, ByteSize.parse(m, maxElement), false, l, s, element);
        }
    }

    private static String example(BudgetKind k) {
        switch (k.unit()) {
            case COUNT:
                return "Write a whole number, e.g. <max>3</max>.";
            case BYTES_OR_PERCENT:
                return "Write a size or a percentage, e.g. <max>5%</max> or <max>2MB</max>. " + ByteSize.FORMAT_HELP;
            default:
                return "Write a size, e.g. <max>40MB</max>. " + ByteSize.FORMAT_HELP;
        }
    }
}
