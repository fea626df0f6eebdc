package dev.lambdadeploy.report;

import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console part of the size report, printed on every {@code lambda:package} after {@link PackageSummary}: totals
 * against Lambda's limits, every budget with its status, and the baseline change.
 */
public final class BudgetSummary {
    private BudgetSummary() {}

    public static List<String> render(SizeReport r) {
        List<String> lines = new ArrayList<>();
        SizeReport.Totals t = r.totals();
        lines.add(String.format(
                Locale.ROOT,
                "Size: %s unzipped (function + %d layer%s) of Lambda's %s; %s zipped",
                ByteSizes.human(t.unzippedBytes()),
                t.layerCount(),
                t.layerCount() == 1 ? "" : "s",
                ByteSizes.human(r.limits().totalUnzippedBytes()),
                ByteSizes.human(t.zippedBytes())));
        if (r.budgetsSkipped()) {
            lines.add("Budgets: skipped (lambda.budgets.skip=true); Lambda's limits were not checked.");
        } else {
            String fmt = "  %-28s %-5s %-36s %12s %12s  %s";
            lines.add(String.format(Locale.ROOT, fmt, "BUDGET", "LEVEL", "SUBJECT", "ACTUAL", "LIMIT", "STATUS"));
            for (SizeReport.BudgetCheck c : r.budgets()) {
                lines.add(String.format(
                        Locale.ROOT,
                        fmt,
                        c.id(),
                        c.level(),
                        clip(c.subject(), 36),
                        ReportText.actual(c),
                        ReportText.limit(c),
                        ReportText.status(c) + (c.note() == null ? "" : " (" + c.note() + ")")));
            }
        }
        if (r.baseline() != null) {
            SizeReport.BaselineDiff d = r.baseline();
            long grew =
                    d.changes().stream().filter(c -> c.change().equals("grew")).count();
            long shrank = d.changes().stream()
                    .filter(c -> c.change().equals("shrank"))
                    .count();
            long appeared = d.changes().stream()
                    .filter(c -> c.change().equals("appeared"))
                    .count();
            long vanished = d.changes().stream()
                    .filter(c -> c.change().equals("vanished"))
                    .count();
            lines.add(String.format(
                    Locale.ROOT,
                    "Since baseline %s: %s unzipped (%s -> %s); %d grew, %d shrank," + " %d appeared, %d vanished",
                    d.file(),
                    ReportText.signed(d.deltaBytes()),
                    ByteSizes.human(d.totalUnzippedBefore()),
                    ByteSizes.human(d.totalUnzippedNow()),
                    grew,
                    shrank,
                    appeared,
                    vanished));
            d.changes().stream()
                    .limit(10)
                    .forEach(c -> lines.add(String.format(
                            Locale.ROOT,
                            "  %-9s %-50s %s%s",
                            c.change(),
                            clip(c.name(), 50),
                            ReportText.signed(c.deltaBytes()),
                            c.beforeVersion() != null
                                            && c.afterVersion() != null
                                            && !c.beforeVersion().equals(c.afterVersion())
                                    ? "  (" + c.beforeVersion() + " -> " + c.afterVersion() + ")"
                                    : "")));
        }
        return lines;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** One violation as log lines: the message, its biggest contributors, and the fixes with XML to paste. */
    public static List<String> violationLines(SizeReport.ViolationEntry v) {
        return ReportText.violationLines(v);
    }
}
