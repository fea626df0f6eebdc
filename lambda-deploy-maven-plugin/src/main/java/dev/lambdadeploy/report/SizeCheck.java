package dev.lambdadeploy.report;

import dev.lambdadeploy.budget.BudgetOutcome;
import dev.lambdadeploy.budget.Violation;
import dev.lambdadeploy.log.BuildLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The size check of {@code lambda:package}: measure the package, check the budgets and write the reports, and say
 * what to print and whether the build must fail. When everything the check depends on is as in the last run (a no-op
 * build), the last verdict is replayed from {@link SizeCheckMemo} instead.
 */
public final class SizeCheck {
    private final BuildLog log;
    private final Function<Path, String> display;

    /** @param display how a report file is named in the printed lines (e.g. relative to the project) */
    public SizeCheck(BuildLog log, Function<Path, String> display) {
        this.log = log;
        this.display = display;
    }

    /**
     * @param manifestKey the key of all of the manifest's content ({@link
     *     dev.lambdadeploy.assemble.PackageResult#contentKey})
     * @param reuse replay a remembered verdict when its inputs are unchanged ({@code lambda.incremental})
     */
    public SizeCheckMemo.Verdict run(SizeReportRequest request, String manifestKey, boolean reuse) {
        Path out = request.outputDirectory();
        Path json = out.resolve(SizeReport.FILE_NAME);
        Path html = out.resolve(SizeReporter.HTML_FILE);
        Path memo = out.resolve("work").resolve(SizeCheckMemo.FILE_NAME);
        String key = SizeCheckMemo.key(request, manifestKey, display.apply(html) + "|" + display.apply(json));
        Optional<SizeCheckMemo.Verdict> remembered =
                reuse ? SizeCheckMemo.read(memo, key, json, html) : Optional.empty();
        if (remembered.isPresent()) {
            log.debug("Size check: package, budgets and baseline unchanged; replaying the last verdict");
            SizeReporter.appendStepSummary(
                    request.githubStepSummary(),
                    remembered.get().stepSummary() == null
                            ? ""
                            : remembered.get().stepSummary(),
                    log);
            return remembered.get();
        }
        SizeCheckMemo.Verdict verdict = check(request);
        try {
            SizeCheckMemo.write(memo, key, verdict, json, html);
        } catch (IOException | UncheckedIOException e) {
            // only a cache: the next run checks again instead of replaying
            log.warn("Cannot write " + memo + " (" + e.getMessage() + "); the next build checks the size again");
        }
        return verdict;
    }

    /** Measures, checks and writes the reports; returns what to print and the failure message, if any. */
    private SizeCheckMemo.Verdict check(SizeReportRequest request) {
        List<SizeCheckMemo.Line> lines = new ArrayList<>();
        BuildLog recording = new BuildLog() {
            @Override
            public void info(String message) {
                lines.add(new SizeCheckMemo.Line(SizeCheckMemo.Level.INFO, message));
            }

            @Override
            public void warn(String message) {
                lines.add(new SizeCheckMemo.Line(SizeCheckMemo.Level.WARN, message));
            }

            @Override
            public void debug(String message) {
                log.debug(message);
            }
        };
        SizeReportResult sizes = new SizeReporter(recording).run(request);
        BudgetSummary.render(sizes.report()).forEach(recording::info);
        recording.info(
                "Size report: " + display.apply(sizes.htmlFile()) + " (and " + display.apply(sizes.jsonFile()) + ")");
        for (SizeReport.ViolationEntry v : sizes.report().violations()) {
            SizeCheckMemo.Level level =
                    "ERROR".equals(v.level()) ? SizeCheckMemo.Level.ERROR : SizeCheckMemo.Level.WARN;
            BudgetSummary.violationLines(v).forEach(l -> lines.add(new SizeCheckMemo.Line(level, l)));
        }
        String stepSummaryMarkdown = request.githubStepSummary() == null ? null : MarkdownReport.render(sizes.report());
        BudgetOutcome outcome = sizes.outcome();
        if (outcome.errors().isEmpty()) {
            return new SizeCheckMemo.Verdict(lines, null, stepSummaryMarkdown);
        }
        StringBuilder msg = new StringBuilder()
                .append(outcome.errors().size())
                .append(" Lambda size budget")
                .append(outcome.errors().size() == 1 ? " is" : "s are")
                .append(" broken (details above and in ")
                .append(display.apply(sizes.htmlFile()))
                .append("):");
        for (Violation v : outcome.errors()) {
            msg.append("\n  - ").append(v.message());
            if (!v.fixes().isEmpty()) {
                msg.append("\n    best fix: ").append(v.fixes().get(0).title());
            }
        }
        msg.append("\nFix the package or raise the <budgets>; in an emergency -Dlambda.budgets.skip=true or"
                + " -Dlambda.budgets.failOnViolation=false let it through.");
        return new SizeCheckMemo.Verdict(lines, msg.toString(), stepSummaryMarkdown);
    }
}
