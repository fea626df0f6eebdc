package dev.lambdadeploy.report;

import dev.lambdadeploy.manifest.JarRecord;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ZipRecord;
import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The one summary table {@code lambda:package} prints: each zip, its jars, sizes, stripping savings and CodeSha256. */
public final class PackageSummary {
    private PackageSummary() {}

    public static List<String> render(PackageManifest m, String outputDir) {
        List<String> lines = new ArrayList<>();
        lines.add("Lambda package for " + m.project().artifactId() + " "
                + m.project().version() + " (" + m.architecture() + ") in " + outputDir);
        String fmt = "  %-28s %5s %11s %11s %11s  %-44s %s";
        lines.add(String.format(Locale.ROOT, fmt, "ZIP", "JARS", "ZIPPED", "UNZIPPED", "STRIPPED", "CODESHA256", ""));
        long zipped = 0;
        long unzipped = 0;
        long saved = 0;
        for (ZipRecord z : m.allZips()) {
            long zipSaved = savedBy(m, z);
            lines.add(String.format(
                    Locale.ROOT,
                    fmt,
                    z.path(),
                    z.jars().size(),
                    ByteSizes.human(z.zippedBytes()),
                    ByteSizes.human(z.unzippedBytes()),
                    zipSaved == 0 ? "-" : "-" + ByteSizes.human(zipSaved),
                    z.codeSha256(),
                    z.reused() ? "(unchanged, reused)" : ""));
            zipped += z.zippedBytes();
            unzipped += z.unzippedBytes();
            saved += zipSaved;
        }
        lines.add(String.format(
                Locale.ROOT,
                fmt,
                "total (" + m.layers().size() + " layer" + (m.layers().size() == 1 ? "" : "s") + " + function)",
                m.jars().size(),
                ByteSizes.human(zipped),
                ByteSizes.human(unzipped),
                saved == 0 ? "-" : "-" + ByteSizes.human(saved),
                "",
                ""));
        return lines;
    }

    private static long savedBy(PackageManifest m, ZipRecord z) {
        Set<String> entries = new HashSet<>(z.jars());
        long saved = 0;
        for (JarRecord j : m.jars()) {
            if (entries.contains(j.zipEntry())) {
                saved += j.originalBytes() - j.finalBytes();
            }
        }
        return saved;
    }

    /** Bytes saved by stripping over all jars. */
    public static long totalSaved(PackageManifest m) {
        return m.jars().stream()
                .mapToLong(j -> j.originalBytes() - j.finalBytes())
                .sum();
    }
}
