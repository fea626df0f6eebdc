package dev.lambdadeploy.report;

import dev.lambdadeploy.budget.Baseline;
import dev.lambdadeploy.budget.PackageSizes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares this package with an earlier {@code size-report.json}: what grew, shrank, appeared and vanished. */
public final class BaselineComparison {
    private BaselineComparison() {}

    /** The budget checker's view of the baseline. */
    public static Baseline toBaseline(SizeReport before, String source) {
        Map<String, Long> zips = new HashMap<>();
        before.zips().forEach(z -> zips.put(z.id(), z.unzippedBytes()));
        Map<String, Long> items = new HashMap<>();
        Map<String, String> versions = new HashMap<>();
        for (SizeReport.Item i : before.contents()) {
            items.merge(i.key(), i.unzippedBytes(), Long::sum);
            if (i.version() != null) {
                versions.put(i.key(), i.version());
            }
        }
        return new Baseline(source, before.totals().unzippedBytes(), zips, items, versions);
    }

    public static SizeReport.BaselineDiff diff(
            SizeReport before,
            String source,
            List<SizeReport.Zip> nowZips,
            List<SizeReport.Item> nowItems,
            PackageSizes now) {
        List<SizeReport.Change> changes = new ArrayList<>();
        Map<String, SizeReport.Zip> beforeZips = new LinkedHashMap<>();
        before.zips().forEach(z -> beforeZips.put(z.id(), z));
        for (SizeReport.Zip z : nowZips) {
            SizeReport.Zip b = beforeZips.remove(z.id());
            add(changes, "zip", label(z), b == null ? null : b.unzippedBytes(), z.unzippedBytes(), null, null);
        }
        beforeZips.values().forEach(b -> add(changes, "zip", label(b), b.unzippedBytes(), null, null, null));

        Map<String, SizeReport.Item> beforeItems = new LinkedHashMap<>();
        before.contents().forEach(i -> beforeItems.putIfAbsent(i.key(), i));
        for (SizeReport.Item i : nowItems) {
            SizeReport.Item b = beforeItems.remove(i.key());
            add(
                    changes,
                    "item",
                    i.key(),
                    b == null ? null : b.unzippedBytes(),
                    i.unzippedBytes(),
                    b == null ? null : b.version(),
                    i.version());
        }
        beforeItems.values().forEach(b -> add(changes, "item", b.key(), b.unzippedBytes(), null, b.version(), null));
        changes.sort(Comparator.comparing((SizeReport.Change c) -> !c.type().equals("zip"))
                .thenComparing(c -> -Math.abs(c.deltaBytes()))
                .thenComparing(SizeReport.Change::name));
        long totalBefore = before.totals().unzippedBytes();
        long totalNow = now.totalUnzipped();
        return new SizeReport.BaselineDiff(source, totalBefore, totalNow, totalNow - totalBefore, changes);
    }

    private static String label(SizeReport.Zip z) {
        return "function".equals(z.kind())
                ? "function.zip"
                : ("external-layer".equals(z.kind()) ? "external layer " : "layer ") + z.name();
    }

    private static void add(
            List<SizeReport.Change> changes,
            String type,
            String name,
            Long before,
            Long after,
            String beforeVersion,
            String afterVersion) {
        String change;
        if (before == null) {
            change = "appeared";
        } else if (after == null) {
            change = "vanished";
        } else if (after > before) {
            change = "grew";
        } else if (after < before) {
            change = "shrank";
        } else {
            return;
        }
        long delta = (after == null ? 0 : after) - (before == null ? 0 : before);
        changes.add(new SizeReport.Change(type, name, change, before, after, delta, beforeVersion, afterVersion));
    }
}
