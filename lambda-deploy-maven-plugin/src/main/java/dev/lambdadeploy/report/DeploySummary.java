package dev.lambdadeploy.report;

import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.RegionResult;
import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one summary {@code lambda:deploy} prints: per region, each layer and function with one action each (rows from
 * {@link DeployTable}), then the verdict.
 */
public final class DeploySummary {
    private DeploySummary() {}

    public static List<String> render(DeployResult r) {
        List<String> lines = new ArrayList<>();
        lines.add((r.dryRun() ? "Lambda deploy plan (dry run, nothing changed) for " : "Lambda deploy of ")
                + r.project().artifactId() + " " + r.project().version());
        lines.addAll(DeployTable.format(DeployTable.rows(r)));
        lines.add(verdictLine(r));
        return lines;
    }

    /** The verdict, what was uploaded (only when something was) and how long it took. */
    public static String verdictLine(DeployResult r) {
        long failed = r.regions().stream().filter(RegionResult::failed).count();
        long failedFunctions = r.regions().stream()
                .flatMap(g -> g.functions().stream())
                .filter(dev.lambdadeploy.publish.FunctionResult::failed)
                .count();
        String verdict = failed > 0
                ? failed + " of " + r.regions().size() + " region(s) FAILED (" + failedFunctions
                        + " function(s) not deployed)"
                : r.dryRun()
                        ? (r.upToDate()
                                ? "everything is up to date; nothing would change"
                                : "dry run: nothing was changed")
                        : r.upToDate() ? "everything is up to date" : "deployed";
        return String.format(
                Locale.ROOT,
                "%s%s (%.1f s)",
                verdict,
                r.bytesUploaded() > 0 ? "; " + ByteSizes.human(r.bytesUploaded()) + " uploaded" : "",
                r.durationMillis() / 1000.0);
    }
}
