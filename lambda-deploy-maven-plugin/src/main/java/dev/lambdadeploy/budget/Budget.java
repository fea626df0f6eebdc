package dev.lambdadeploy.budget;

import dev.lambdadeploy.config.BudgetKind;
import dev.lambdadeploy.config.BudgetSpec;
import dev.lambdadeploy.config.Severity;

/**
 * One limit to check: an AWS hard limit ({@code aws} true) or a user budget from the POM. {@code limit} is bytes, a
 * layer count, or hundredths of a percent when {@code percent}; {@code layer} narrows per-zip kinds to one zip.
 */
public record Budget(
        String id,
        boolean aws,
        BudgetKind kind,
        long limit,
        boolean percent,
        String layer,
        Severity level,
        String element) {

    public static Budget of(BudgetSpec spec) {
        String id = spec.kind().id() + (spec.layer() == null ? "" : "[" + spec.layer() + "]");
        return new Budget(
                id, false, spec.kind(), spec.limit(), spec.percent(), spec.layer(), spec.level(), spec.element());
    }

    public String source() {
        return aws ? "AWS limit" : "budget";
    }

    /** The limit as people read it: {@code 40.0 MiB (41,943,040 bytes)}, {@code 3 layers}, {@code 5%}. */
    public String limitText() {
        if (percent) {
            return Amounts.percent(limit);
        }
        return kind.unit() == BudgetKind.Unit.COUNT ? Amounts.layers(limit) : Amounts.bytes(limit);
    }
}
