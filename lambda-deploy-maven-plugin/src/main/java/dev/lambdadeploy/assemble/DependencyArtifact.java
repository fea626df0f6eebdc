package dev.lambdadeploy.assemble;

import java.nio.file.Path;
import java.util.List;

/**
 * One runtime dependency as the engine sees it: coordinates, the file Maven resolved (a jar, or a reactor module's
 * classes directory), and the path through which it arrived, from the project down ({@code g:a:v} each).
 */
public record DependencyArtifact(
        String groupId,
        String artifactId,
        String version,
        String baseVersion,
        String classifier,
        String scope,
        Path file,
        List<String> dependencyPath,
        boolean reactor) {

    public DependencyArtifact {
        classifier = classifier == null ? "" : classifier;
        baseVersion = baseVersion == null ? version : baseVersion;
        dependencyPath = List.copyOf(dependencyPath);
    }

    public boolean snapshot() {
        return baseVersion.endsWith("-SNAPSHOT");
    }

    /** {@code groupId:artifactId:version[:classifier]}, the name users see in messages. */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
    }
}
