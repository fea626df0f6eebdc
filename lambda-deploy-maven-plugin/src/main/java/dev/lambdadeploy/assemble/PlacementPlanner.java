package dev.lambdadeploy.assemble;

import dev.lambdadeploy.config.LayerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Assigns every runtime artifact to a zip. With layers configured the first matching layer wins and the rest goes to
 * the function; without, released third-party jars form one default layer (they change rarely) and SNAPSHOT or reactor
 * artifacts stay in the function (they change with every build).
 */
public final class PlacementPlanner {

    public List<Placement> plan(List<DependencyArtifact> artifacts, List<LayerSpec> layers, String defaultLayerName) {
        List<String> names = JarNamer.uniqueNames(artifacts);
        List<Placement> placements = new ArrayList<>(artifacts.size());
        for (int i = 0; i < artifacts.size(); i++) {
            DependencyArtifact a = artifacts.get(i);
            placements.add(new Placement(a, targetOf(a, layers, defaultLayerName), names.get(i)));
        }
        return placements;
    }

    private static ZipTarget targetOf(DependencyArtifact a, List<LayerSpec> layers, String defaultLayerName) {
        if (layers.isEmpty()) {
            return a.snapshot() || a.reactor() ? ZipTarget.FUNCTION : ZipTarget.layer(defaultLayerName);
        }
        for (LayerSpec layer : layers) {
            if (layer.matches(a.groupId(), a.artifactId(), a.version(), a.baseVersion())) {
                return ZipTarget.layer(layer.name());
            }
        }
        return ZipTarget.FUNCTION;
    }
}
