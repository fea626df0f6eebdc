package dev.lambdadeploy.budget;

import java.util.List;

/**
 * One of the biggest parts of what broke a budget: a jar (with the dependency path that pulled it in), the project's
 * classes, a layer, or, for growth, what grew. {@code share} is its part of the measured amount (0..1).
 */
public record Contributor(
        String name,
        String zip,
        long zippedBytes,
        long unzippedBytes,
        double share,
        List<String> dependencyPath,
        String note) {

    public Contributor {
        dependencyPath = dependencyPath == null ? List.of() : List.copyOf(dependencyPath);
    }
}
