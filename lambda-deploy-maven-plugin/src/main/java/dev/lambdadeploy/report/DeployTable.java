package dev.lambdadeploy.report;

import dev.lambdadeploy.publish.DeployAction;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.FunctionResult;
import dev.lambdadeploy.publish.LayerResult;
import dev.lambdadeploy.publish.RegionResult;
import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a deploy: one per image, layer and function (and failed region), each with ONE short action
 * ({@code published}, {@code updated}, {@code would create}, ...) and the detail after it. Columns are as wide as
 * their longest cell, so nothing runs into the next column; a multi-module summary can render rows of several
 * modules together through {@link #format}.
 */
public final class DeployTable {
    /** One line of the table; {@code module} is empty for a single module. */
    public record Row(String module, String region, String kind, String name, String action, String detail) {}

    private DeployTable() {}

    public static List<Row> rows(DeployResult r) {
        return rows(r, "");
    }

    public static List<Row> rows(DeployResult r, String module) {
        List<Row> rows = new ArrayList<>();
        for (RegionResult region : r.regions()) {
            String rg = region.region();
            if (region.image() != null) {
                var i = region.image();
                rows.add(new Row(
                        module,
                        rg,
                        "image",
                        i.repository(),
                        i.pushedBytes() > 0 ? "pushed" : "up-to-date",
                        i.imageUri() + " (" + ByteSizes.human(i.pushedBytes()) + " pushed, "
                                + ByteSizes.human(i.skippedBytes()) + " already in the registry)"));
            }
            for (LayerResult l : region.layers()) {
                rows.add(new Row(module, rg, "layer", l.layerName(), layerAction(l), layerDetail(l)));
            }
            for (FunctionResult f : region.functions()) {
                rows.add(
                        f.failed()
                                ? new Row(
                                        module,
                                        rg,
                                        "function",
                                        f.name(),
                                        "FAILED",
                                        "left " + f.leftIn() + ": " + firstSentence(f.error()))
                                : new Row(module, rg, "function", f.name(), functionAction(f), functionDetail(f)));
            }
            if (region.error() != null && region.functions().isEmpty()) {
                rows.add(new Row(module, rg, "", "", "FAILED", firstSentence(region.error())));
            }
        }
        return rows;
    }

    /** The rows as aligned text; the module column only when some row has a module. */
    public static List<String> format(List<Row> rows) {
        boolean modules = rows.stream().anyMatch(r -> !r.module().isEmpty());
        List<String[]> cells = new ArrayList<>();
        cells.add(
                modules
                        ? new String[] {"MODULE", "REGION", "KIND", "NAME", "ACTION", "DETAIL"}
                        : new String[] {"REGION", "KIND", "NAME", "ACTION", "DETAIL"});
        for (Row r : rows) {
            cells.add(
                    modules
                            ? new String[] {r.module(), r.region(), r.kind(), r.name(), r.action(), r.detail()}
                            : new String[] {r.region(), r.kind(), r.name(), r.action(), r.detail()});
        }
        int cols = cells.get(0).length;
        int[] width = new int[cols];
        for (String[] c : cells) {
            for (int i = 0; i < cols - 1; i++) {
                width[i] = Math.max(width[i], c[i] == null ? 0 : c[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] c : cells) {
            StringBuilder sb = new StringBuilder(" ");
            for (int i = 0; i < cols; i++) {
                String v = c[i] == null ? "" : c[i];
                sb.append(i == 0 ? " " : "  ").append(i == cols - 1 ? v : pad(v, width[i]));
            }
            lines.add(sb.toString().stripTrailing());
        }
        return lines;
    }

    /** {@code published}, {@code up-to-date} or {@code would publish}. */
    static String layerAction(LayerResult l) {
        return l.action() == null ? "" : l.action().wire().replace("would-", "would ");
    }

    static String layerDetail(LayerResult l) {
        if (l.action() == DeployAction.PUBLISHED) {
            return l.layerVersionArn() + " (" + ByteSizes.human(l.bytesUploaded()) + " via " + l.transport() + ")";
        }
        if (l.action() == DeployAction.UP_TO_DATE) {
            return l.layerVersionArn();
        }
        return l.reason() == null ? "" : l.reason();
    }

    /**
     * One word for what happened to the function: {@code created}, {@code updated}, {@code up-to-date}, or in a dry
     * run {@code would create} / {@code would update}; the detail says which parts changed.
     */
    static String functionAction(FunctionResult f) {
        DeployAction code = f.code();
        DeployAction config = f.configuration();
        if (code == DeployAction.WOULD_CREATE || code == DeployAction.CREATED) {
            return code == DeployAction.WOULD_CREATE ? "would create" : "created";
        }
        if ((code != null && code.planned()) || (config != null && config.planned())) {
            return "would update";
        }
        if (code == DeployAction.UPDATED || config == DeployAction.UPDATED) {
            return "updated";
        }
        return f.publishedVersion() != null ? "versioned" : "up-to-date";
    }

    static String functionDetail(FunctionResult f) {
        String action = functionAction(f);
        String detail;
        if (action.endsWith("create") || action.equals("created") || f.changes().isEmpty()) {
            detail = f.imageUri() != null
                    ? "image " + f.imageUri()
                    : f.codeSha256() != null ? "CodeSha256 " + f.codeSha256() : "";
        } else {
            detail = "changes: " + String.join(", ", f.changes());
        }
        if (f.publishedVersion() != null) {
            detail += (detail.isEmpty() ? "" : "; ") + "version " + f.publishedVersion()
                    + (f.alias() == null ? "" : " (alias " + f.alias() + ")");
        }
        return detail;
    }

    /** The failure's first sentence for the row; the full message with its fix is printed once, as the error. */
    static String firstSentence(String error) {
        if (error == null) {
            return "";
        }
        int end = error.indexOf(". ");
        String s = end < 0 ? error : error.substring(0, end + 1);
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    private static String pad(String s, int width) {
        return String.format(Locale.ROOT, "%-" + Math.max(1, width) + "s", s);
    }
}
