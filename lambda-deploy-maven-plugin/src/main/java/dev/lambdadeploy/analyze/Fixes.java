package dev.lambdadeploy.analyze;

import dev.lambdadeploy.manifest.JarRecord;
import java.util.List;

/** The POM change that removes a jar, from the dependency path lambda:package recorded. */
final class Fixes {
    private Fixes() {}

    static String removal(JarRecord jar) {
        if (jar == null) {
            return null;
        }
        List<String> path = jar.dependencyPath();
        String ga = jar.groupId() + ":" + jar.artifactId();
        if (path.size() <= 2) {
            return "remove the <dependency> " + ga + " from the POM";
        }
        String direct = path.get(1);
        String[] d = direct.split(":");
        return "add to the <dependency> " + d[0] + ":" + d[1] + " (path " + String.join(" > ", path) + "): "
                + exclusion(jar.groupId(), jar.artifactId());
    }

    /**
     * The changes that remove all of {@code units}: a jar that arrives through another jar of the set needs no change
     * of its own (removing that one removes it too).
     */
    static String removals(List<AnalysisReport.UnitReport> units) {
        java.util.Set<String> removed = new java.util.HashSet<>();
        units.forEach(u -> {
            String[] c = u.coordinates().split(":");
            removed.add(c[0] + ":" + c[1]);
        });
        List<String> out = new java.util.ArrayList<>();
        for (AnalysisReport.UnitReport u : units) {
            List<String> path = u.dependencyPath();
            boolean carried = false;
            for (int i = 1; i < path.size() - 1; i++) {
                String[] p = path.get(i).split(":");
                carried |= removed.contains(p[0] + ":" + p[1]);
            }
            if (!carried && u.fix() != null) {
                out.add(u.fix());
            }
        }
        return String.join("; ", out);
    }

    static String exclusion(String groupId, String artifactId) {
        return "<exclusions><exclusion><groupId>" + groupId + "</groupId><artifactId>" + artifactId
                + "</artifactId></exclusion></exclusions>";
    }
}
