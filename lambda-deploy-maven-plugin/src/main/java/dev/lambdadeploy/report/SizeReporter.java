package dev.lambdadeploy.report;

import dev.lambdadeploy.budget.Baseline;
import dev.lambdadeploy.budget.Budget;
import dev.lambdadeploy.budget.BudgetOutcome;
import dev.lambdadeploy.budget.PackageSizes;
import dev.lambdadeploy.budget.SizeBudgets;
import dev.lambdadeploy.log.BuildLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Measures the package, checks Lambda's limits and the user's budgets, and writes every report (console,
 * {@code size-report.json}, {@code size-report.html}, GitHub step summary) before anyone decides to fail the build:
 * a broken budget is exactly when the reports are needed.
 */
public final class SizeReporter {
    public static final String HTML_FILE = "size-report.html";
    private final BuildLog log;

    public SizeReporter(BuildLog log) {
        this.log = log;
    }

    public SizeReportResult run(SizeReportRequest request) {
        Optional<SizeReport> previous = readBaseline(request.baseline());
        String baselineName =
                request.baseline() == null ? null : request.baseline().toString();
        Optional<Baseline> baseline = previous.map(p -> BaselineComparison.toBaseline(p, baselineName));

        SizeBudgets.Result checked = SizeBudgets.check(new SizeBudgets.Request(
                request.manifest(),
                request.outputDirectory(),
                request.externalLayers(),
                request.imageBytes(),
                request.budgets().stream().map(Budget::of).collect(Collectors.toList()),
                baseline,
                request.budgetsSkipped()));
        PackageSizes sizes = checked.sizes();
        BudgetOutcome outcome = checked.outcome();
        List<SizeReport.Zip> zips = SizeReportBuilder.zips(sizes);
        List<SizeReport.Item> items = SizeReportBuilder.items(sizes);
        SizeReport.BaselineDiff diff = previous.map(p -> BaselineComparison.diff(p, baselineName, zips, items, sizes))
                .orElse(null);
        SizeReport report = SizeReportBuilder.build(request.manifest(), sizes, outcome, zips, items, diff);

        Path json = request.outputDirectory().resolve(SizeReport.FILE_NAME);
        Path html = request.outputDirectory().resolve(HTML_FILE);
        try {
            SizeReportIO.write(report, json);
            Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write the size report to " + request.outputDirectory() + ": " + e.getMessage(), e);
        }
        Path summary = appendStepSummary(request.githubStepSummary(), report);
        return new SizeReportResult(report, outcome, json, html, summary);
    }

    private Optional<SizeReport> readBaseline(Path file) {
        if (file == null) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            // The first build of a project has no baseline yet; growth budgets then report "not evaluated".
            log.warn("Baseline " + file + " does not exist: no comparison and no growth budgets this time."
                    + " <baseline> (lambda.budgets.baseline) should name the size-report.json of an earlier build.");
            return Optional.empty();
        }
        return Optional.of(SizeReportIO.readBaseline(file, "<baseline> (lambda.budgets.baseline)"));
    }

    private Path appendStepSummary(Path file, SizeReport report) {
        return file == null ? null : appendStepSummary(file, MarkdownReport.render(report), log);
    }

    /** GitHub Actions' job summary: appended, as several steps may write to it. Failure to write only warns. */
    public static Path appendStepSummary(Path file, String markdown, BuildLog log) {
        if (file == null) {
            return null;
        }
        try {
            Files.writeString(
                    file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return file;
        } catch (IOException e) {
            log.warn("Cannot append the size report to GITHUB_STEP_SUMMARY (" + file + "): " + e.getMessage());
            return null;
        }
    }
}
