package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one summary {@code lambda:status} prints: per region and function, code, layers, versions, drift. */
public final class StatusTable {
    private static final String FMT = "  %-12s %-22s %-8s %-34s %-22s %s";

    private StatusTable() {}

    public static List<String> render(StatusResult r) {
        List<String> lines = new ArrayList<>();
        boolean local = r.localPackage() != null;
        lines.add("Lambda status"
                + (local
                        ? " of " + r.project().artifactId() + " " + r.project().version() + " against the local package"
                        : " (no local package in target/lambda: deployed state only)"));
        lines.add(String.format(Locale.ROOT, FMT, "REGION", "FUNCTION", "WHAT", "DEPLOYED", "LOCAL", "STATE"));
        int inSync = 0;
        int drifted = 0;
        int failed = 0;
        for (StatusResult.RegionStatus region : r.regions()) {
            for (StatusResult.FunctionStatus f : region.functions()) {
                if (f.error() != null) {
                    failed++;
                    lines.add(String.format(
                            Locale.ROOT, FMT, region.region(), f.name(), "", "", "", "ERROR " + f.error()));
                    continue;
                }
                if (f.drift().isEmpty()) {
                    inSync++;
                } else {
                    drifted++;
                }
                String deployed = f.imageDigest() != null
                        ? "image " + shortSha(f.imageDigest())
                        : shortSha(f.codeSha256()) + " " + ByteSizes.human(f.codeSize());
                String code = f.imageUri() != null ? "image" : "code";
                String codeState = f.localCodeSha256() == null
                        ? (local && f.imageUri() != null ? "not compared" : "")
                        : f.localCodeSha256().equals(f.codeSha256()) ? "in sync" : "DRIFT";
                String localCode = shortSha(f.localCodeSha256());
                if (f.localImage() != null) {
                    localCode = shortSha(f.localImage().digest());
                    codeState = imageState(f.localImage());
                }
                lines.add(String.format(
                        Locale.ROOT, FMT, region.region(), f.name(), code, deployed, localCode, codeState));
                for (StatusResult.LayerStatus l : f.layers()) {
                    String what =
                            l.version() == null ? "(none)" : "v" + l.version() + " " + ByteSizes.human(l.codeSize());
                    String state = switch (l.status()) {
                        case "in-sync" -> "in sync";
                        case "foreign" -> "not managed";
                        case "managed" -> "";
                        default -> "DRIFT (" + l.status() + ")";
                    };
                    lines.add(String.format(
                            Locale.ROOT,
                            FMT,
                            "",
                            "",
                            "layer",
                            l.name() + " " + what,
                            shortSha(l.localCodeSha256()),
                            state));
                }
                String versions =
                        (f.latestVersion() == null ? "no published version" : "latest version " + f.latestVersion())
                                + (f.aliases().isEmpty()
                                        ? ""
                                        : ", aliases "
                                                + f.aliases().entrySet().stream()
                                                        .map(e -> e.getKey() + "->" + e.getValue())
                                                        .collect(Collectors.joining(" ")));
                lines.add(String.format(
                        Locale.ROOT,
                        FMT,
                        "",
                        "",
                        "version",
                        versions,
                        "",
                        "LastUpdateStatus " + f.lastUpdateStatus()
                                + (f.lastUpdateStatusReason() == null ? "" : " (" + f.lastUpdateStatusReason() + ")")));
                if (f.history() != null) {
                    lines.add(String.format(
                            Locale.ROOT,
                            FMT,
                            "",
                            "",
                            "deployed",
                            f.history().deployedAt()
                                    + (f.history().gitCommit() == null
                                            ? ""
                                            : " git " + f.history().gitCommit()),
                            "",
                            ""));
                }
                f.drift().forEach(d -> lines.add("    drift: " + d));
            }
        }
        String verdict = failed > 0 ? failed + " function(s) could not be read; " : "";
        verdict += local
                ? inSync + " function(s) in sync with the local package, " + drifted + " drifted"
                : inSync + drifted + " function(s) read";
        lines.add(verdict);
        return lines;
    }

    private static String imageState(StatusResult.LocalImage i) {
        String state = switch (i.status()) {
            case "in-sync" -> "in sync";
            case "differs" -> "DRIFT";
            default -> "unknown (no local image build)";
        };
        return Boolean.TRUE.equals(i.packageChanged()) ? state + ", DRIFT (local build would be a new image)" : state;
    }

    static String shortSha(String sha) {
        if (sha == null) {
            return "";
        }
        String s = sha.startsWith("sha256:") ? sha.substring(7) : sha;
        return s.length() <= 12 ? s : s.substring(0, 12);
    }
}
