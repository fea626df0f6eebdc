package dev.lambdadeploy.report;

import static dev.lambdadeploy.report.Html.esc;

import dev.lambdadeploy.analyze.AnalysisReport;
import dev.lambdadeploy.units.ByteSizes;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The self-contained HTML report of {@code lambda:analyze}: start-up timeline and per-jar chart as inline SVG,
 * recommendations and tables; no external resources. A small script checks in the browser that the charts have a
 * rendered size and records it in {@code body[data-render-check]} (the build checks that in headless Chromium). The
 * page, its style and script are the resources {@code analysis-report.html}, {@code .css} and {@code .js}.
 */
public final class AnalysisHtml {
    private static final String PAGE = Html.resource("analysis-report.html");
    private static final String CSS = Html.resource("analysis-report.css");
    private static final String SCRIPT = Html.resource("analysis-report.js");
    private static final int WIDTH = 900;

    private AnalysisHtml() {}

    public static String render(AnalysisReport r) {
        StringBuilder h = new StringBuilder(32_768);
        timeline(h, r.probe());
        recommendations(h, r.recommendations());
        pomChanges(h, r.pomChanges());
        jarChart(h, r.units());
        unitTable(h, r.units());
        duplicates(h, r);
        StringBuilder notes = new StringBuilder();
        r.notes()
                .forEach(
                        n -> notes.append("<li class=\"muted\">").append(esc(n)).append("</li>"));
        Map<String, String> page = new HashMap<>();
        page.put("css", CSS);
        page.put("script", SCRIPT);
        page.put("artifactId", r.project().artifactId());
        page.put("version", r.project().version());
        page.put("handler", r.handler());
        page.put("jars", String.valueOf(r.totals().jars()));
        page.put("unzipped", ByteSizes.human(r.totals().unzippedBytes()));
        page.put("reachedClasses", String.valueOf(r.totals().reachedClasses()));
        page.put("classes", String.valueOf(r.totals().classes()));
        page.put("unusedJars", String.valueOf(r.totals().unusedJars()));
        page.put("unusedBytes", ByteSizes.human(r.totals().unusedBytes()));
        page.put("sections", h.toString());
        page.put("notes", notes.toString());
        return Html.fill(PAGE, page);
    }

    private static void timeline(StringBuilder h, AnalysisReport.Probe p) {
        h.append("<h2>Start-up timeline (median of ")
                .append(p.timedRuns() > 0 ? p.timedRuns() : p.runs())
                .append(" fresh JVM run(s)")
                .append(p.timedRuns() > 0 ? " without class-load logging" : "")
                .append(", ")
                .append(p.memoryMb())
                .append(" MB)</h2>\n");
        double end = p.timeline().stream()
                .mapToDouble(AnalysisReport.Segment::endMs)
                .max()
                .orElse(1);
        double scale = (WIDTH - 260) / Math.max(end, 1);
        String[] colors = {"#8da0cb", "#fc8d62", "#e78ac3", "#66c2a5", "#a6d854"};
        int rowH = 22;
        h.append("<svg class=\"chart\" id=\"timeline\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(p.timeline().size() * rowH + 24)
                .append("\">");
        int y = 4;
        int i = 0;
        for (AnalysisReport.Segment s : p.timeline()) {
            double x = 250 + s.startMs() * scale;
            double w = Math.max(1, (s.endMs() - s.startMs()) * scale);
            h.append("<text x=\"0\" y=\"")
                    .append(y + 14)
                    .append("\">")
                    .append(esc(s.name()))
                    .append("</text>")
                    .append("<rect class=\"bar\" x=\"")
                    .append(f(x))
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(f(w))
                    .append("\" height=\"16\" fill=\"")
                    .append(colors[i++ % colors.length])
                    .append("\"><title>")
                    .append(esc(s.name()))
                    .append(": ")
                    .append(f(s.endMs() - s.startMs()))
                    .append(" ms</title></rect><text x=\"")
                    .append(f(x + w + 4))
                    .append("\" y=\"")
                    .append(y + 13)
                    .append("\">")
                    .append(f(s.endMs() - s.startMs()))
                    .append(" ms</text>");
            y += rowH;
        }
        h.append("<text x=\"250\" y=\"")
                .append(y + 14)
                .append("\" class=\"muted\">0 ms</text><text x=\"")
                .append(WIDTH - 60)
                .append("\" y=\"")
                .append(y + 14)
                .append("\">")
                .append(f(end))
                .append(" ms</text></svg>\n<p class=\"muted\">JVM start ")
                .append(f(p.jvmStartMs()))
                .append(" ms, handler class ready ")
                .append(f(p.handlerClassMs()))
                .append(" ms, init done at ")
                .append(f(p.initMs()))
                .append(" ms, first invoke ")
                .append(f(p.firstInvokeMs()))
                .append(" ms, second invoke ")
                .append(f(p.secondInvokeMs()))
                .append(" ms; ")
                .append(f(p.classesLoaded()))
                .append(" classes loaded; peak RSS ")
                .append(f(p.peakRssMb()))
                .append(" MB.</p>\n");
    }

    private static void recommendations(StringBuilder h, List<AnalysisReport.Recommendation> recs) {
        List<AnalysisReport.Recommendation> actions =
                recs.stream().filter(x -> !x.keep()).toList();
        List<AnalysisReport.Recommendation> keep =
                recs.stream().filter(AnalysisReport.Recommendation::keep).toList();
        h.append("<h2>Actions (ranked by measured time, then size)</h2>\n<ol id=\"recommendations\">");
        actions.forEach(rec -> recommendation(h, rec));
        h.append("</ol>\n");
        if (!keep.isEmpty()) {
            h.append("<h2>Keep as is</h2>\n<ul id=\"keep\">");
            keep.forEach(rec -> recommendation(h, rec));
            h.append("</ul>\n");
        }
    }

    private static void recommendation(StringBuilder h, AnalysisReport.Recommendation rec) {
        h.append("<li class=\"rec ")
                .append(esc(rec.kind()))
                .append("\" data-id=\"")
                .append(esc(rec.id()))
                .append("\"><strong>")
                .append(esc(rec.title()))
                .append("</strong>");
        if (rec.measured() != null) {
            h.append(" <em>(").append(esc(rec.measured())).append(")</em>");
        }
        if (rec.bytes() != null) {
            h.append(" <em>(").append(ByteSizes.human(rec.bytes())).append(")</em>");
        }
        h.append("<br><span class=\"muted\">").append(esc(rec.detail())).append("</span>");
        if (rec.action() != null) {
            h.append("<br>Fix: ").append(esc(rec.action()));
        }
        h.append("</li>");
    }

    /** Every jar the actions remove, one block per direct dependency: written once, not per jar or per action. */
    private static void pomChanges(StringBuilder h, List<AnalysisReport.PomChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        h.append("<h2>POM changes for the actions (one per direct dependency)</h2>\n<div id=\"pom-changes\">");
        for (AnalysisReport.PomChange c : changes) {
            if ("remove".equals(c.change())) {
                h.append("<p>Remove the <code>&lt;dependency&gt;</code> <code>")
                        .append(esc(c.dependency()))
                        .append("</code>.</p>");
            } else {
                h.append("<p>In the <code>&lt;dependency&gt;</code> <code>")
                        .append(esc(c.dependency()))
                        .append("</code>:</p><pre class=\"pom\">")
                        .append(esc(c.xml()))
                        .append("</pre>");
            }
        }
        h.append("</div>\n");
    }

    private static void jarChart(StringBuilder h, List<AnalysisReport.UnitReport> units) {
        h.append("<h2>Per jar: unzipped size, reachable classes, classes loaded in the probe</h2>\n");
        long max =
                units.stream().mapToLong(AnalysisReport.UnitReport::bytes).max().orElse(1);
        double scale = (WIDTH - 420) / (double) Math.max(max, 1);
        int rowH = 20;
        h.append("<svg class=\"chart\" id=\"jars\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(units.size() * rowH + 8)
                .append("\">");
        int y = 4;
        for (AnalysisReport.UnitReport u : units) {
            String color = switch (u.status()) {
                case "unused" -> "#e15759";
                case "dynamic-only" -> "#f28e2b";
                case "static-only" -> "#76b7b2";
                case "function" -> "#9c9c9c";
                default -> "#59a14f";
            };
            double w = Math.max(1, u.bytes() * scale);
            h.append("<text x=\"0\" y=\"")
                    .append(y + 12)
                    .append("\">")
                    .append(esc(shortLabel(u.label())))
                    .append("</text><rect class=\"bar\" x=\"300\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(f(w))
                    .append("\" height=\"14\" fill=\"")
                    .append(color)
                    .append("\"><title>")
                    .append(esc(u.label()))
                    .append(": ")
                    .append(esc(u.status()))
                    .append("</title></rect><text x=\"")
                    .append(f(304 + w))
                    .append("\" y=\"")
                    .append(y + 12)
                    .append("\">")
                    .append(ByteSizes.human(u.bytes()))
                    .append(", ")
                    .append(u.reachedClasses())
                    .append('/')
                    .append(u.classes())
                    .append(" reachable, ")
                    .append(f(u.loadedClasses() == null ? 0 : u.loadedClasses()))
                    .append(" loaded, ")
                    .append(esc(u.status()))
                    .append("</text>");
            y += rowH;
        }
        h.append("</svg>\n");
    }

    private static void unitTable(StringBuilder h, List<AnalysisReport.UnitReport> units) {
        h.append("<table id=\"units\"><tr><th>jar</th><th>status</th><th class=\"num\">unzipped</th>")
                .append("<th class=\"num\">classes</th><th class=\"num\">reachable</th><th class=\"num\">loaded</th>")
                .append("<th class=\"num\">ms charged</th><th>reached via / fix</th></tr>");
        for (AnalysisReport.UnitReport u : units) {
            h.append("<tr class=\"")
                    .append(esc(u.status()))
                    .append("\"><td>")
                    .append(esc(u.label()))
                    .append(
                            u.coordinates() == null
                                    ? ""
                                    : "<br><span class=\"muted\">" + esc(u.coordinates()) + "</span>")
                    .append("</td><td>")
                    .append(esc(u.status()))
                    .append("</td><td class=\"num\">")
                    .append(ByteSizes.human(u.bytes()))
                    .append("</td><td class=\"num\">")
                    .append(u.classes())
                    .append("</td><td class=\"num\">")
                    .append(u.reachedClasses())
                    .append("</td><td class=\"num\">")
                    .append(f(u.loadedClasses() == null ? 0 : u.loadedClasses()))
                    .append("</td><td class=\"num\">")
                    .append(f(u.loadMillis() == null ? 0 : u.loadMillis()))
                    .append("</td><td>")
                    .append(
                            u.fix() != null
                                    ? "<code>" + esc(u.fix()) + "</code>"
                                    : esc(String.join(" > ", u.reachedVia())))
                    .append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void duplicates(StringBuilder h, AnalysisReport r) {
        h.append("<h2>Duplicate classes and split packages</h2>\n");
        if (r.duplicates().overlaps().isEmpty()
                && r.duplicates().splitPackages().isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        h.append("<table id=\"duplicates\"><tr><th>loaded from</th><th>shadowed</th><th class=\"num\">identical</th>")
                .append("<th class=\"num\">differing</th><th>e.g.</th></tr>");
        r.duplicates()
                .overlaps()
                .forEach(o -> h.append("<tr><td>")
                        .append(esc(o.winner()))
                        .append("</td><td>")
                        .append(esc(o.shadowed()))
                        .append("</td><td class=\"num\">")
                        .append(o.identical())
                        .append("</td><td class=\"num\">")
                        .append(o.differing())
                        .append("</td><td>")
                        .append(esc(String.join(", ", o.examples())))
                        .append("</td></tr>"));
        h.append("</table>\n<ul>");
        r.duplicates()
                .splitPackages()
                .forEach(s -> h.append("<li>split package <code>")
                        .append(esc(s.packageName()))
                        .append("</code>: ")
                        .append(esc(String.join(", ", s.units())))
                        .append("</li>"));
        h.append("</ul>\n");
    }

    private static String shortLabel(String label) {
        return label.length() > 46 ? "..." + label.substring(label.length() - 43) : label;
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v).replaceAll("\\.0$", "");
    }
}
