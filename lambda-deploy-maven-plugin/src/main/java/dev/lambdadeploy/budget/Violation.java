package dev.lambdadeploy.budget;

import dev.lambdadeploy.config.Severity;
import java.util.List;

/**
 * A broken limit: which budget, on what ({@code subject}: a zip, the package, ...), actual vs limit in the budget's
 * unit, the message, the biggest contributors and the fixes, best first.
 */
public record Violation(
        Budget budget,
        String subject,
        long actual,
        String actualText,
        String message,
        List<Contributor> contributors,
        List<Fix> fixes) {

    public Violation {
        contributors = List.copyOf(contributors);
        fixes = List.copyOf(fixes);
    }

    public Severity level() {
        return budget.level();
    }
}
