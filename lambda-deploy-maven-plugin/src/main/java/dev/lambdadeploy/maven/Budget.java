package dev.lambdadeploy.maven;

import dev.lambdadeploy.config.BudgetSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * POM form of a size budget:
 * {@code <budget><kind>layer-zipped</kind><max>40MB</max><layer>deps</layer><level>WARN</level></budget>}.
 */
public class Budget {
    /**
     * {@code function-zipped}, {@code function-unzipped}, {@code layer-zipped}, {@code layer-unzipped},
     * {@code total-unzipped}, {@code layer-count}, {@code image-size} or {@code growth}.
     */
    String kind;

    /** The limit: a size ({@code 40MB}), a layer count ({@code 3}), or for growth also a percentage ({@code 5%}). */
    String max;

    /** Narrows layer-zipped, layer-unzipped and growth to one layer ({@code function} for the function zip). */
    String layer;

    /** {@code ERROR} (default, fails the build) or {@code WARN}. */
    String level;

    /** The {@code <budgets>} of lambda:package and lambda:deploy, parsed; an error names the entry by its position. */
    static List<BudgetSpec> specs(List<Budget> budgets) {
        List<BudgetSpec> specs = new ArrayList<>();
        for (int i = 0; i < budgets.size(); i++) {
            Budget b = budgets.get(i);
            specs.add(BudgetSpec.parse(b.kind, b.max, b.layer, b.level, "<budgets><budget>[" + (i + 1) + "]"));
        }
        return specs;
    }
}
