package dev.lambdadeploy.analyze;

import dev.lambdadeploy.invoke.InvokeException;
import dev.lambdadeploy.invoke.InvokeRequest;
import dev.lambdadeploy.invoke.InvokeResult;
import dev.lambdadeploy.invoke.InvokeTimings;
import dev.lambdadeploy.invoke.LambdaInvoker;
import dev.lambdadeploy.invoke.LambdaLayout;
import dev.lambdadeploy.invoke.ShimClasspath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cold-start probe: the handler run N times, each in a fresh JVM with class-load logging. Each loaded class is
 * attributed to the class path unit it came from; the time until the next class load is charged to that unit (the
 * loading, linking and static initialisation it triggered, and the code that ran until the next class was needed).
 */
public final class DynamicProbe {
    public static final String JDK = "JDK";
    public static final String RUNTIME = "Lambda runtime";

    /** One run: its result, and per unit label the classes loaded and the milliseconds charged to it. */
    public record Run(
            InvokeResult result,
            Map<String, Integer> classes,
            Map<String, Double> millis,
            List<Pause> pauses,
            int totalClasses,
            java.util.Set<String> functionClassesLoaded) {}

    /** A long gap after loading {@code className} from {@code unit}: where a heavy static initializer shows up. */
    public record Pause(String className, String unit, double millis) {}

    private final LambdaInvoker invoker;

    public DynamicProbe(LambdaInvoker invoker) {
        this.invoker = invoker;
    }

    public List<Run> run(LambdaLayout layout, ClassIndex index, InvokeRequest template, int runs, String idPrefix)
            throws InvokeException, IOException {
        Map<Path, String> unitByPath = new HashMap<>();
        for (ClassIndex.Unit u : index.units()) {
            unitByPath.put(u.path.toAbsolutePath().normalize(), u.kind == ClassIndex.Kind.RUNTIME ? RUNTIME : u.label);
        }
        for (Path p : ShimClasspath.entries()) {
            unitByPath.put(p.toAbsolutePath().normalize(), RUNTIME);
        }
        List<Run> out = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            String id = idPrefix + "-" + i;
            Path log = layout.root().resolve("runs").resolve(id).resolve("class-load.log");
            InvokeRequest req =
                    template.withExtraJvmArgs(concat(template.extraJvmArgs(), ClassLoadLog.jvmOption(log)), id);
            InvokeResult r = invoker.run(layout, req, false);
            LambdaInvoker.requireSuccess(r, layout, template.handler());
            out.add(attribute(r, ClassLoadLog.parse(log), unitByPath));
        }
        return out;
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> l = new ArrayList<>(a);
        l.add(b);
        return l;
    }

    static Run attribute(InvokeResult r, List<ClassLoadLog.Event> events, Map<Path, String> unitByPath) {
        InvokeTimings t = r.timings();
        List<Long> ends = t.invokeEnds();
        long windowEndNanos = ((ends.isEmpty() ? t.ready() : ends.get(ends.size() - 1)) - t.spawn()) * 1000L;
        Map<String, Integer> classes = new LinkedHashMap<>();
        Map<String, Double> millis = new LinkedHashMap<>();
        List<Pause> pauses = new ArrayList<>();
        Map<String, String> sourceCache = new HashMap<>();
        java.util.Set<String> loaded = new java.util.HashSet<>();
        int total = 0;
        for (int i = 0; i < events.size(); i++) {
            ClassLoadLog.Event e = events.get(i);
            if (e.uptimeNanos() > windowEndNanos) {
                break;
            }
            total++;
            String unit = sourceCache.computeIfAbsent(e.source(), s -> unitOf(s, unitByPath));
            classes.merge(unit, 1, Integer::sum);
            long next =
                    i + 1 < events.size() ? Math.min(events.get(i + 1).uptimeNanos(), windowEndNanos) : windowEndNanos;
            double gap = Math.max(0, next - e.uptimeNanos()) / 1e6;
            millis.merge(unit, gap, Double::sum);
            if (!JDK.equals(unit) && !RUNTIME.equals(unit)) {
                loaded.add(e.className());
                if (gap >= 5) {
                    pauses.add(new Pause(e.className(), unit, gap));
                }
            }
        }
        return new Run(r, classes, millis, pauses, total, loaded);
    }

    static String unitOf(String source, Map<Path, String> unitByPath) {
        if (source.startsWith("file:")) {
            try {
                String u = unitByPath.get(
                        Path.of(URI.create(source)).toAbsolutePath().normalize());
                if (u != null) {
                    return u;
                }
            } catch (IllegalArgumentException e) {
                // fall through: not a plain file URL
            }
            return "other: " + source;
        }
        return JDK; // jrt:/..., shared objects file, generated (lambda forms, proxies, __JVM_...)
    }
}
