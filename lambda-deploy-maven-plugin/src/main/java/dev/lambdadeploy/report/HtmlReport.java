package dev.lambdadeploy.report;

import static dev.lambdadeploy.report.Html.esc;

import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The size report as one self-contained HTML page: inline CSS, inline SVG charts, a few lines of inline script
 * (sortable tables only; everything is readable without it) and a Content-Security-Policy that forbids every network
 * request, so the page looks the same from a CI artifact, an e-mail or a file share. The page, its style and script
 * are the resources {@code size-report.html}, {@code .css} and {@code .js}; the charts and tables, which depend on the
 * data, are drawn here.
 */
public final class HtmlReport {
    /** Colors the charts use; the browser test looks for them in the screenshot. */
    public static final String FUNCTION_COLOR = "#2563eb";

    private static final List<String> LAYER_COLORS =
            List.of("#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d");
    public static final String EXTERNAL_COLOR = "#9ca3af";
    public static final String AWS_LIMIT_COLOR = "#dc2626";
    public static final String BUDGET_COLOR = "#ea580c";

    private static final int CHART_WIDTH = 960;
    /** The whole limit behind each "largest dependencies" bar. */
    static final String TRACK_COLOR = "#f3f4f6";

    private static final String PAGE = Html.resource("size-report.html");
    private static final String CSS = Html.resource("size-report.css");
    private static final String SCRIPT = Html.resource("size-report.js");

    private static final int LABEL_WIDTH = 300;
    private static final int BAR_AREA = CHART_WIDTH - LABEL_WIDTH - 190;

    private HtmlReport() {}

    public static String render(SizeReport r) {
        long errors =
                r.violations().stream().filter(v -> "ERROR".equals(v.level())).count();
        long warnings = r.violations().size() - errors;
        String verdictClass = r.budgetsSkipped() ? "skipped" : errors > 0 ? "broken" : warnings > 0 ? "warn" : "ok";
        String verdict = r.budgetsSkipped()
                ? "Budgets skipped (lambda.budgets.skip)"
                : errors > 0
                        ? errors + " budget" + (errors == 1 ? "" : "s") + " broken"
                        : warnings > 0 ? warnings + " warning" + (warnings == 1 ? "" : "s") : "Within all budgets";
        SizeReport.Totals t = r.totals();
        Map<String, String> page = new HashMap<>();
        page.put("css", CSS);
        page.put("script", SCRIPT);
        page.put("groupId", r.project().groupId());
        page.put("artifactId", r.project().artifactId());
        page.put("version", r.project().version());
        page.put("architecture", r.architecture());
        page.put("pluginVersion", r.pluginVersion());
        page.put("verdictClass", verdictClass);
        page.put("verdict", verdict);
        page.put("unzipped", ByteSizes.human(t.unzippedBytes()));
        page.put("unzippedLimit", ByteSizes.human(r.limits().totalUnzippedBytes()));
        page.put("zipped", ByteSizes.human(t.zippedBytes()));
        page.put("layers", String.valueOf(t.layerCount()));
        page.put("maxLayers", String.valueOf(r.limits().maxLayers()));
        page.put("sections", sections(r));
        return Html.fill(PAGE, page);
    }

    private static String sections(SizeReport r) {
        Map<String, String> colors = colors(r);
        StringBuilder h = new StringBuilder(64 * 1024);
        totalChart(h, r, colors);
        zipChart(h, r, colors);
        itemChart(h, r, colors);
        violations(h, r);
        budgetTable(h, r);
        zipTable(h, r, colors);
        itemTable(h, r, colors);
        baseline(h, r);
        return h.toString();
    }

    private static Map<String, String> colors(SizeReport r) {
        Map<String, String> colors = new HashMap<>();
        int layer = 0;
        for (SizeReport.Zip z : r.zips()) {
            switch (z.kind()) {
                case "function":
                    colors.put(z.id(), FUNCTION_COLOR);
                    break;
                case "layer":
                    colors.put(z.id(), LAYER_COLORS.get(layer++ % LAYER_COLORS.size()));
                    break;
                default:
                    colors.put(z.id(), EXTERNAL_COLOR);
            }
        }
        return colors;
    }

    /** One stacked bar: every zip's unzipped size against Lambda's 262,144,000 bytes and any total budget. */
    private static void totalChart(StringBuilder h, SizeReport r, Map<String, String> colors) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(
                r.limits().totalUnzippedBytes(),
                AWS_LIMIT_COLOR,
                "AWS limit " + ByteSizes.human(r.limits().totalUnzippedBytes()),
                false));
        r.budgets().stream()
                .filter(c -> "total-unzipped".equals(c.kind()) && "pom".equals(c.source()))
                .forEach(c ->
                        lines.add(new Line(c.limit(), BUDGET_COLOR, "budget " + ByteSizes.human(c.limit()), true)));
        long total = r.totals().unzippedBytes();
        long scale = Math.max(total, lines.stream().mapToLong(l -> l.at).max().orElse(1)) * 105 / 100;
        int width = CHART_WIDTH - 40;
        h.append("<section><h2>Function + layers, unzipped</h2>\n<svg id=\"chart-total\" class=\"chart\" width=\"")
                .append(CHART_WIDTH)
                .append("\" height=\"120\" viewBox=\"0 0 ")
                .append(CHART_WIDTH)
                .append(" 120\" role=\"img\" aria-label=\"unzipped size of each zip against the limits\">\n");
        double x = 20;
        for (SizeReport.Zip z : r.zips()) {
            double w = (double) z.unzippedBytes() / scale * width;
            h.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"bar\" x=\"%.1f\" y=\"30\" width=\"%.1f\" height=\"44\""
                            + " fill=\"%s\"><title>%s: %s</title></rect>\n",
                    x,
                    Math.max(w, 0.5),
                    colors.get(z.id()),
                    esc(ReportText.zipLabel(z)),
                    ByteSizes.human(z.unzippedBytes())));
            x += w;
        }
        for (Line l : lines) {
            double lx = 20 + (double) l.at / scale * width;
            h.append(String.format(
                    Locale.ROOT,
                    "<line class=\"limit\" x1=\"%.1f\" x2=\"%.1f\" y1=\"18\" y2=\"86\""
                            + " stroke=\"%s\" stroke-width=\"4\"%s/>\n<text x=\"%.1f\" y=\"104\" fill=\"%s\""
                            + " text-anchor=\"middle\">%s</text>\n",
                    lx,
                    lx,
                    l.color,
                    l.dashed ? " stroke-dasharray=\"6 4\"" : "",
                    Math.min(Math.max(lx, 60), CHART_WIDTH - 80),
                    l.color,
                    esc(l.label)));
        }
        h.append(String.format(
                Locale.ROOT, "<text x=\"20\" y=\"16\">%s unzipped in total</text>\n</svg>\n", ByteSizes.human(total)));
        h.append("<p class=\"legend\">");
        for (SizeReport.Zip z : r.zips()) {
            h.append("<span><i style=\"background:")
                    .append(colors.get(z.id()))
                    .append("\"></i>")
                    .append(esc(ReportText.zipLabel(z)))
                    .append("</span>");
        }
        h.append("</p></section>\n");
    }

    /** Each zip, zipped and unzipped, against the 50 MB direct-upload limit and any per-layer budgets. */
    private static void zipChart(StringBuilder h, SizeReport r, Map<String, String> colors) {
        List<SizeReport.Zip> zips = r.zips();
        long max = r.limits().directUploadZippedBytes();
        for (SizeReport.Zip z : zips) {
            max = Math.max(max, z.unzippedBytes());
        }
        long scale = max * 105 / 100;
        int rowH = 40;
        int height = 30 + zips.size() * rowH + 20;
        h.append(
                        "<section><h2>Zips: zipped (dark) and unzipped (light)</h2>\n<svg id=\"chart-zips\" class=\"chart\" width=\"")
                .append(CHART_WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(CHART_WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"size of each zip\">\n");
        int y = 24;
        boolean budgetLines = false;
        for (SizeReport.Zip z : zips) {
            String color = colors.get(z.id());
            h.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                    LABEL_WIDTH - 8,
                    y + 20,
                    esc(clip(ReportText.zipLabel(z), 40))));
            double wu = bar(h, y + 16, z.unzippedBytes(), scale, color, " fill-opacity=\"0.45\"", "unzipped");
            if (z.zippedBytes() != null) {
                bar(h, y + 2, z.zippedBytes(), scale, color, "", "zipped");
            }
            h.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" class=\"val\">%s / %s</text>\n",
                    LABEL_WIDTH + Math.max(wu, 0) + 6,
                    y + 20,
                    z.zippedBytes() == null ? "?" : ByteSizes.human(z.zippedBytes()),
                    ByteSizes.human(z.unzippedBytes())));
            for (SizeReport.BudgetCheck c : r.budgets()) {
                boolean applies = ("layer-zipped".equals(c.kind())
                                || "layer-unzipped".equals(c.kind())
                                || "function-zipped".equals(c.kind())
                                || "function-unzipped".equals(c.kind()))
                        && subjectIs(c, z);
                if (applies && c.actual() != null) {
                    double lx = LABEL_WIDTH + (double) c.limit() / scale * BAR_AREA;
                    boolean aws = "aws".equals(c.source());
                    budgetLines |= !aws;
                    h.append(String.format(
                            Locale.ROOT,
                            "<line class=\"limit\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\""
                                    + " y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"%s><title>%s %s</title></line>\n",
                            lx,
                            lx,
                            y,
                            y + 32,
                            aws ? AWS_LIMIT_COLOR : BUDGET_COLOR,
                            aws ? "" : " stroke-dasharray=\"4 3\"",
                            esc(c.id()),
                            ByteSizes.human(c.limit())));
                }
            }
            y += rowH;
        }
        double lx = LABEL_WIDTH + (double) r.limits().directUploadZippedBytes() / scale * BAR_AREA;
        h.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" fill=\"%s\" text-anchor=\"middle\">"
                        + "50 MiB direct upload</text>\n</svg>\n",
                Math.min(lx, CHART_WIDTH - 90),
                height - 4,
                AWS_LIMIT_COLOR));
        // the legend names only what the chart draws: no "your budget" without a budget line
        h.append("<p class=\"legend\"><span><i style=\"background:")
                .append(AWS_LIMIT_COLOR)
                .append("\"></i>AWS limit</span>");
        if (budgetLines) {
            h.append("<span><i style=\"background:").append(BUDGET_COLOR).append("\"></i>your budget</span>");
        }
        h.append("</p></section>\n");
    }

    private static boolean subjectIs(SizeReport.BudgetCheck c, SizeReport.Zip z) {
        return c.subject().equals(ReportText.zipLabel(z));
    }

    /**
     * The largest packaged items, each bar scaled to Lambda's 250 MiB total (the full grey track), as the heading
     * says: a jar that takes 4 % of the limit fills 4 % of the track.
     */
    private static void itemChart(StringBuilder h, SizeReport r, Map<String, String> colors) {
        List<SizeReport.Item> items = r.contents()
                .subList(0, Math.min(ReportText.TOP_ITEMS, r.contents().size()));
        long limit = Math.max(1, r.limits().totalUnzippedBytes());
        int rowH = 24;
        int height = 10 + items.size() * rowH;
        h.append("<section><h2>Largest dependencies (unzipped, share of Lambda's ")
                .append(ByteSizes.human(r.limits().totalUnzippedBytes()))
                .append(": the full bar)</h2>\n")
                .append("<svg id=\"chart-deps\" class=\"chart\" width=\"")
                .append(CHART_WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(CHART_WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"largest dependencies\">\n");
        int y = 6;
        for (SizeReport.Item i : items) {
            double share = (double) i.unzippedBytes() / limit;
            double w = Math.min(share, 1) * BAR_AREA;
            String name = "classes".equals(i.kind()) ? i.key() : i.groupId() + ":" + i.artifactId();
            h.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n"
                            + "<rect class=\"track\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"%s\"/>\n"
                            + "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\""
                            + " data-share=\"%.6f\"><title>%s</title></rect>\n"
                            + "<text x=\"%d\" y=\"%d\" class=\"val\">%s \u00b7 %s of limit</text>\n",
                    LABEL_WIDTH - 8,
                    y + 13,
                    esc(clip(name, 42)),
                    LABEL_WIDTH,
                    y,
                    BAR_AREA,
                    TRACK_COLOR,
                    LABEL_WIDTH,
                    y,
                    Math.max(w, 0.5),
                    colors.getOrDefault(i.zip(), EXTERNAL_COLOR),
                    share,
                    esc(i.dependencyPathText()),
                    LABEL_WIDTH + BAR_AREA + 6,
                    y + 13,
                    ByteSizes.human(i.unzippedBytes()),
                    ReportText.percent(share)));
            y += rowH;
        }
        h.append("</svg></section>\n");
    }

    private static void violations(StringBuilder h, SizeReport r) {
        h.append("<section id=\"violations\"><h2>Violations and fixes</h2>\n");
        if (r.violations().isEmpty()) {
            h.append("<p>")
                    .append(r.budgetsSkipped() ? "Budgets were not checked." : "None.")
                    .append("</p>");
        }
        for (SizeReport.ViolationEntry v : r.violations()) {
            h.append("<article class=\"violation ")
                    .append("ERROR".equals(v.level()) ? "error" : "warning")
                    .append("\"><h3>")
                    .append(v.level())
                    .append(" \u00b7 ")
                    .append(esc(v.budget()))
                    .append("</h3>\n<p>")
                    .append(esc(v.message()))
                    .append("</p>\n");
            if (!v.contributors().isEmpty()) {
                h.append("<table class=\"contributors\"><thead><tr><th>biggest contributors</th><th>zipped</th>"
                        + "<th>unzipped</th><th>share</th><th>dependency path</th></tr></thead><tbody>\n");
                for (SizeReport.ContributorEntry c : v.contributors()) {
                    h.append("<tr><td>")
                            .append(esc(c.name()))
                            .append(c.note() == null ? "" : "<br><small>" + esc(c.note()) + "</small>")
                            .append("</td><td class=\"n\">")
                            .append(c.zippedBytes() < 0 ? "?" : ByteSizes.human(c.zippedBytes()))
                            .append("</td><td class=\"n\">")
                            .append(ByteSizes.human(c.unzippedBytes()))
                            .append("</td><td class=\"n\">")
                            .append(ReportText.percent(c.share()))
                            .append("</td><td>")
                            .append(esc(c.dependencyPathText()))
                            .append("</td></tr>\n");
                }
                h.append("</tbody></table>\n");
            }
            if (!v.fixes().isEmpty()) {
                h.append("<ol class=\"fixes\">\n");
                for (SizeReport.FixEntry f : v.fixes()) {
                    h.append("<li data-kind=\"")
                            .append(f.kind())
                            .append("\">")
                            .append(esc(f.title()))
                            .append(f.sufficient() ? " <em>enough on its own</em>" : "");
                    if (f.snippet() != null && !f.snippet().isEmpty()) {
                        h.append("<pre>").append(esc(f.snippet())).append("</pre>");
                    }
                    h.append("</li>\n");
                }
                h.append("</ol>\n");
            }
            h.append("</article>\n");
        }
        h.append("</section>\n");
    }

    private static void budgetTable(StringBuilder h, SizeReport r) {
        h.append("<section><h2>Budgets</h2>\n");
        if (r.budgetsSkipped()) {
            h.append("<p>Skipped (lambda.budgets.skip=true).</p></section>\n");
            return;
        }
        h.append("<table id=\"budgets\" class=\"sortable\"><thead><tr><th>budget</th><th>level</th><th>subject</th>"
                + "<th>actual</th><th>limit</th><th>status</th></tr></thead><tbody>\n");
        for (SizeReport.BudgetCheck c : r.budgets()) {
            h.append("<tr class=\"")
                    .append(c.status())
                    .append("\"><td>")
                    .append(esc(c.id()))
                    .append("</td><td>")
                    .append(c.level())
                    .append("</td><td>")
                    .append(esc(c.subject()))
                    .append("</td><td class=\"n\"")
                    .append(sortKey(c.actual()))
                    .append('>')
                    .append(esc(ReportText.actual(c)))
                    .append("</td><td class=\"n\"")
                    .append(sortKey(c.limit()))
                    .append('>')
                    .append(esc(ReportText.limit(c)))
                    .append("</td><td>")
                    .append(esc(ReportText.status(c)))
                    .append(c.note() == null ? "" : " <small>" + esc(c.note()) + "</small>")
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void zipTable(StringBuilder h, SizeReport r, Map<String, String> colors) {
        h.append(
                "<section><h2>Zips</h2>\n<table id=\"zips\" class=\"sortable\"><thead><tr><th>zip</th><th>path / ARN</th>"
                        + "<th>jars</th><th>zipped</th><th>unzipped</th><th>share</th></tr></thead><tbody>\n");
        for (SizeReport.Zip z : r.zips()) {
            h.append("<tr><td><i class=\"sw\" style=\"background:")
                    .append(colors.get(z.id()))
                    .append("\"></i>")
                    .append(esc(ReportText.zipLabel(z)))
                    .append("</td><td>")
                    .append(esc(z.path()))
                    .append("</td><td class=\"n\">")
                    .append(z.jarCount())
                    .append("</td><td class=\"n\"")
                    .append(sortKey(z.zippedBytes()))
                    .append('>')
                    .append(z.zippedBytes() == null ? "?" : ByteSizes.human(z.zippedBytes()))
                    .append("</td><td class=\"n\"")
                    .append(sortKey(z.unzippedBytes()))
                    .append('>')
                    .append(ByteSizes.human(z.unzippedBytes()))
                    .append("</td><td class=\"n\">")
                    .append(ReportText.percent(z.shareOfTotal()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void itemTable(StringBuilder h, SizeReport r, Map<String, String> colors) {
        h.append("<section><h2>Everything packaged</h2>\n<table id=\"contents\" class=\"sortable\"><thead><tr>"
                + "<th>item</th><th>zip</th><th>zipped</th><th>unzipped</th><th>share</th><th>dependency path</th>"
                + "</tr></thead><tbody>\n");
        for (SizeReport.Item i : r.contents()) {
            String name = "classes".equals(i.kind())
                    ? i.key()
                    : i.groupId() + ":" + i.artifactId() + ":" + i.version()
                            + (i.classifier() == null || i.classifier().isEmpty() ? "" : ":" + i.classifier());
            h.append("<tr><td>")
                    .append(esc(name))
                    .append("</td><td class=\"z\"><span><i class=\"sw\" style=\"background:")
                    .append(colors.getOrDefault(i.zip(), EXTERNAL_COLOR))
                    .append("\"></i>")
                    .append(esc(i.zip()))
                    .append("</span></td><td class=\"n\"")
                    .append(sortKey(i.zippedBytes()))
                    .append('>')
                    .append(ByteSizes.human(i.zippedBytes()))
                    .append("</td><td class=\"n\"")
                    .append(sortKey(i.unzippedBytes()))
                    .append('>')
                    .append(ByteSizes.human(i.unzippedBytes()))
                    .append("</td><td class=\"n\">")
                    .append(ReportText.percent(i.shareOfTotal()))
                    .append("</td><td>")
                    .append(esc(i.dependencyPathText()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void baseline(StringBuilder h, SizeReport r) {
        SizeReport.BaselineDiff d = r.baseline();
        if (d == null) {
            return;
        }
        h.append("<section id=\"baseline\"><h2>Since baseline</h2>\n<p>")
                .append(esc(d.file()))
                .append(": ")
                .append(ByteSizes.human(d.totalUnzippedBefore()))
                .append(" \u2192 ")
                .append(ByteSizes.human(d.totalUnzippedNow()))
                .append(" unzipped (<b>")
                .append(ReportText.signed(d.deltaBytes()))
                .append("</b>)</p>\n");
        if (d.changes().isEmpty()) {
            h.append("<p>No changes.</p></section>\n");
            return;
        }
        h.append("<table id=\"changes\" class=\"sortable\"><thead><tr><th>change</th><th>what</th><th>before</th>"
                + "<th>after</th><th>delta</th></tr></thead><tbody>\n");
        for (SizeReport.Change c : d.changes()) {
            h.append("<tr class=\"")
                    .append(c.change())
                    .append("\"><td>")
                    .append(c.change())
                    .append("</td><td>")
                    .append(esc(c.name()))
                    .append(
                            c.beforeVersion() != null
                                            && c.afterVersion() != null
                                            && !c.beforeVersion().equals(c.afterVersion())
                                    ? " <small>" + esc(c.beforeVersion()) + " \u2192 " + esc(c.afterVersion())
                                            + "</small>"
                                    : "")
                    .append("</td><td class=\"n\">")
                    .append(c.beforeBytes() == null ? "" : ByteSizes.human(c.beforeBytes()))
                    .append("</td><td class=\"n\">")
                    .append(c.afterBytes() == null ? "" : ByteSizes.human(c.afterBytes()))
                    .append("</td><td class=\"n\"")
                    .append(sortKey(c.deltaBytes()))
                    .append('>')
                    .append(ReportText.signed(c.deltaBytes()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static String sortKey(Long v) {
        return v == null ? " data-sort=\"-1\"" : " data-sort=\"" + v + "\"";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** One bar of the zip chart, {@code bytes} long at {@code scale}; returns its unclamped width. */
    private static double bar(StringBuilder h, int y, long bytes, long scale, String color, String attrs, String what) {
        double w = (double) bytes / scale * BAR_AREA;
        h.append(String.format(
                Locale.ROOT,
                "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"%s><title>%s %s</title>"
                        + "</rect>\n",
                LABEL_WIDTH,
                y,
                Math.max(w, 0.5),
                color,
                attrs,
                what,
                ByteSizes.human(bytes)));
        return w;
    }

    private record Line(long at, String color, String label, boolean dashed) {}
}
