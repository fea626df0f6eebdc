package dev.lambdadeploy.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a budget limits. The POM name ({@link #id()}) is what {@code <budget><kind>} takes. */
public enum BudgetKind {
    FUNCTION_ZIPPED("function-zipped", "function.zip file size", Unit.BYTES),
    FUNCTION_UNZIPPED("function-unzipped", "function.zip unzipped size", Unit.BYTES),
    LAYER_ZIPPED("layer-zipped", "layer zip file size", Unit.BYTES),
    LAYER_UNZIPPED("layer-unzipped", "layer unzipped size", Unit.BYTES),
    TOTAL_UNZIPPED("total-unzipped", "function + all layers, unzipped", Unit.BYTES),
    LAYER_COUNT("layer-count", "number of layers, external ones included", Unit.COUNT),
    IMAGE_SIZE("image-size", "container image size", Unit.BYTES),
    GROWTH("growth", "growth of the unzipped size against the baseline", Unit.BYTES_OR_PERCENT);

    /** How {@code <max>} is written for this kind. */
    public enum Unit {
        BYTES,
        COUNT,
        BYTES_OR_PERCENT
    }

    private final String id;
    private final String description;
    private final Unit unit;

    BudgetKind(String id, String description, Unit unit) {
        this.id = id;
        this.description = description;
        this.unit = unit;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Unit unit() {
        return unit;
    }

    /** Kinds that {@code <layer>} narrows to one zip. */
    public boolean perZip() {
        return this == LAYER_ZIPPED || this == LAYER_UNZIPPED || this == GROWTH;
    }

    public static BudgetKind parse(String value, String element) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (BudgetKind k : values()) {
            if (k.id.equals(v) || k.id.replace("-", "").equals(v)) {
                return k;
            }
        }
        throw new ConfigException(
                element,
                "unknown budget kind '" + value + "'. Use one of "
                        + Arrays.stream(values()).map(BudgetKind::id).collect(Collectors.joining(", ")) + ".");
    }
}
