package dev.lambdadeploy.report;

import dev.lambdadeploy.analyze.AnalysisReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The console summary of {@code lambda:analyze}: timings, jars that are not plainly used, ranked recommendations. */
public final class AnalysisSummary {
    private AnalysisSummary() {}

    public static List<String> render(AnalysisReport r, String jsonPath, String htmlPath) {
        List<String> lines = new ArrayList<>();
        AnalysisReport.Probe p = r.probe();
        lines.add(String.format(Locale.ROOT, "Cold start of %s (median of %d run(s), %d MB): JVM start %.0f ms -> "
                        + "handler class ready +%.0f ms -> init done at %.0f ms -> first invoke %.1f ms -> second invoke"
                        + " %.1f ms; %.0f classes loaded", r.handler(), p.runs(), p.memoryMb(), p.jvmStartMs(),
                p.handlerClassMs(), p.initMs(), p.firstInvokeMs(), p.secondInvokeMs(), p.classesLoaded()));
        for (AnalysisReport.UnitReport u : r.units()) {
            if (!"used".equals(u.status()) && !"function".equals(u.status())) {
                lines.add(String.format(Locale.ROOT, "  %-13s %-60s %9s  %d/%d reachable, %.0f loaded%s",
                        u.status().toUpperCase(Locale.ROOT), u.label(), ByteSizes.human(u.bytes()), u.reachedClasses(),
                        u.classes(), u.loadedClasses() == null ? 0 : u.loadedClasses(),
                        u.fix() == null ? "" : "; fix: " + u.fix()));
            }
        }
        for (AnalysisReport.Recommendation rec : r.recommendations()) {
            lines.add(String.format(Locale.ROOT, "  %d. %s%s%s", rec.rank(), rec.title(),
                    rec.measuredMs() == null ? "" : String.format(Locale.ROOT, " [%.0f ms measured]", rec.measuredMs()),
                    rec.action() == null ? "" : " -> " + rec.action()));
        }
        lines.add("Analysis: " + jsonPath + ", report: " + htmlPath);
        return lines;
    }
}
