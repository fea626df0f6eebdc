package dev.lambdadeploy.analyze;

import dev.lambdadeploy.invoke.HandlerHints;
import dev.lambdadeploy.invoke.InvokeException;
import dev.lambdadeploy.invoke.InvokeRequest;
import dev.lambdadeploy.invoke.InvokeResult;
import dev.lambdadeploy.invoke.InvokeTimings;
import dev.lambdadeploy.invoke.LambdaInvoker;
import dev.lambdadeploy.invoke.LambdaLayout;
import dev.lambdadeploy.invoke.ShimClasspath;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.manifest.JarRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Static + dynamic analysis of the packaged function, reconciled into one {@link AnalysisReport}. */
public final class Analyzer {
    /** Service types Lambda's runtime itself looks up in the function, whatever the function's code does. */
    static final String RUNTIME_SERVICE = "com.amazonaws.services.lambda.runtime.CustomPojoSerializer";

    private final BuildLog log;
    private final LambdaInvoker invoker;

    public Analyzer(BuildLog log) {
        this.log = log;
        this.invoker = new LambdaInvoker(log);
    }

    public AnalysisReport run(AnalysisRequest req) throws IOException, InvokeException {
        LambdaLayout layout = LambdaLayout.prepare(
                req.manifest(), req.lambdaDir(), req.workDir().resolve("layout"));
        try (ClassIndex index = ClassIndex.build(sources(layout))) {
            String handlerClass = handlerClass(req.invoke().handler());
            if (index.definingUnit(handlerClass.replace('.', '/')) == null) {
                throw new InvokeException(
                        HandlerHints.notFound(layout, req.invoke().handler()), false);
            }
            List<String> roots = List.of(handlerClass, RUNTIME_SERVICE);
            Reachability.Result stat = Reachability.analyze(index, roots, req.keep());
            Reachability.Result direct = Reachability.analyze(index, roots, req.keep(), false);
            Duplicates.Result dups = Duplicates.find(index);
            log.info("Static analysis: " + stat.reached().size() + " classes reachable from " + handlerClass
                    + "; probing the cold start " + req.runs() + " time(s) in fresh JVMs");
            List<DynamicProbe.Run> runs =
                    new DynamicProbe(invoker).run(layout, index, req.invoke(), req.runs(), "probe");
            List<AnalysisReport.UnitReport> units = units(index, stat, direct, runs);
            Comparisons comparisons = compare(req, layout, labels(units, "unused"), serviceGroups(index, stat, units));
            AnalysisReport.Probe probe = probe(req, runs, comparisons);
            Set<String> loaded = new TreeSet<>();
            runs.forEach(r -> loaded.addAll(r.functionClassesLoaded()));
            Map<String, Set<String>> hazards = new LinkedHashMap<>(stat.snapStartHazards());
            hazards.keySet().retainAll(loaded); // only classes initialised in the probe end up in a snapshot
            List<AnalysisReport.Recommendation> recs = Recommendations.build(req, units, probe, hazards, dups);
            return new AnalysisReport(
                    AnalysisReport.SCHEMA_VERSION,
                    req.invoke().handler(),
                    req.manifest().project(),
                    totals(units),
                    units,
                    dups,
                    probe,
                    recs,
                    Recommendations.pomChanges(recs, units),
                    notes());
        }
    }

    static String handlerClass(String handler) {
        int sep = handler.indexOf("::");
        return (sep < 0 ? handler : handler.substring(0, sep)).trim();
    }

    private static List<ClassIndex.Source> sources(LambdaLayout layout) {
        List<ClassIndex.Source> s = new ArrayList<>();
        for (Path p : ShimClasspath.entries()) {
            s.add(new ClassIndex.Source("runtime: " + p.getFileName(), ClassIndex.Kind.RUNTIME, p, null));
        }
        for (LambdaLayout.Entry e : layout.classpath()) {
            s.add(new ClassIndex.Source(
                    e.label(), e.jar() == null ? ClassIndex.Kind.FUNCTION : ClassIndex.Kind.JAR, e.path(), e.jar()));
        }
        return s;
    }

    /**
     * Service-only units grouped by the jar whose ServiceLoader registration pulls them in (a module and the libraries
     * only it uses): each group is removed, and verified, on its own.
     */
    static Map<String, List<String>> serviceGroups(
            ClassIndex index, Reachability.Result stat, List<AnalysisReport.UnitReport> units) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ClassIndex.Unit u : index.units()) {
            if (units.stream().noneMatch(r -> r.label().equals(u.label) && "service-only".equals(r.status()))) {
                continue;
            }
            String root = u.label;
            String cls = stat.reachedByUnit().get(u).iterator().next();
            for (String cur = cls; cur != null; ) {
                Reachability.Edge e = stat.reached().get(cur);
                if (e == null) {
                    break;
                }
                if (e.reason().startsWith("ServiceLoader")) {
                    ClassIndex.Unit provider = index.definingUnit(cur);
                    root = provider == null ? root : provider.label;
                    break;
                }
                cur = e.via();
            }
            groups.computeIfAbsent(root, k -> new ArrayList<>()).add(u.label);
        }
        return groups;
    }

    private static List<String> labels(List<AnalysisReport.UnitReport> units, String status) {
        return units.stream()
                .filter(u -> status.equals(u.status()))
                .map(AnalysisReport.UnitReport::label)
                .toList();
    }

    private static List<AnalysisReport.UnitReport> units(
            ClassIndex index, Reachability.Result stat, Reachability.Result direct, List<DynamicProbe.Run> runs) {
        List<AnalysisReport.UnitReport> out = new ArrayList<>();
        for (ClassIndex.Unit u : index.units()) {
            if (u.kind == ClassIndex.Kind.RUNTIME) {
                continue;
            }
            int reached = stat.reachedIn(u);
            List<Integer> loaded =
                    runs.stream().map(r -> r.classes().getOrDefault(u.label, 0)).toList();
            double loadedMedian = Stats.median(loaded);
            double millis = Stats.round1(Stats.median(runs.stream()
                    .map(r -> r.millis().getOrDefault(u.label, 0.0))
                    .toList()));
            boolean anyLoaded = loaded.stream().anyMatch(n -> n > 0);
            String status = u.kind == ClassIndex.Kind.FUNCTION
                    ? "function"
                    : reached > 0 && direct.reachedIn(u) == 0
                            ? "service-only"
                            : reached > 0 && anyLoaded
                                    ? "used"
                                    : reached > 0 ? "static-only" : anyLoaded ? "dynamic-only" : "unused";
            List<String> via = reached == 0
                    ? List.of()
                    : stat.chain(stat.reachedByUnit().get(u).iterator().next(), 6);
            JarRecord j = u.jar;
            out.add(new AnalysisReport.UnitReport(
                    u.label,
                    j == null ? null : j.coordinates(),
                    j == null ? "function" : j.target(),
                    j == null ? null : j.zipEntry(),
                    u.bytes,
                    u.classCount(),
                    reached,
                    via,
                    List.copyOf(new TreeSet<>(u.services().keySet())),
                    loadedMedian,
                    millis,
                    status,
                    j == null ? List.of() : j.dependencyPath(),
                    !"unused".equals(status) && !"service-only".equals(status) ? null : Fixes.removal(j)));
        }
        return out;
    }

    private static AnalysisReport.Totals totals(List<AnalysisReport.UnitReport> units) {
        long bytes = units.stream().mapToLong(AnalysisReport.UnitReport::bytes).sum();
        int jars = (int) units.stream().filter(u -> u.coordinates() != null).count();
        int classes =
                units.stream().mapToInt(AnalysisReport.UnitReport::classes).sum();
        int reached = units.stream()
                .mapToInt(AnalysisReport.UnitReport::reachedClasses)
                .sum();
        List<AnalysisReport.UnitReport> unused =
                units.stream().filter(u -> "unused".equals(u.status())).toList();
        return new AnalysisReport.Totals(
                bytes,
                jars,
                classes,
                reached,
                unused.size(),
                unused.stream().mapToLong(AnalysisReport.UnitReport::bytes).sum());
    }

    /** {@code baseline}: the timing runs without class-load logging (empty when nothing was compared). */
    private record Comparisons(
            AnalysisReport.Comparison jit,
            AnalysisReport.Comparison withoutUnused,
            List<AnalysisReport.Comparison> withoutServiceOnly,
            List<InvokeResult> baseline) {}

    /** One variant of the probe: a layout and extra JVM options. */
    private record Variant(
            String change,
            List<String> removed,
            LambdaLayout layout,
            List<String> jvmArgs,
            List<InvokeResult> runs,
            String[] outcome) {
        Variant(String change, List<String> removed, LambdaLayout layout, List<String> jvmArgs) {
            this(change, removed, layout, jvmArgs, new ArrayList<>(), new String[] {"ok"});
        }
    }

    /**
     * Timing runs without class-load logging, interleaved (baseline, variant, ..., baseline, ...) so drift on a busy
     * machine hits every side alike.
     */
    private Comparisons compare(
            AnalysisRequest req, LambdaLayout layout, List<String> unused, Map<String, List<String>> serviceGroups)
            throws IOException, InvokeException {
        Variant jit = req.compareJit()
                ? new Variant(
                        "-XX:TieredStopAtLevel=4 (full tiered compilation)",
                        List.of(),
                        layout,
                        List.of("-XX:TieredStopAtLevel=4"))
                : null;
        Variant noUnused = req.verifyRemoval() && !unused.isEmpty()
                ? new Variant(
                        "without " + String.join(", ", unused),
                        unused,
                        withoutJars(req, unused, "without-unused"),
                        List.of())
                : null;
        List<Variant> noService = new ArrayList<>();
        if (req.verifyRemoval()) {
            int g = 0;
            for (List<String> group : serviceGroups.values()) {
                noService.add(new Variant(
                        "without " + String.join(", ", group),
                        group,
                        withoutJars(req, group, "without-service-only-" + (++g)),
                        List.of()));
            }
        }
        List<Variant> variants = new ArrayList<>();
        for (Variant v : new Variant[] {jit, noUnused}) {
            if (v != null) {
                variants.add(v);
            }
        }
        variants.addAll(noService);
        if (variants.isEmpty()) {
            return new Comparisons(null, null, List.of(), List.of());
        }
        List<InvokeResult> baseRuns = new ArrayList<>();
        for (int i = 1; i <= req.runs(); i++) {
            baseRuns.add(timed(layout, req.invoke().withExtraJvmArgs(List.of(), "timing-base-" + i)));
            int n = 0;
            for (Variant v : variants) {
                n++;
                if (!"ok".equals(v.outcome()[0])) {
                    continue;
                }
                InvokeResult r = invoker.run(
                        v.layout(), req.invoke().withExtraJvmArgs(v.jvmArgs(), "timing-variant" + n + "-" + i), false);
                if (r.ok()) {
                    v.runs().add(r);
                } else {
                    v.outcome()[0] = "the handler failed: " + r.errorType() + ": " + r.errorMessage();
                }
            }
        }
        return new Comparisons(
                comparison(jit, baseRuns),
                comparison(noUnused, baseRuns),
                noService.stream().map(v -> comparison(v, baseRuns)).toList(),
                baseRuns);
    }

    private InvokeResult timed(LambdaLayout layout, InvokeRequest req) throws InvokeException {
        InvokeResult r = invoker.run(layout, req, false);
        LambdaInvoker.requireSuccess(r, layout, req.handler());
        return r;
    }

    private static AnalysisReport.Comparison comparison(Variant v, List<InvokeResult> base) {
        if (v == null) {
            return null;
        }
        Function<List<InvokeResult>, Double> init = rs -> Stats.round1(
                Stats.median(rs.stream().map(r -> r.timings().initMs()).toList()));
        Function<List<InvokeResult>, Double> first = rs -> Stats.round1(
                Stats.median(rs.stream().map(r -> r.timings().invokeMs(1)).toList()));
        Function<InvokeResult, Double> initOf = r -> r.timings().initMs();
        Function<InvokeResult, Double> totalOf =
                r -> r.timings().initMs() + r.timings().invokeMs(1);
        return new AnalysisReport.Comparison(
                v.change(),
                v.removed(),
                v.runs().size(),
                init.apply(v.runs()),
                first.apply(v.runs()),
                init.apply(base),
                first.apply(base),
                v.outcome()[0],
                Stats.round1(Math.max(halfRange(v.runs(), initOf), halfRange(base, initOf))),
                Stats.round1(Math.max(halfRange(v.runs(), totalOf), halfRange(base, totalOf))));
    }

    /** Half of max - min: the run-to-run noise of a measure; NaN with fewer than 2 runs (no noise to know). */
    static double halfRange(List<InvokeResult> runs, Function<InvokeResult, Double> measure) {
        List<Double> v =
                runs.stream().map(measure).filter(d -> !Double.isNaN(d)).toList();
        if (v.size() < 2) {
            return Double.NaN;
        }
        return (v.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                        - v.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                / 2;
    }

    /** A second layout with the unused jars deleted, to measure (and prove) their removal. */
    private static LambdaLayout withoutJars(AnalysisRequest req, List<String> labels, String dir) throws IOException {
        LambdaLayout copy = LambdaLayout.prepare(
                req.manifest(), req.lambdaDir(), req.workDir().resolve(dir));
        List<LambdaLayout.Entry> kept = new ArrayList<>();
        for (LambdaLayout.Entry e : copy.classpath()) {
            if (labels.contains(e.label())) {
                Files.delete(e.path());
            } else {
                kept.add(e);
            }
        }
        return new LambdaLayout(copy.root(), copy.task(), copy.opt(), kept);
    }

    private static AnalysisReport.Probe probe(AnalysisRequest req, List<DynamicProbe.Run> runs, Comparisons cmp) {
        Function<Function<DynamicProbe.Run, Double>, Double> med =
                f -> Stats.round1(Stats.median(runs.stream().map(f).toList()));
        // cold-start times from the runs without class-load logging when there are any: logging every class load
        // slows loading, and these are then the same measure lambda:invoke prints
        List<InvokeResult> timed = cmp.baseline().isEmpty()
                ? runs.stream().map(DynamicProbe.Run::result).toList()
                : cmp.baseline();
        Function<Function<InvokeTimings, Double>, Double> t = f -> Stats.round1(
                Stats.median(timed.stream().map(r -> f.apply(r.timings())).toList()));
        double jvm = t.apply(InvokeTimings::jvmStartMs);
        double cls = t.apply(InvokeTimings::handlerClassMs);
        double init = t.apply(InvokeTimings::initMs);
        double first = t.apply(x -> x.invokeMs(1));
        double second = t.apply(x -> x.invokeMs(2));
        List<AnalysisReport.Segment> timeline = new ArrayList<>();
        timeline.add(new AnalysisReport.Segment("JVM start", 0, jvm));
        timeline.add(new AnalysisReport.Segment("handler class load + static init", jvm, jvm + cls));
        timeline.add(
                new AnalysisReport.Segment("handler instance + serializers", jvm + cls, Math.max(init, jvm + cls)));
        timeline.add(new AnalysisReport.Segment("first invoke", init, init + first));
        if (!Double.isNaN(second)) {
            timeline.add(new AnalysisReport.Segment("second invoke", init + first, init + first + second));
        }
        Set<String> sources = new TreeSet<>();
        runs.forEach(r -> sources.addAll(r.classes().keySet()));
        Map<String, Double> classes = new LinkedHashMap<>();
        Map<String, Double> millis = new LinkedHashMap<>();
        for (String s : sources) {
            classes.put(
                    s,
                    Stats.median(runs.stream()
                            .map(r -> r.classes().getOrDefault(s, 0))
                            .toList()));
            millis.put(
                    s,
                    Stats.round1(Stats.median(runs.stream()
                            .map(r -> r.millis().getOrDefault(s, 0.0))
                            .toList())));
        }
        Map<String, List<DynamicProbe.Pause>> byClass = runs.stream()
                .flatMap(r -> r.pauses().stream())
                .collect(Collectors.groupingBy(DynamicProbe.Pause::className, LinkedHashMap::new, Collectors.toList()));
        List<DynamicProbe.Pause> pauses = new ArrayList<>();
        byClass.forEach((c, ps) -> {
            double m = Stats.median(ps.stream().map(DynamicProbe.Pause::millis).toList());
            if (m >= req.pauseThresholdMs()) {
                pauses.add(new DynamicProbe.Pause(c, ps.get(0).unit(), Stats.round1(m)));
            }
        });
        pauses.sort(Comparator.comparingDouble(DynamicProbe.Pause::millis).reversed());
        return new AnalysisReport.Probe(
                runs.size(),
                cmp.baseline().size(),
                req.invoke().memoryMb(),
                req.invoke().javaExecutable().toString(),
                jvm,
                cls,
                init,
                first,
                second,
                Stats.round1(med.apply(r -> r.result().peakRssKb() / 1024.0)),
                med.apply(r -> (double) r.totalClasses()),
                timeline,
                classes,
                millis,
                pauses.subList(0, Math.min(10, pauses.size())),
                cmp.jit(),
                cmp.withoutUnused(),
                cmp.withoutServiceOnly(),
                runs.get(runs.size() - 1).result().response());
    }

    private static List<String> notes() {
        return List.of(
                "Times are medians of local runs in fresh JVMs with Lambda's JVM flags; the local CPU is not throttled"
                        + " by the memory size as Lambda's is, and Lambda's runtime CDS archive is not available, so"
                        + " absolute numbers differ from Lambda's Init Duration; differences between runs are what"
                        + " the recommendations rely on.",
                "Time per jar charges the gap between one class load and the next to the jar of the class just"
                        + " loaded (loading, linking, static initialisation and the code that ran until the next"
                        + " class was needed). Class-load logging slows those runs, so the cold-start times come from"
                        + " the timing runs without it (the same measure as lambda:invoke) when comparisons ran.",
                "Static reachability follows every type named in reached classes, string constants naming classes"
                        + " on the class path, and ServiceLoader providers once their service type is reached."
                        + " Reflection with computed names is not visible statically: the probe shows it"
                        + " (status dynamic-only), and <keep> adds roots.");
    }
}
