package dev.lambdadeploy.analyze;

import dev.lambdadeploy.limits.LambdaLimits;
import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Recommendations from the reconciled findings, ranked by measured time at stake, then by bytes saved. */
final class Recommendations {
    /** The AWS SDK v2 HTTP client modules; the SDK picks one through ServiceLoader unless the code names one. */
    static final Set<String> SDK_HTTP_CLIENTS =
            Set.of("apache-client", "apache5-client", "netty-nio-client", "url-connection-client", "aws-crt-client");

    private record Draft(
            String id,
            String kind,
            String title,
            String detail,
            Double ms,
            String measured,
            Long bytes,
            String action,
            List<AnalysisReport.UnitReport> removes) {
        static Draft action(
                String id,
                String title,
                String detail,
                Gain gain,
                Long bytes,
                String action,
                List<AnalysisReport.UnitReport> removes) {
            return new Draft(id, "action", title, detail, gain.ms(), gain.text(), bytes, action, removes);
        }

        static Draft keep(String id, String title, String detail, Gain gain) {
            return new Draft(id, "keep", title, detail, gain.ms(), gain.text(), null, null, List.of());
        }
    }

    /** A measured time at stake: {@code ms} null when nothing was measured or it is no gain; {@code text} in words. */
    record Gain(Double ms, String text) {
        static final Gain NONE = new Gain(null, null);
    }

    private Recommendations() {}

    static List<AnalysisReport.Recommendation> build(
            AnalysisRequest req,
            List<AnalysisReport.UnitReport> units,
            AnalysisReport.Probe probe,
            Map<String, Set<String>> snapStartHazards,
            Duplicates.Result dups) {
        List<Draft> d = new ArrayList<>();
        unused(units, probe, d);
        serviceOnly(units, probe, d);
        httpClients(units, d);
        jit(req, probe, d);
        snapStart(req, probe, snapStartHazards, d);
        staticInit(probe, d);
        conflicts(units, dups, d);
        memory(req, probe, d);
        // actions first, then the findings that say to keep something; each ranked by time, then bytes
        d.sort(Comparator.comparing((Draft x) -> "keep".equals(x.kind()))
                .thenComparing(x -> x.ms() == null ? Double.NEGATIVE_INFINITY : x.ms(), Comparator.reverseOrder())
                .thenComparing(x -> x.bytes() == null ? 0L : x.bytes(), Comparator.reverseOrder()));
        List<AnalysisReport.Recommendation> out = new ArrayList<>();
        for (Draft x : d) {
            out.add(new AnalysisReport.Recommendation(
                    out.size() + 1,
                    x.id(),
                    x.kind(),
                    x.title(),
                    x.detail(),
                    x.ms(),
                    x.measured(),
                    x.bytes(),
                    x.action(),
                    x.removes().stream().map(u -> Fixes.ga(u.coordinates())).toList()));
        }
        return out;
    }

    /** Every jar the actions remove, as one POM change per direct dependency. */
    static List<AnalysisReport.PomChange> pomChanges(
            List<AnalysisReport.Recommendation> recs, List<AnalysisReport.UnitReport> units) {
        Set<String> removes = new java.util.HashSet<>();
        recs.stream().filter(r -> !r.keep()).forEach(r -> removes.addAll(r.removes()));
        return Fixes.pomChanges(units.stream()
                .filter(u -> u.coordinates() != null && removes.contains(Fixes.ga(u.coordinates())))
                .toList());
    }

    /**
     * {@code before - after} as a gain, judged against the spread of the runs: a difference within it is "no
     * measurable gain" (and no time to rank by), whichever its sign.
     */
    static Gain gain(double before, double after, double spread, int runs, String what) {
        double diff = Stats.round1(before - after);
        if (Double.isNaN(diff)) {
            return Gain.NONE;
        }
        String detail = what + " " + ms(before) + " -> " + ms(after) + ", median of " + runs;
        if (Double.isNaN(spread)) {
            return new Gain(
                    diff > 0 ? diff : null,
                    (diff > 0 ? ms(diff) + " faster" : "no gain measured") + " (" + detail
                            + "; too few runs to know the noise, so indicative only)");
        }
        String noise = "run-to-run spread ±" + ms(spread);
        if (Math.abs(diff) <= spread) {
            return new Gain(
                    null,
                    "no measurable gain (" + detail + "; the " + ms(Math.abs(diff)) + " difference is within the "
                            + noise + ")");
        }
        return diff > 0
                ? new Gain(diff, ms(diff) + " faster (" + detail + "; " + noise + ")")
                : new Gain(null, ms(-diff) + " slower (" + detail + "; " + noise + ")");
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.0f ms", v);
    }

    private static void unused(List<AnalysisReport.UnitReport> units, AnalysisReport.Probe probe, List<Draft> d) {
        List<AnalysisReport.UnitReport> unused =
                units.stream().filter(u -> "unused".equals(u.status())).toList();
        if (unused.isEmpty()) {
            return;
        }
        long bytes = unused.stream().mapToLong(AnalysisReport.UnitReport::bytes).sum();
        AnalysisReport.Comparison c = probe.withoutUnusedJars();
        String names = unused.stream()
                .map(u -> u.coordinates().split(":")[1] + " (" + ByteSizes.human(u.bytes()) + ")")
                .collect(Collectors.joining(", "));
        String why = "Never reachable from the handler and no class loaded in " + probe.runs() + " probe run(s): "
                + names + ".";
        if (c != null && !"ok".equals(c.outcome())) {
            d.add(Draft.keep(
                    "unused-jars-needed",
                    "Keep " + unused.size() + " jar(s) that look unused: the handler" + " fails without them",
                    why + " But without them " + c.outcome() + "; list what it needs in"
                            + " <keep> so the analysis sees it.",
                    Gain.NONE));
            return;
        }
        Gain gain = c == null
                ? new Gain(null, "not measured (lambda.analyze.verifyRemoval=false)")
                : gain(c.baselineInitMs(), c.initMs(), c.initSpreadMs(), c.runs(), "init");
        d.add(Draft.action(
                "remove-unused-jars",
                "Remove " + unused.size() + " unused jar(s), " + ByteSizes.human(bytes) + " unzipped",
                why + (c == null ? "" : " The handler still succeeds without" + " them."),
                gain,
                bytes,
                Fixes.summary(Fixes.pomChanges(unused)),
                unused));
    }

    private static void serviceOnly(List<AnalysisReport.UnitReport> units, AnalysisReport.Probe probe, List<Draft> d) {
        List<AnalysisReport.UnitReport> all =
                units.stream().filter(u -> "service-only".equals(u.status())).toList();
        if (all.isEmpty()) {
            return;
        }
        List<AnalysisReport.Comparison> checks = probe.withoutServiceOnlyJars();
        if (checks == null || checks.isEmpty()) {
            addServiceOnly(all, null, d);
            return;
        }
        for (AnalysisReport.Comparison c : checks) {
            List<AnalysisReport.UnitReport> group =
                    all.stream().filter(u -> c.removed().contains(u.label())).toList();
            addServiceOnly(group.isEmpty() ? all : group, c, d);
        }
    }

    private static void addServiceOnly(
            List<AnalysisReport.UnitReport> only, AnalysisReport.Comparison c, List<Draft> d) {
        long bytes = only.stream().mapToLong(AnalysisReport.UnitReport::bytes).sum();
        String names = only.stream().map(u -> u.coordinates().split(":")[1]).collect(Collectors.joining(", "));
        String registrations = only.stream()
                .filter(u -> !u.services().isEmpty())
                .map(u -> u.coordinates().split(":")[1] + " registers " + String.join(", ", u.services()))
                .collect(Collectors.joining("; "));
        String detail = "No code of the function or its libraries names these jars; they are reachable only through"
                + " META-INF/services registrations (" + registrations + "), so a library that asks ServiceLoader"
                + " for that service loads them: "
                + only.stream()
                        .map(u -> u.coordinates().split(":")[1] + " (" + ByteSizes.human(u.bytes()) + ", "
                                + fmtClasses(u) + " loaded)")
                        .collect(Collectors.joining(", "))
                + ".";
        if (c != null && !"ok".equals(c.outcome())) {
            d.add(Draft.keep(
                    "service-only-needed",
                    "Keep " + names + ": found through ServiceLoader, and the handler" + " fails without it",
                    detail + " Without them " + c.outcome() + ".",
                    Gain.NONE));
            return;
        }
        Gain gain = c == null
                ? new Gain(null, "not measured (lambda.analyze.verifyRemoval=false)")
                : gain(c.baselineInitMs(), c.initMs(), c.initSpreadMs(), c.runs(), "init");
        d.add(Draft.action(
                "service-only-jars",
                "Remove " + names + ": pulled in only by ServiceLoader, " + ByteSizes.human(bytes) + " unzipped",
                detail + (c == null ? "" : " The handler still succeeds" + " without them."),
                gain,
                bytes,
                Fixes.summary(Fixes.pomChanges(only)),
                only));
    }

    private static void httpClients(List<AnalysisReport.UnitReport> units, List<Draft> d) {
        List<AnalysisReport.UnitReport> clients = units.stream()
                .filter(u -> u.coordinates() != null
                        && u.coordinates().startsWith("software.amazon.awssdk:")
                        && SDK_HTTP_CLIENTS.contains(u.coordinates().split(":")[1]))
                .toList();
        if (clients.size() < 2) {
            return;
        }
        AnalysisReport.UnitReport keep = clients.stream()
                .max(Comparator.comparingDouble(
                                (AnalysisReport.UnitReport u) -> u.loadedClasses() == null ? 0 : u.loadedClasses())
                        .thenComparing(u -> u.coordinates().contains("url-connection-client")))
                .orElseThrow();
        String kept = keep.coordinates().split(":")[1];
        List<AnalysisReport.UnitReport> others =
                clients.stream().filter(u -> !u.equals(keep)).toList();
        double ms = Stats.round1(others.stream()
                .mapToDouble(u -> u.loadMillis() == null ? 0 : u.loadMillis())
                .sum());
        long bytes = others.stream().mapToLong(AnalysisReport.UnitReport::bytes).sum();
        String action = Fixes.summary(Fixes.pomChanges(others)) + "; and build clients with .httpClient(...) of " + kept
                + " so the SDK skips its ServiceLoader lookup";
        d.add(Draft.action(
                "one-http-client",
                "Use one explicit AWS SDK HTTP client (" + kept + ")",
                clients.size()
                        + " SDK HTTP clients are packaged ("
                        + clients.stream()
                                .map(u -> u.coordinates().split(":")[1])
                                .collect(Collectors.joining(", "))
                        + "); the SDK finds them via ServiceLoader, so none is statically"
                        + " unused. The probe loaded " + fmtClasses(keep) + " from " + kept + ".",
                ms > 0 ? new Gain(ms, ms(ms) + " of class loading charged to the others in the probe") : Gain.NONE,
                bytes,
                action,
                others));
    }

    private static String fmtClasses(AnalysisReport.UnitReport u) {
        return String.format(Locale.ROOT, "%.0f classes", u.loadedClasses() == null ? 0 : u.loadedClasses());
    }

    private static void jit(AnalysisRequest req, AnalysisReport.Probe probe, List<Draft> d) {
        AnalysisReport.Comparison c = probe.jitComparison();
        String tool = req.invoke().environment().getOrDefault("JAVA_TOOL_OPTIONS", "");
        boolean overridden = (tool.contains("TieredStopAtLevel=") && !tool.contains("TieredStopAtLevel=1"))
                || tool.contains("-TieredCompilation");
        if (c == null && !overridden) {
            return;
        }
        // the gain of C1-only over full tiered compilation: the baseline runs use Lambda's C1-only flags
        Gain gain = c == null
                ? Gain.NONE
                : gain(
                        c.initMs() + c.firstInvokeMs(),
                        c.baselineInitMs() + c.baselineFirstInvokeMs(),
                        c.totalSpreadMs(),
                        c.runs(),
                        "init + first invoke, full tiered vs C1 only:");
        String flags = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
        int version = javaVersion(req.runtime());
        // AWS: "In the Java 17 runtime, the JVM flag for tiered compilation is set to stop at level 1 by default."
        boolean byDefault = version >= 17 || version == 0;
        String measured = gain.text() == null ? "" : " Measured: C1 only was " + gain.text() + ".";
        if (overridden) {
            d.add(Draft.action(
                    "tiered-stop-at-level-1",
                    "Drop the JAVA_TOOL_OPTIONS that undo C1-only start-up",
                    "This function's JAVA_TOOL_OPTIONS '" + tool + "' turns off the C1-only start-up ("
                            + flags + ")"
                            + (byDefault ? " that Lambda's " + req.runtime() + " runtime uses by default." : ".")
                            + measured,
                    gain,
                    null,
                    "remove the TieredStopAtLevel / TieredCompilation flags" + " from JAVA_TOOL_OPTIONS"
                            + (byDefault ? "" : " and set " + flags),
                    List.of()));
        } else if (byDefault) {
            d.add(Draft.keep(
                    "tiered-stop-at-level-1",
                    "Keep Lambda's C1-only JIT default: " + req.runtime() + " already starts the JVM with " + flags,
                    "Nothing to set; do not override it in" + " JAVA_TOOL_OPTIONS." + measured,
                    gain));
        } else {
            d.add(Draft.action(
                    "tiered-stop-at-level-1",
                    "Set the JIT to C1 for cold starts (" + req.runtime() + " does not by default)",
                    "Lambda's java17 and later runtimes start the JVM with " + flags + "; " + req.runtime()
                            + " needs it in JAVA_TOOL_OPTIONS." + measured,
                    gain,
                    null,
                    "JAVA_TOOL_OPTIONS=" + flags,
                    List.of()));
        }
    }

    /** 21 for {@code java21}, 8 for {@code java8.al2}; 0 when not a Java runtime name. */
    static int javaVersion(String runtime) {
        String rt = runtime == null ? "" : runtime.toLowerCase(Locale.ROOT);
        return rt.startsWith("java") ? parseInt(rt.substring(4).replaceAll("\\..*", "")) : 0;
    }

    private static void snapStart(
            AnalysisRequest req, AnalysisReport.Probe probe, Map<String, Set<String>> snapStartHazards, List<Draft> d) {
        int version = javaVersion(req.runtime());
        List<String> why = new ArrayList<>();
        if (version < 11) {
            why.add("runtime " + req.runtime() + " (SnapStart needs java11 or later)");
        }
        if ("image".equalsIgnoreCase(req.packageType())) {
            why.add("container images are not supported");
        }
        String hazards = snapStartHazards.isEmpty()
                ? ""
                : " Before enabling it, move these out of static initializers (they would be frozen into the snapshot"
                        + " and shared by every restored environment): "
                        + snapStartHazards.entrySet().stream()
                                .map(e -> e.getKey() + " uses " + String.join(", ", e.getValue()))
                                .collect(Collectors.joining("; "))
                        + ".";
        if (why.isEmpty()) {
            d.add(Draft.action(
                    "snapstart",
                    "Enable SnapStart: eligible (" + req.runtime() + ", zip package)",
                    "SnapStart restores a snapshot taken after init instead of running it on each cold start; the"
                            + " measured init here is " + ms(probe.initMs()) + ". It needs published versions or"
                            + " aliases, and does not work with provisioned concurrency, EFS, or ephemeral storage"
                            + " over 512 MB." + hazards,
                    new Gain(probe.initMs(), "init " + ms(probe.initMs()) + ", what a restore from the snapshot skips"),
                    null,
                    "<SnapStart><ApplyOn>PublishedVersions</ApplyOn></SnapStart> on the"
                            + " function, then invoke a published version or alias",
                    List.of()));
        } else {
            d.add(Draft.action(
                    "snapstart",
                    "SnapStart not available: " + String.join("; ", why),
                    "SnapStart would skip the measured " + ms(probe.initMs()) + " init, but is not available for "
                            + String.join(" and ", why) + "." + hazards,
                    Gain.NONE,
                    null,
                    "move to a java21 zip deployment to use SnapStart",
                    List.of()));
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void staticInit(AnalysisReport.Probe probe, List<Draft> d) {
        if (probe.pauses().isEmpty()) {
            return;
        }
        double total =
                probe.pauses().stream().mapToDouble(DynamicProbe.Pause::millis).sum();
        d.add(Draft.action(
                "heavy-static-init",
                "Make heavy initialization lazy (" + probe.pauses().size() + " long pause(s) in the start-up)",
                "Longest pauses between class loads (median over "
                        + probe.runs() + " run(s)), after loading: "
                        + probe.pauses().stream()
                                .map(p -> p.className() + " (" + shortUnit(p.unit()) + ") " + ms(p.millis()))
                                .collect(Collectors.joining("; "))
                        + ". Static initializers and constructors run there.",
                new Gain(Stats.round1(total), ms(total) + " of pauses in the start-up"),
                null,
                "initialize on first"
                        + " use (holder class, lazy field) or move the work out of static initializers and the"
                        + " handler constructor",
                List.of()));
    }

    /** A jar by its file name (its path is in the units table); other units as they are. */
    static String shortUnit(String unit) {
        return unit != null && unit.endsWith(".jar") ? unit.substring(unit.lastIndexOf('/') + 1) : unit;
    }

    private static void conflicts(List<AnalysisReport.UnitReport> units, Duplicates.Result dups, List<Draft> d) {
        for (Duplicates.Overlap o : dups.overlaps()) {
            if (o.differing() == 0) {
                continue;
            }
            AnalysisReport.UnitReport shadowed = units.stream()
                    .filter(u -> u.label().equals(o.shadowed()))
                    .findFirst()
                    .orElse(null);
            d.add(Draft.action(
                    "conflicting-classes",
                    "Resolve conflicting classes: " + o.winner() + " shadows " + o.shadowed(),
                    o.differing() + " class(es) differ between the two (e.g. " + String.join(", ", o.examples())
                            + "); only " + o.winner() + "'s copy is ever loaded.",
                    Gain.NONE,
                    shadowed == null ? null : shadowed.bytes(),
                    shadowed == null || shadowed.coordinates() == null
                            ? "keep one of them"
                            : "exclude one of them, e.g. " + Fixes.removal(toRecord(shadowed)),
                    List.of()));
        }
    }

    private static dev.lambdadeploy.manifest.JarRecord toRecord(AnalysisReport.UnitReport u) {
        String[] c = u.coordinates().split(":");
        return new dev.lambdadeploy.manifest.JarRecord(
                c[0],
                c[1],
                c[2],
                null,
                null,
                u.dependencyPath(),
                u.target(),
                u.zipEntry(),
                u.bytes(),
                u.bytes(),
                false,
                false,
                false,
                List.of());
    }

    /**
     * One number: the memory to configure. When the probed memory already covers the peak with headroom it is a
     * "keep" finding; otherwise the action names the size to set.
     */
    private static void memory(AnalysisRequest req, AnalysisReport.Probe probe, List<Draft> d) {
        if (Double.isNaN(probe.peakRssMb()) || probe.peakRssMb() <= 0) {
            return;
        }
        int suggested = Math.max(LambdaLimits.MIN_MEMORY_MB, (int) Math.ceil(probe.peakRssMb() * 1.5 / 64.0) * 64);
        int current = req.invoke().memoryMb();
        String peak = String.format(Locale.ROOT, "%.0f MB", probe.peakRssMb());
        String cpu = " Lambda gives CPU in proportion to memory (1,769 MB = one vCPU) and this local probe is not"
                + " CPU-throttled, so an init-heavy function often starts faster with more memory than it needs:"
                + " compare Init Duration at " + current + " MB and 1769 MB after deploying.";
        if (current >= suggested) {
            d.add(Draft.keep(
                    "memory",
                    "Memory: " + current + " MB is enough (peak RSS " + peak + ")",
                    "Peak resident memory in the probe was " + peak + " (median), within " + current + " MB with"
                            + " 1.5x headroom." + cpu,
                    Gain.NONE));
            return;
        }
        d.add(Draft.action(
                "memory",
                "Memory: set " + suggested + " MB (peak RSS " + peak + " leaves too little" + " headroom in " + current
                        + " MB)",
                "Peak resident memory in the probe was " + peak + " (median); 1.5x headroom gives " + suggested + " MB."
                        + cpu,
                Gain.NONE,
                null,
                "<memorySize>" + suggested + "</memorySize>",
                List.of()));
    }
}
