package dev.lambdadeploy.report;

import dev.lambdadeploy.analyze.AnalysisReport;
import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The console summary of {@code lambda:analyze}, short enough to read at a glance: timings, a compact table of the
 * jars that matter (not plainly used, or slowest to load), the actions, the findings that say to keep something, and
 * the POM changes once, one block per direct dependency. Paths, per-jar reasons and details are in the HTML and JSON.
 */
public final class AnalysisSummary {
    /** Rows of the jar table; the rest are counted and left to the HTML report. */
    static final int MAX_JAR_ROWS = 15;
    /** Statuses in the order the table shows them: what can go first. */
    static final List<String> STATUS_ORDER = List.of("unused", "service-only", "dynamic-only", "static-only", "used");
    /** Plainly used jars shown for their load time. */
    static final int SLOWEST_USED = 5;

    private AnalysisSummary() {}

    public static List<String> render(AnalysisReport r, String jsonPath, String htmlPath) {
        List<String> lines = new ArrayList<>();
        AnalysisReport.Probe p = r.probe();
        String source = p.timedRuns() > 0
                ? String.format(Locale.ROOT, "median of %d run(s) without class-load logging", p.timedRuns())
                : String.format(Locale.ROOT, "median of %d run(s)", p.runs());
        // the same words and measure as lambda:invoke's summary line
        lines.add(String.format(Locale.ROOT, "Cold start of %s (%s, %d MB):", r.handler(), source, p.memoryMb()));
        lines.add(String.format(
                Locale.ROOT,
                "  JVM start %.0f ms -> handler class ready %.0f ms -> init done at %.0f ms"
                        + " -> first invoke %.1f ms -> second invoke %.1f ms; %.0f classes loaded",
                p.jvmStartMs(),
                p.handlerClassMs(),
                p.initMs(),
                p.firstInvokeMs(),
                p.secondInvokeMs(),
                p.classesLoaded()));
        jarTable(r, lines);
        List<AnalysisReport.Recommendation> actions =
                r.recommendations().stream().filter(x -> !x.keep()).toList();
        List<AnalysisReport.Recommendation> keep = r.recommendations().stream()
                .filter(AnalysisReport.Recommendation::keep)
                .toList();
        if (!actions.isEmpty()) {
            lines.add("Actions (ranked by measured time, then size):");
            for (AnalysisReport.Recommendation rec : actions) {
                lines.add(String.format(
                        Locale.ROOT,
                        "  %d. %s%s",
                        rec.rank(),
                        rec.title(),
                        rec.measured() == null ? "" : " [" + rec.measured() + "]"));
                if (rec.action() != null) {
                    lines.add("     -> " + action(rec, !r.pomChanges().isEmpty()));
                }
            }
        }
        if (!keep.isEmpty()) {
            lines.add("Keep as is:");
            for (AnalysisReport.Recommendation rec : keep) {
                lines.add("  - " + rec.title() + (rec.measured() == null ? "" : " [" + rec.measured() + "]"));
            }
        }
        if (!r.pomChanges().isEmpty()) {
            lines.add("POM changes for the actions above (one per direct dependency, ready to paste):");
            for (AnalysisReport.PomChange c : r.pomChanges()) {
                if ("remove".equals(c.change())) {
                    lines.add("  remove the <dependency> " + c.dependency());
                } else {
                    lines.add("  in the <dependency> " + c.dependency() + ":");
                    c.xml().lines().forEach(l -> lines.add("    " + l));
                }
            }
        }
        lines.add("Analysis: " + jsonPath + ", report: " + htmlPath);
        return lines;
    }

    /** Jar, status, size, classes loaded of those in the jar, time charged: one short line each. */
    private static void jarTable(AnalysisReport r, List<String> lines) {
        List<AnalysisReport.UnitReport> jars =
                r.units().stream().filter(u -> u.coordinates() != null).toList();
        // the jars that are not plainly used (unused first, biggest first), then the slowest used ones
        List<AnalysisReport.UnitReport> shown = new ArrayList<>(jars.stream()
                .filter(u -> !"used".equals(u.status()))
                .sorted(Comparator.comparingInt((AnalysisReport.UnitReport u) -> STATUS_ORDER.indexOf(u.status()))
                        .thenComparing(AnalysisReport.UnitReport::bytes, Comparator.reverseOrder()))
                .limit(MAX_JAR_ROWS - SLOWEST_USED)
                .toList());
        jars.stream()
                .filter(u -> "used".equals(u.status()) && millis(u) > 0)
                .sorted(Comparator.comparingDouble(AnalysisSummary::millis).reversed())
                .limit(SLOWEST_USED)
                .forEach(shown::add);
        if (shown.isEmpty()) {
            return;
        }
        int hidden = jars.size() - shown.size();
        int width = Math.max(
                3,
                shown.stream().mapToInt(u -> fileName(u.label()).length()).max().orElse(3));
        String fmt = "  %-" + width + "s  %-12s  %9s  %9s  %8s";
        lines.add(String.format(
                Locale.ROOT,
                "Jars (%d of %d: not plainly used, or the slowest to load%s):",
                shown.size(),
                jars.size(),
                hidden > 0 ? "; all in the HTML report" : ""));
        lines.add(String.format(Locale.ROOT, fmt, "JAR", "STATUS", "SIZE", "LOADED", "TIME"));
        for (AnalysisReport.UnitReport u : shown) {
            lines.add(String.format(
                    Locale.ROOT,
                    fmt,
                    fileName(u.label()),
                    u.status(),
                    ByteSizes.human(u.bytes()),
                    String.format(
                            Locale.ROOT, "%.0f/%d", u.loadedClasses() == null ? 0 : u.loadedClasses(), u.classes()),
                    String.format(Locale.ROOT, "%.0f ms", millis(u))));
        }
    }

    /** A long list of jars is not repeated here: the POM changes below list each jar once. */
    private static String action(AnalysisReport.Recommendation rec, boolean pomChangesShown) {
        if (pomChangesShown && !rec.removes().isEmpty() && rec.action().length() > 200) {
            return "take out " + rec.removes().size() + " jar(s): see the POM changes below";
        }
        return rec.action();
    }

    private static double millis(AnalysisReport.UnitReport u) {
        return u.loadMillis() == null || Double.isNaN(u.loadMillis()) ? 0 : u.loadMillis();
    }

    static String fileName(String label) {
        int slash = label.lastIndexOf('/');
        return slash < 0 ? label : label.substring(slash + 1);
    }
}
