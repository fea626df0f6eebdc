package dev.lambdadeploy.assemble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * File names for jars inside the zips: {@code artifactId-version[-classifier].jar}, prefixed with the groupId when two
 * artifacts would otherwise share a name. Names are computed over the whole classpath, so they do not change when an
 * artifact moves between layers.
 */
public final class JarNamer {
    private JarNamer() {}

    public static List<String> uniqueNames(List<DependencyArtifact> artifacts) {
        Map<String, Integer> counts = new HashMap<>();
        for (DependencyArtifact a : artifacts) {
            counts.merge(shortName(a), 1, Integer::sum);
        }
        List<String> names = new ArrayList<>(artifacts.size());
        Set<String> seen = new HashSet<>();
        for (DependencyArtifact a : artifacts) {
            String name = counts.get(shortName(a)) > 1 ? a.groupId() + "-" + shortName(a) : shortName(a);
            if (!seen.add(name)) {
                // Same groupId, artifactId, version and classifier twice: Maven never resolves that, so it is a bug in
                // the caller; refuse rather than overwrite one jar with another.
                throw new PackagingException("Two dependencies map to the same jar name '" + name + "' ("
                        + a.coordinates() + "). Remove the duplicate dependency from the POM.");
            }
            names.add(name);
        }
        return names;
    }

    private static String shortName(DependencyArtifact a) {
        return a.artifactId() + "-" + a.baseVersion() + (a.classifier().isEmpty() ? "" : "-" + a.classifier()) + ".jar";
    }
}
