package dev.lambdadeploy.budget;

import java.util.Map;

/**
 * Sizes from an earlier build (its {@code size-report.json}) to compare with: unzipped bytes per zip
 * ({@link ZipSize#id()}) and per item ({@link JarSize#key()}), and the total.
 */
public record Baseline(
        String source,
        long totalUnzipped,
        Map<String, Long> zipsUnzipped,
        Map<String, Long> itemsUnzipped,
        Map<String, String> itemVersions) {

    public Baseline {
        zipsUnzipped = Map.copyOf(zipsUnzipped);
        itemsUnzipped = Map.copyOf(itemsUnzipped);
        itemVersions = Map.copyOf(itemVersions);
    }
}
