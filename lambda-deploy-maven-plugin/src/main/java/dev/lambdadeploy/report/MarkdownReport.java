package dev.lambdadeploy.report;

import dev.lambdadeploy.units.ByteSizes;
import java.util.List;

/** The size report as GitHub-flavoured Markdown, appended to {@code $GITHUB_STEP_SUMMARY} in GitHub Actions. */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String render(SizeReport r) {
        StringBuilder md = new StringBuilder();
        long errors =
                r.violations().stream().filter(v -> "ERROR".equals(v.level())).count();
        long warnings = r.violations().size() - errors;
        String verdict = r.budgetsSkipped()
                ? "budgets skipped"
                : errors > 0
                        ? ":x: " + errors + " budget(s) broken"
                        : warnings > 0 ? ":warning: " + warnings + " warning(s)" : ":white_check_mark: within budget";
        md.append("### Lambda package size: ")
                .append(cell(r.project().artifactId()))
                .append(' ')
                .append(cell(r.project().version()))
                .append(" \u2014 ")
                .append(verdict)
                .append("\n\n");
        md.append("**")
                .append(ByteSizes.human(r.totals().unzippedBytes()))
                .append("** unzipped of Lambda's ")
                .append(ByteSizes.human(r.limits().totalUnzippedBytes()))
                .append(", ")
                .append(ByteSizes.human(r.totals().zippedBytes()))
                .append(" zipped, ")
                .append(r.totals().layerCount())
                .append(" of ")
                .append(r.limits().maxLayers())
                .append(" layers.\n\n");

        md.append("| zip | jars | zipped | unzipped | share |\n|---|---:|---:|---:|---:|\n");
        for (SizeReport.Zip z : r.zips()) {
            md.append("| ")
                    .append(cell(ReportText.zipLabel(z)))
                    .append(" | ")
                    .append(z.jarCount())
                    .append(" | ")
                    .append(z.zippedBytes() == null ? "?" : ByteSizes.human(z.zippedBytes()))
                    .append(" | ")
                    .append(ByteSizes.human(z.unzippedBytes()))
                    .append(" | ")
                    .append(ReportText.percent(z.shareOfTotal()))
                    .append(" |\n");
        }
        if (!r.budgetsSkipped()) {
            md.append("\n| budget | level | subject | actual | limit | status |\n|---|---|---|---:|---:|---|\n");
            for (SizeReport.BudgetCheck c : r.budgets()) {
                String icon = "violated".equals(c.status())
                        ? ("ERROR".equals(c.level()) ? ":x: " : ":warning: ")
                        : "ok".equals(c.status()) ? ":white_check_mark: " : "";
                md.append("| ")
                        .append(cell(c.id()))
                        .append(" | ")
                        .append(c.level())
                        .append(" | ")
                        .append(cell(c.subject()))
                        .append(" | ")
                        .append(ReportText.actual(c))
                        .append(" | ")
                        .append(ReportText.limit(c))
                        .append(" | ")
                        .append(icon)
                        .append(ReportText.status(c))
                        .append(c.note() == null ? "" : " " + cell(c.note()))
                        .append(" |\n");
            }
        }
        if (!r.violations().isEmpty()) {
            md.append("\n#### Violations\n");
            for (SizeReport.ViolationEntry v : r.violations()) {
                md.append("\n**")
                        .append(v.level())
                        .append("** ")
                        .append(text(v.message()))
                        .append("\n\n");
                for (SizeReport.ContributorEntry c : v.contributors()) {
                    md.append("- ").append(text(ReportText.contributor(c))).append('\n');
                }
                int n = 1;
                for (SizeReport.FixEntry f : v.fixes()) {
                    md.append(n++ == 1 ? "\nFixes, best first:\n\n" : "")
                            .append(n - 1)
                            .append(". ")
                            .append(text(f.title()))
                            .append(f.sufficient() ? " *(enough on its own)*" : "")
                            .append('\n');
                    if (f.snippet() != null && !f.snippet().isEmpty()) {
                        md.append("   ```")
                                .append(f.snippet().startsWith("<") ? "xml" : "sh")
                                .append('\n');
                        f.snippet()
                                .lines()
                                .forEach(l -> md.append("   ").append(l).append('\n'));
                        md.append("   ```\n");
                    }
                }
            }
        }
        if (r.baseline() != null) {
            SizeReport.BaselineDiff d = r.baseline();
            md.append("\n#### Since baseline (")
                    .append(cell(d.file()))
                    .append("): ")
                    .append(ReportText.signed(d.deltaBytes()))
                    .append(" unzipped\n\n");
            List<SizeReport.Change> changes = d.changes();
            if (changes.isEmpty()) {
                md.append("No changes.\n");
            } else {
                md.append("| change | what | before | after | delta |\n|---|---|---:|---:|---:|\n");
                for (SizeReport.Change c : changes) {
                    md.append("| ")
                            .append(c.change())
                            .append(" | ")
                            .append(cell(c.name()))
                            .append(" | ")
                            .append(c.beforeBytes() == null ? "" : ByteSizes.human(c.beforeBytes()))
                            .append(" | ")
                            .append(c.afterBytes() == null ? "" : ByteSizes.human(c.afterBytes()))
                            .append(" | ")
                            .append(ReportText.signed(c.deltaBytes()))
                            .append(" |\n");
                }
            }
        }
        return md.append('\n').toString();
    }

    /** Table cells must not contain pipes or line breaks. */
    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    /** Inline text: keep XML-ish element names from turning into HTML. */
    private static String text(String s) {
        return s.replace("<", "&lt;").replace(">", "&gt;");
    }
}
