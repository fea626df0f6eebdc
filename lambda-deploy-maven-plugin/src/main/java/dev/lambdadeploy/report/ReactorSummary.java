package dev.lambdadeploy.report;

import dev.lambdadeploy.publish.DeployAction;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.FunctionResult;
import dev.lambdadeploy.publish.LayerArns;
import dev.lambdadeploy.publish.ModuleOutcome;
import dev.lambdadeploy.publish.RegionResult;
import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one table printed at the end of a reactor's deploy: every function of every module in every region, what
 * happened to it, the layer versions it runs, what its module uploaded and how long that took; then each failure.
 */
public final class ReactorSummary {
    private ReactorSummary() {}

    public static List<String> render(List<ModuleOutcome> outcomes) {
        List<ModuleOutcome> sorted = outcomes.stream()
                .sorted(Comparator.comparing(ModuleOutcome::module))
                .toList();
        List<String> lines = new ArrayList<>();
        String fmt = "  %-24s %-24s %-14s %-11s %-24s %10s %7s";
        lines.add("Lambda deploy of the reactor: " + outcomes.size() + " module(s)");
        lines.add(String.format(
                Locale.ROOT, fmt, "MODULE", "FUNCTION", "REGION", "ACTION", "LAYERS", "UPLOADED", "TIME"));
        int functions = 0;
        long bytes = 0;
        long calls = 0;
        List<String> failures = new ArrayList<>();
        for (ModuleOutcome o : sorted) {
            DeployResult r = o.result();
            if (r == null) {
                lines.add(String.format(Locale.ROOT, fmt, o.module(), "-", "-", "FAILED", "-", "-", "-"));
                failures.addAll(o.failures());
                continue;
            }
            bytes += r.bytesUploaded();
            calls += r.awsCalls();
            String time = String.format(Locale.ROOT, "%.1f s", r.durationMillis() / 1000.0);
            boolean first = true;
            failures.addAll(o.failures());
            for (RegionResult region : r.regions()) {
                for (FunctionResult f : region.functions()) {
                    functions++;
                    lines.add(String.format(
                            Locale.ROOT,
                            fmt,
                            o.module(),
                            f.name(),
                            region.region(),
                            action(f),
                            layers(f),
                            first ? ByteSizes.human(r.bytesUploaded()) : "",
                            first ? time : ""));
                    first = false;
                }
            }
        }
        long failedFunctions = sorted.stream()
                .filter(o -> o.result() != null)
                .flatMap(o -> o.result().regions().stream())
                .flatMap(r -> r.functions().stream())
                .filter(FunctionResult::failed)
                .count();
        lines.add(String.format(
                Locale.ROOT,
                "%d function(s) in %d module(s), %d failed; %s uploaded, %d AWS call(s)",
                functions,
                outcomes.size(),
                failedFunctions,
                ByteSizes.human(bytes),
                calls));
        failures.forEach(f -> lines.add("  FAILED " + f));
        return lines;
    }

    private static String action(FunctionResult f) {
        if (f.failed()) {
            return "FAILED";
        }
        if (!f.changed()) {
            return "up-to-date";
        }
        return f.code().planned() || f.configuration().planned()
                ? "would-change"
                : f.code() == DeployAction.CREATED ? "created" : "updated";
    }

    private static String layers(FunctionResult f) {
        List<String> l = f.layers().stream().map(LayerArns::shortForm).toList();
        return l.isEmpty() ? "-" : String.join(" ", l);
    }
}
