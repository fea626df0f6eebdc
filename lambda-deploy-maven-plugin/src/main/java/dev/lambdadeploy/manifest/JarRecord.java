package dev.lambdadeploy.manifest;

import java.util.List;

/**
 * One dependency jar: coordinates, how it arrived ({@code dependencyPath}, project first), where it went
 * ({@code target} = {@code function} or {@code layer:<name>}, {@code zipEntry}) and what stripping did to it.
 */
public record JarRecord(
        String groupId,
        String artifactId,
        String version,
        String classifier,
        String scope,
        List<String> dependencyPath,
        String target,
        String zipEntry,
        long originalBytes,
        long finalBytes,
        boolean signed,
        boolean snapshot,
        boolean reactor,
        List<Removal> removed) {

    public JarRecord {
        dependencyPath = dependencyPath == null ? List.of() : List.copyOf(dependencyPath);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }

    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version
                + (classifier == null || classifier.isEmpty() ? "" : ":" + classifier);
    }
}
