package dev.lambdadeploy.budget;

import dev.lambdadeploy.config.Severity;
import java.util.List;
import java.util.stream.Collectors;

/** Every check made and every violation found; {@code skipped} when budgets were switched off for this run. */
public record BudgetOutcome(List<Check> checks, List<Violation> violations, boolean skipped) {
    public BudgetOutcome {
        checks = List.copyOf(checks);
        violations = List.copyOf(violations);
    }

    public static BudgetOutcome skippedOutcome() {
        return new BudgetOutcome(List.of(), List.of(), true);
    }

    public List<Violation> errors() {
        return violations.stream().filter(v -> v.level() == Severity.ERROR).collect(Collectors.toList());
    }

    public List<Violation> warnings() {
        return violations.stream().filter(v -> v.level() == Severity.WARN).collect(Collectors.toList());
    }
}
