package dev.lambdadeploy.analyze;

import dev.lambdadeploy.manifest.ProjectInfo;
import java.util.List;
import java.util.Map;

/**
 * {@code target/lambda/analysis.json}: the model behind the console summary and the HTML report. Field reference in
 * docs/analysis-json.md. Times are milliseconds (medians over the probe runs), sizes bytes.
 */
public record AnalysisReport(
        int schemaVersion,
        String handler,
        ProjectInfo project,
        Totals totals,
        List<UnitReport> units,
        Duplicates.Result duplicates,
        Probe probe,
        List<Recommendation> recommendations,
        List<String> notes) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "analysis.json";
    public static final String HTML_FILE_NAME = "analysis.html";

    public record Totals(long unzippedBytes, int jars, int classes, int reachedClasses, int unusedJars,
            long unusedBytes) {}

    /**
     * One class path unit (function classes or a jar). {@code status}: {@code used}, {@code unused} (not reachable
     * and nothing loaded), {@code dynamic-only} (loaded at run time but not statically reachable: reflection or
     * ServiceLoader the analysis cannot see), {@code static-only} (reachable, but the probe's event loaded nothing
     * from it), {@code service-only} (reachable only through META-INF/services registrations: no code of the function
     * or its libraries names it, a library loads it with ServiceLoader), {@code function} (the function's own
     * classes).
     */
    public record UnitReport(
            String label,
            String coordinates,
            String target,
            String zipEntry,
            long bytes,
            int classes,
            int reachedClasses,
            List<String> reachedVia,
            List<String> services,
            Double loadedClasses,
            Double loadMillis,
            String status,
            List<String> dependencyPath,
            String fix) {}

    /** Medians over {@code runs} fresh JVMs; {@code timeline} segments in start order. */
    public record Probe(
            int runs,
            int memoryMb,
            String jvm,
            double jvmStartMs,
            double handlerClassMs,
            double initMs,
            double firstInvokeMs,
            double secondInvokeMs,
            double peakRssMb,
            double classesLoaded,
            List<Segment> timeline,
            Map<String, Double> classesBySource,
            Map<String, Double> millisBySource,
            List<DynamicProbe.Pause> pauses,
            Comparison jitComparison,
            Comparison withoutUnusedJars,
            List<Comparison> withoutServiceOnlyJars,
            String response) {}

    public record Segment(String name, double startMs, double endMs) {}

    /**
     * The same probe with one change: init (and first invoke) medians before and after. {@code removed} lists the
     * units a removal variant took out; {@code outcome} is {@code ok} or why the handler failed with the change.
     */
    public record Comparison(String change, List<String> removed, int runs, double initMs, double firstInvokeMs, double baselineInitMs,
            double baselineFirstInvokeMs, String outcome) {}

    /** {@code measuredMs}: the measured time at stake (null when nothing was measured), {@code bytes}: size saved. */
    public record Recommendation(int rank, String id, String title, String detail, Double measuredMs, Long bytes,
            String action) {}
}
