package dev.lambdadeploy.report;

import dev.lambdadeploy.budget.BudgetOutcome;
import java.nio.file.Path;

/** The report written, the budget outcome to act on, and where the files went ({@code stepSummary} may be null). */
public record SizeReportResult(
        SizeReport report, BudgetOutcome outcome, Path jsonFile, Path htmlFile, Path stepSummary) {}
