package dev.lambdadeploy.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Classes defined by more than one unit (only the first in class path order is ever loaded; when the bytes differ the
 * jars carry conflicting versions) and split packages (one package spread over several jars with different classes).
 */
public final class Duplicates {
    /** Classes both units define: {@code identical} have the same bytes (CRC), {@code differing} do not. */
    public record Overlap(String winner, String shadowed, int identical, int differing, List<String> examples) {}

    /** A package whose classes come from several units. */
    public record SplitPackage(String packageName, List<String> units) {}

    public record Result(List<Overlap> overlaps, List<SplitPackage> splitPackages) {}

    private Duplicates() {}

    public static Result find(ClassIndex index) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, List<String>> examples = new LinkedHashMap<>();
        Map<String, Set<String>> packageUnits = new TreeMap<>();
        for (Map.Entry<String, List<ClassIndex.Unit>> e : index.allDefinitions().entrySet()) {
            String cls = e.getKey();
            List<ClassIndex.Unit> defs = e.getValue();
            int slash = cls.lastIndexOf('/');
            String pkg = slash < 0 ? "" : cls.substring(0, slash).replace('/', '.');
            defs.forEach(
                    u -> packageUnits.computeIfAbsent(pkg, k -> new TreeSet<>()).add(u.label));
            if (defs.size() < 2) {
                continue;
            }
            ClassIndex.Unit winner = defs.get(0);
            for (ClassIndex.Unit other : defs.subList(1, defs.size())) {
                String key = winner.label + "\u0000" + other.label;
                int[] c = counts.computeIfAbsent(key, k -> new int[2]);
                boolean same = index.crc(winner, cls) == index.crc(other, cls);
                c[same ? 0 : 1]++;
                List<String> ex = examples.computeIfAbsent(key, k -> new ArrayList<>());
                if (ex.size() < 3) {
                    ex.add(cls.replace('/', '.'));
                }
            }
        }
        List<Overlap> overlaps = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\u0000");
            List<String> ex = new ArrayList<>(examples.get(key));
            ex.sort(null);
            overlaps.add(new Overlap(parts[0], parts[1], c[0], c[1], ex));
        });
        overlaps.sort(Comparator.comparingInt((Overlap o) -> -(o.identical() + o.differing())));
        List<SplitPackage> split = new ArrayList<>();
        packageUnits.forEach((pkg, units) -> {
            if (units.size() > 1 && !pkg.isEmpty() && !onlyDuplicates(index, pkg, units)) {
                split.add(new SplitPackage(pkg, List.copyOf(units)));
            }
        });
        return new Result(overlaps, split);
    }

    /** A package that is only in several units because whole classes are duplicated is reported as an overlap. */
    private static boolean onlyDuplicates(ClassIndex index, String pkg, Set<String> units) {
        String prefix = pkg.replace('.', '/') + "/";
        for (ClassIndex.Unit u : index.units()) {
            if (!units.contains(u.label)) {
                continue;
            }
            for (String c : u.classNames()) {
                if (c.startsWith(prefix)
                        && c.indexOf('/', prefix.length()) < 0
                        && index.definitions(c).size() == 1) {
                    return false;
                }
            }
        }
        return true;
    }
}
