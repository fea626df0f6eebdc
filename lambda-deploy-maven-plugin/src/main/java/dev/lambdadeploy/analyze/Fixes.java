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

    static String exclusion(String groupId, String artifactId) {
        return "<exclusions><exclusion><groupId>" + groupId + "</groupId><artifactId>" + artifactId
                + "</artifactId></exclusion></exclusions>";
    }
}
