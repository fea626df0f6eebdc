package dev.lambdadeploy.analyze;

import dev.lambdadeploy.report.ByteSizes;
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
    static final Set<String> SDK_HTTP_CLIENTS = Set.of("apache-client", "apache5-client", "netty-nio-client",
            "url-connection-client", "aws-crt-client");

    private record Draft(String id, String title, String detail, Double ms, Long bytes, String action) {}

    private Recommendations() {}

    static List<AnalysisReport.Recommendation> build(AnalysisRequest req, List<AnalysisReport.UnitReport> units,
            AnalysisReport.Probe probe, Map<String, Set<String>> snapStartHazards, Duplicates.Result dups) {
        List<Draft> d = new ArrayList<>();
        unused(units, probe, d);
        serviceOnly(units, probe, d);
        httpClients(units, probe, d);
        jit(req, probe, d);
        snapStart(req, probe, snapStartHazards, d);
        staticInit(probe, d);
        conflicts(units, dups, d);
        memory(req, probe, d);
        d.sort(Comparator.comparing((Draft x) -> x.ms() == null ? Double.NEGATIVE_INFINITY : x.ms()).reversed()
                .thenComparing(x -> x.bytes() == null ? 0L : x.bytes(), Comparator.reverseOrder()));
        List<AnalysisReport.Recommendation> out = new ArrayList<>();
        for (Draft x : d) {
            out.add(new AnalysisReport.Recommendation(out.size() + 1, x.id(), x.title(), x.detail(), x.ms(), x.bytes(),
                    x.action()));
        }
        return out;
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.0f ms", v);
    }

    private static void unused(List<AnalysisReport.UnitReport> units, AnalysisReport.Probe probe, List<Draft> d) {
        List<AnalysisReport.UnitReport> unused = units.stream().filter(u -> "unused".equals(u.status())).toList();
        if (unused.isEmpty()) {
            return;
        }
        long bytes = unused.stream().mapToLong(AnalysisReport.UnitReport::bytes).sum();
        AnalysisReport.Comparison c = probe.withoutUnusedJars();
        Double saved = null;
        String measured = "not measured (lambda.analyze.verifyRemoval=false)";
        if (c != null && "ok".equals(c.outcome())) {
            saved = Stats.round1(c.baselineInitMs() - c.initMs());
            measured = "init " + ms(c.baselineInitMs()) + " with them, " + ms(c.initMs()) + " without (median of "
                    + c.runs() + "); the handler still succeeds without them";
        } else if (c != null) {
            measured = "NOT safe as is: " + c.outcome();
        }
        String list = unused.stream().map(u -> u.coordinates() + " (" + ByteSizes.human(u.bytes()) + ")")
                .collect(Collectors.joining(", "));
        String fixes = Fixes.removals(unused);
        d.add(new Draft("remove-unused-jars", "Remove " + unused.size() + " unused jar(s), "
                + ByteSizes.human(bytes) + " unzipped", "Never reachable from the handler and no class loaded in "
                + probe.runs() + " probe run(s): " + list + ". Measured: " + measured + ".", saved, bytes, fixes));
    }

    private static void serviceOnly(List<AnalysisReport.UnitReport> units, AnalysisReport.Probe probe,
            List<Draft> d) {
        List<AnalysisReport.UnitReport> all = units.stream().filter(u -> "service-only".equals(u.status())).toList();
        if (all.isEmpty()) {
            return;
        }
        List<AnalysisReport.Comparison> checks = probe.withoutServiceOnlyJars();
        if (checks == null || checks.isEmpty()) {
            addServiceOnly(all, null, d);
            return;
        }
        for (AnalysisReport.Comparison c : checks) {
            List<AnalysisReport.UnitReport> group = all.stream().filter(u -> c.removed().contains(u.label())).toList();
            addServiceOnly(group.isEmpty() ? all : group, c, d);
        }
    }

    private static void addServiceOnly(List<AnalysisReport.UnitReport> only, AnalysisReport.Comparison c,
            List<Draft> d) {
        long bytes = only.stream().mapToLong(AnalysisReport.UnitReport::bytes).sum();
        Double saved = null;
        String measured = "not measured (lambda.analyze.verifyRemoval=false)";
        String names = only.stream().map(u -> u.coordinates().split(":")[1]).collect(Collectors.joining(", "));
        String title = "Remove " + names + ": pulled in only by ServiceLoader, " + ByteSizes.human(bytes)
                + " unzipped";
        boolean needed = c != null && !"ok".equals(c.outcome());
        if (c != null && !needed) {
            saved = Stats.round1(c.baselineInitMs() - c.initMs());
            measured = "init " + ms(c.baselineInitMs()) + " with them, " + ms(c.initMs()) + " without (median of "
                    + c.runs() + "); the handler still succeeds without them";
        } else if (needed) {
            measured = "the handler needs them (" + c.outcome() + ")";
            title = "Keep " + names + ": found through ServiceLoader, and the handler fails without it";
        }
        String registrations = only.stream().filter(u -> !u.services().isEmpty())
                .map(u -> u.coordinates() + " registers " + String.join(", ", u.services()))
                .collect(Collectors.joining("; "));
        d.add(new Draft(needed ? "service-only-needed" : "service-only-jars", title, "No code of the function or its"
                + " libraries names these jars; they are reachable only through META-INF/services registrations ("
                + registrations + "), so a library that asks ServiceLoader for that service loads them: "
                + only.stream().map(u -> u.coordinates() + " (" + ByteSizes.human(u.bytes()) + ", " + fmtClasses(u)
                        + " loaded)").collect(Collectors.joining(", ")) + ". Measured: " + measured + ".",
                saved, needed ? null : bytes, needed ? null : Fixes.removals(only)));
    }

    private static void httpClients(List<AnalysisReport.UnitReport> units, AnalysisReport.Probe probe, List<Draft> d) {
        List<AnalysisReport.UnitReport> clients = units.stream().filter(u -> u.coordinates() != null
                && u.coordinates().startsWith("software.amazon.awssdk:")
                && SDK_HTTP_CLIENTS.contains(u.coordinates().split(":")[1])).toList();
        if (clients.size() < 2) {
            return;
        }
        AnalysisReport.UnitReport keep = clients.stream()
                .max(Comparator.comparingDouble((AnalysisReport.UnitReport u) -> u.loadedClasses() == null ? 0
                        : u.loadedClasses()).thenComparing(u -> u.coordinates().contains("url-connection-client")))
                .orElseThrow();
        List<AnalysisReport.UnitReport> others = clients.stream().filter(u -> u != keep).toList();
        double ms = others.stream().mapToDouble(u -> u.loadMillis() == null ? 0 : u.loadMillis()).sum();
        long bytes = others.stream().mapToLong(AnalysisReport.UnitReport::bytes).sum();
        String action = others.stream().map(u -> {
            String[] c = u.coordinates().split(":");
            List<String> path = u.dependencyPath();
            String onto = path.size() > 2 ? path.get(1).split(":")[0] + ":" + path.get(1).split(":")[1] : null;
            return onto == null ? "remove the <dependency> " + c[0] + ":" + c[1]
                    : "add to " + onto + ": " + Fixes.exclusion(c[0], c[1]);
        }).collect(Collectors.joining("; ")) + "; and build clients with .httpClient(...) of "
                + keep.coordinates().split(":")[1] + " so the SDK skips its ServiceLoader lookup";
        d.add(new Draft("one-http-client", "Use one explicit AWS SDK HTTP client (" + keep.coordinates().split(":")[1]
                + ")", clients.size() + " SDK HTTP clients are packaged (" + clients.stream()
                .map(u -> u.coordinates().split(":")[1]).collect(Collectors.joining(", ")) + "); the SDK finds them"
                + " via ServiceLoader, so none is statically unused. The probe loaded " + fmtClasses(keep)
                + " from " + keep.coordinates().split(":")[1] + " and charged " + ms(ms) + " to the others.",
                ms, bytes, action));
    }

    private static String fmtClasses(AnalysisReport.UnitReport u) {
        return String.format(Locale.ROOT, "%.0f classes", u.loadedClasses() == null ? 0 : u.loadedClasses());
    }

    private static void jit(AnalysisRequest req, AnalysisReport.Probe probe, List<Draft> d) {
        AnalysisReport.Comparison c = probe.jitComparison();
        String tool = req.invoke().environment().getOrDefault("JAVA_TOOL_OPTIONS", "");
        boolean overridden = tool.contains("TieredStopAtLevel=") && !tool.contains("TieredStopAtLevel=1")
                || tool.contains("-TieredCompilation");
        if (c == null && !overridden) {
            return;
        }
        Double delta = c == null ? null : Stats.round1(c.initMs() + c.firstInvokeMs()
                - c.baselineInitMs() - c.baselineFirstInvokeMs());
        String measured = c == null ? "" : " Measured init + first invoke: " + ms(c.baselineInitMs()
                + c.baselineFirstInvokeMs()) + " with C1 only, " + ms(c.initMs() + c.firstInvokeMs())
                + " with full tiered compilation (median of " + c.runs() + ").";
        d.add(new Draft("tiered-stop-at-level-1", overridden ? "Drop the JAVA_TOOL_OPTIONS that undo C1-only start-up"
                : "Keep the JIT at C1 for cold starts (-XX:TieredStopAtLevel=1)",
                "Lambda's java17 and java21 runtimes start the JVM with -XX:+TieredCompilation"
                        + " -XX:TieredStopAtLevel=1; on java11 and java8.al2 set JAVA_TOOL_OPTIONS to"
                        + " '-XX:+TieredCompilation -XX:TieredStopAtLevel=1'."
                        + (overridden ? " This function's JAVA_TOOL_OPTIONS '" + tool + "' overrides it." : "")
                        + measured,
                delta, null, overridden ? "remove the TieredStopAtLevel / TieredCompilation flags from"
                        + " JAVA_TOOL_OPTIONS" : "JAVA_TOOL_OPTIONS=-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
                        + " (java11/java8.al2 only)"));
    }

    private static void snapStart(AnalysisRequest req, AnalysisReport.Probe probe,
            Map<String, Set<String>> snapStartHazards, List<Draft> d) {
        String rt = req.runtime() == null ? "" : req.runtime().toLowerCase(Locale.ROOT);
        int version = rt.startsWith("java") ? parseInt(rt.substring(4).replaceAll("\\..*", "")) : 0;
        List<String> why = new ArrayList<>();
        if (version < 11) {
            why.add("runtime " + req.runtime() + " (SnapStart needs java11 or later)");
        }
        if ("image".equalsIgnoreCase(req.packageType())) {
            why.add("container images are not supported");
        }
        String hazards = snapStartHazards.isEmpty() ? ""
                : " Before enabling it, move these out of static initializers (they would be frozen into the snapshot"
                        + " and shared by every restored environment): " + snapStartHazards.entrySet().stream()
                        .map(e -> e.getKey() + " uses " + String.join(", ", e.getValue()))
                        .collect(Collectors.joining("; ")) + ".";
        if (why.isEmpty()) {
            d.add(new Draft("snapstart", "Enable SnapStart: eligible (" + req.runtime() + ", zip package)",
                    "SnapStart restores a snapshot taken after init instead of running it on each cold start; the"
                            + " measured init here is " + ms(probe.initMs()) + ". It needs published versions or"
                            + " aliases, and does not work with provisioned concurrency, EFS, or ephemeral storage"
                            + " over 512 MB." + hazards,
                    probe.initMs(), null, "<SnapStart><ApplyOn>PublishedVersions</ApplyOn></SnapStart> on the"
                            + " function, then invoke a published version or alias"));
        } else {
            d.add(new Draft("snapstart", "SnapStart not available: " + String.join("; ", why),
                    "SnapStart would skip the measured " + ms(probe.initMs()) + " init, but is not available for "
                            + String.join(" and ", why) + "." + hazards, null, null,
                    "move to a java21 zip deployment to use SnapStart"));
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
        double total = probe.pauses().stream().mapToDouble(DynamicProbe.Pause::millis).sum();
        d.add(new Draft("heavy-static-init", "Make heavy initialization lazy (" + probe.pauses().size()
                + " long pause(s) in the start-up)", "Longest pauses between class loads (median over "
                + probe.runs() + " run(s)), after loading: " + probe.pauses().stream()
                .map(p -> p.className() + " from " + p.unit() + " " + ms(p.millis()))
                .collect(Collectors.joining("; ")) + ". Static initializers and constructors run there.",
                Stats.round1(total), null, "initialize on first use (holder class, lazy field) or move the work out"
                        + " of static initializers and the handler constructor"));
    }

    private static void conflicts(List<AnalysisReport.UnitReport> units, Duplicates.Result dups, List<Draft> d) {
        for (Duplicates.Overlap o : dups.overlaps()) {
            if (o.differing() == 0) {
                continue;
            }
            AnalysisReport.UnitReport shadowed = units.stream().filter(u -> u.label().equals(o.shadowed()))
                    .findFirst().orElse(null);
            d.add(new Draft("conflicting-classes", "Resolve conflicting classes: " + o.winner() + " shadows "
                    + o.shadowed(), o.differing() + " class(es) differ between the two (e.g. "
                    + String.join(", ", o.examples()) + "); only " + o.winner() + "'s copy is ever loaded.", null,
                    shadowed == null ? null : shadowed.bytes(), shadowed == null || shadowed.coordinates() == null
                    ? "keep one of them" : "exclude one of them, e.g. " + Fixes.removal(toRecord(shadowed))));
        }
    }

    private static dev.lambdadeploy.manifest.JarRecord toRecord(AnalysisReport.UnitReport u) {
        String[] c = u.coordinates().split(":");
        return new dev.lambdadeploy.manifest.JarRecord(c[0], c[1], c[2], null, null, u.dependencyPath(), u.target(),
                u.zipEntry(), u.bytes(), u.bytes(), false, false, false, List.of());
    }

    private static void memory(AnalysisRequest req, AnalysisReport.Probe probe, List<Draft> d) {
        if (Double.isNaN(probe.peakRssMb()) || probe.peakRssMb() <= 0) {
            return;
        }
        int suggested = Math.max(128, (int) Math.ceil(probe.peakRssMb() * 1.5 / 64.0) * 64);
        d.add(new Draft("memory", "Memory: at least " + suggested + " MB (peak RSS " + String.format(Locale.ROOT,
                "%.0f", probe.peakRssMb()) + " MB at " + req.invoke().memoryMb() + " MB)",
                "Peak resident memory in the probe was " + String.format(Locale.ROOT, "%.0f MB", probe.peakRssMb())
                        + " (median); 1.5x headroom gives " + suggested + " MB. Lambda gives CPU in proportion to"
                        + " memory (1,769 MB = one vCPU) and this local probe is not CPU-throttled, so an init-heavy"
                        + " function usually starts faster with more memory than it needs: compare Init Duration at "
                        + suggested + " MB and 1769 MB after deploying.", null, null,
                "<memorySize>" + Math.max(suggested, req.invoke().memoryMb() < suggested ? suggested : req.invoke()
                        .memoryMb()) + "</memorySize>"));
    }

}
