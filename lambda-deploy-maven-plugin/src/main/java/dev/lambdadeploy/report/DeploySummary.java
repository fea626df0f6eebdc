package dev.lambdadeploy.report;

import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.FunctionResult;
import dev.lambdadeploy.publish.LayerResult;
import dev.lambdadeploy.publish.RegionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one summary {@code lambda:deploy} prints: per region, each layer and function and what happened to it. */
public final class DeploySummary {
    private DeploySummary() {}

    public static List<String> render(DeployResult r) {
        List<String> lines = new ArrayList<>();
        lines.add((r.dryRun() ? "Lambda deploy plan (dry run, nothing changed) for " : "Lambda deploy of ")
                + r.project().artifactId() + " " + r.project().version());
        String fmt = "  %-14s %-9s %-28s %-14s %s";
        lines.add(String.format(Locale.ROOT, fmt, "REGION", "KIND", "NAME", "ACTION", "DETAIL"));
        for (RegionResult region : r.regions()) {
            if (region.image() != null) {
                String detail = region.image().imageUri() + " (" + ByteSizes.human(region.image().pushedBytes())
                        + " pushed, " + ByteSizes.human(region.image().skippedBytes()) + " already in the registry)";
                lines.add(String.format(Locale.ROOT, fmt, region.region(), "image", region.image().repository(),
                        region.image().pushedBytes() > 0 ? "pushed" : "up-to-date", detail));
            }
            for (LayerResult l : region.layers()) {
                String detail = l.layerVersionArn() != null ? l.layerVersionArn() : l.reason();
                if ("published".equals(l.action())) {
                    detail += " (" + ByteSizes.human(l.bytesUploaded()) + " uploaded via " + l.transport() + ")";
                }
                lines.add(String.format(Locale.ROOT, fmt, region.region(), "layer", l.layerName(), l.action(), detail));
            }
            for (FunctionResult f : region.functions()) {
                if (f.failed()) {
                    lines.add(String.format(Locale.ROOT, fmt, region.region(), "function", f.name(), "FAILED",
                            "left " + f.leftIn() + ": " + f.error()));
                    continue;
                }
                String action = "up-to-date".equals(f.code()) && "up-to-date".equals(f.configuration()) ? "up-to-date"
                        : "code " + f.code() + ", config " + f.configuration();
                String detail = f.changes().isEmpty()
                        ? (f.imageUri() != null ? "image " + f.imageUri() : "CodeSha256 " + f.codeSha256())
                        : "changed: " + String.join(", ", f.changes());
                if (f.publishedVersion() != null) {
                    detail += "; version " + f.publishedVersion() + (f.alias() == null ? "" : " (alias " + f.alias() + ")");
                }
                lines.add(String.format(Locale.ROOT, fmt, region.region(), "function", f.name(), action, detail));
            }
            if (region.error() != null) {
                lines.add(String.format(Locale.ROOT, fmt, region.region(), "", "", "FAILED", region.error()));
            }
        }
        long failed = r.regions().stream().filter(RegionResult::failed).count();
        String verdict = failed > 0 ? failed + " of " + r.regions().size() + " region(s) FAILED"
                : r.dryRun() ? (r.upToDate() ? "everything is up to date; nothing would change" : "dry run: nothing was changed")
                : r.upToDate() ? "everything is up to date" : "deployed";
        lines.add(String.format(Locale.ROOT, "%s; %s uploaded (%d bytes) in %.1f s", verdict,
                ByteSizes.human(r.bytesUploaded()), r.bytesUploaded(), r.durationMillis() / 1000.0));
        return lines;
    }
}
