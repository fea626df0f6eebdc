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
        List<PomChange> pomChanges,
        List<String> notes) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "analysis.json";
    public static final String HTML_FILE_NAME = "analysis.html";

    public record Totals(
            long unzippedBytes, int jars, int classes, int reachedClasses, int unusedJars, long unusedBytes) {}

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

    /**
     * Medians over {@code runs} fresh JVMs; {@code timeline} segments in start order. The cold-start times come from
     * {@code timedRuns} runs without class-load logging (the same measure as lambda:invoke) when there were such runs,
     * else ({@code timedRuns} 0) from the class-load-logging runs that attribute classes and time to jars.
     */
    public record Probe(
            int runs,
            int timedRuns,
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
     * {@code initSpreadMs} / {@code totalSpreadMs}: the run-to-run noise of init and of init + first invoke, half the
     * larger range (max - min) of the two sides; a difference within it is no measurable difference (NaN with fewer
     * than 2 runs a side).
     */
    public record Comparison(
            String change,
            List<String> removed,
            int runs,
            double initMs,
            double firstInvokeMs,
            double baselineInitMs,
            double baselineFirstInvokeMs,
            String outcome,
            double initSpreadMs,
            double totalSpreadMs) {

        public Comparison(
                String change,
                List<String> removed,
                int runs,
                double initMs,
                double firstInvokeMs,
                double baselineInitMs,
                double baselineFirstInvokeMs,
                String outcome) {
            this(
                    change,
                    removed,
                    runs,
                    initMs,
                    firstInvokeMs,
                    baselineInitMs,
                    baselineFirstInvokeMs,
                    outcome,
                    Double.NaN,
                    Double.NaN);
        }
    }

    /**
     * {@code kind}: {@code action} (a change to make) or {@code keep} (a finding that says to leave something as it
     * is; no action). {@code measuredMs}: the measured time at stake, null when nothing was measured or the difference
     * was within the noise of the runs; {@code measured}: that measurement in words; {@code bytes}: size saved;
     * {@code removes}: {@code groupId:artifactId} of the jars the action takes out (their POM changes are merged into
     * {@link AnalysisReport#pomChanges}).
     */
    public record Recommendation(
            int rank,
            String id,
            String kind,
            String title,
            String detail,
            Double measuredMs,
            String measured,
            Long bytes,
            String action,
            List<String> removes) {

        public Recommendation {
            removes = removes == null ? List.of() : List.copyOf(removes);
        }

        public boolean keep() {
            return "keep".equals(kind);
        }
    }

    /**
     * One change to the POM, ready to paste: {@code change} {@code remove} (drop the direct {@code <dependency>}) or
     * {@code exclude} (add {@code xml}, one {@code <exclusions>} block listing every jar in {@code exclusions}, to the
     * direct {@code dependency}).
     */
    public record PomChange(String dependency, String change, List<String> exclusions, String xml) {}
}
