package dev.lambdadeploy.analyze;

import dev.lambdadeploy.manifest.JarRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The POM changes that remove jars, from the dependency paths lambda:package recorded: a direct dependency is removed,
 * a transitive one excluded under the direct dependency that brings it, with one {@code <exclusions>} block per
 * direct dependency however many jars go.
 */
final class Fixes {
    private Fixes() {}

    /** One jar's change in a few words (the full path is in the unit's {@code dependencyPath}). */
    static String removal(JarRecord jar) {
        if (jar == null) {
            return null;
        }
        List<String> path = jar.dependencyPath();
        String ga = jar.groupId() + ":" + jar.artifactId();
        if (path.size() <= 2) {
            return "remove the <dependency> " + ga + " from the POM";
        }
        return "exclude " + ga + " under the <dependency> " + ga(path.get(1));
    }

    /**
     * The changes that remove all of {@code units}, one per direct dependency, in the order the units come: a jar
     * that arrives through another jar of the set needs no change of its own (removing that one removes it too).
     */
    static List<AnalysisReport.PomChange> pomChanges(List<AnalysisReport.UnitReport> units) {
        Set<String> removed = new HashSet<>();
        units.stream().filter(u -> u.coordinates() != null).forEach(u -> removed.add(ga(u.coordinates())));
        Set<String> removeDirect = new LinkedHashSet<>();
        Map<String, Set<String>> exclusions = new LinkedHashMap<>();
        for (AnalysisReport.UnitReport u : units) {
            if (u.coordinates() == null) {
                continue;
            }
            List<String> path = u.dependencyPath();
            boolean carried = false;
            for (int i = 1; i < path.size() - 1; i++) {
                carried |= removed.contains(ga(path.get(i)));
            }
            if (carried) {
                continue;
            }
            if (path.size() <= 2) {
                removeDirect.add(ga(u.coordinates()));
            } else {
                exclusions
                        .computeIfAbsent(ga(path.get(1)), k -> new LinkedHashSet<>())
                        .add(ga(u.coordinates()));
            }
        }
        List<AnalysisReport.PomChange> out = new ArrayList<>();
        removeDirect.forEach(d -> out.add(new AnalysisReport.PomChange(d, "remove", List.of(), null)));
        exclusions.forEach((d, ex) -> {
            if (!removeDirect.contains(d)) {
                out.add(new AnalysisReport.PomChange(d, "exclude", List.copyOf(ex), exclusionsXml(ex)));
            }
        });
        return out;
    }

    /** The changes in one line: {@code remove the <dependency> a:b; exclude x, y under c:d}. */
    static String summary(List<AnalysisReport.PomChange> changes) {
        return changes.stream()
                .map(c -> "remove".equals(c.change())
                        ? "remove the <dependency> " + c.dependency() + " from the POM"
                        : "exclude "
                                + c.exclusions().stream()
                                        .map(e -> e.substring(e.indexOf(':') + 1))
                                        .collect(Collectors.joining(", "))
                                + " under the <dependency> " + c.dependency())
                .collect(Collectors.joining("; "));
    }

    /** A ready-to-paste block, one {@code <exclusion>} per line. */
    static String exclusionsXml(Iterable<String> gas) {
        StringBuilder sb = new StringBuilder("<exclusions>\n");
        for (String ga : gas) {
            String[] c = ga.split(":");
            sb.append("  <exclusion><groupId>")
                    .append(c[0])
                    .append("</groupId><artifactId>")
                    .append(c[1])
                    .append("</artifactId></exclusion>\n");
        }
        return sb.append("</exclusions>").toString();
    }

    static String ga(String coordinates) {
        String[] c = coordinates.split(":");
        return c.length < 2 ? coordinates : c[0] + ":" + c[1];
    }
}
