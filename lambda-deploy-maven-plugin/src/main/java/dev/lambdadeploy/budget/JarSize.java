package dev.lambdadeploy.budget;

import java.util.List;

/**
 * What one packaged item costs: a dependency jar (or, for the function zip, the project's own classes and resources,
 * with {@code groupId} empty). {@code zippedBytes} is its compressed size inside the Lambda zip, {@code unzippedBytes}
 * what it occupies once Lambda unzips (a jar stays a jar). {@code dependencyPath} is {@code g:a:v} from the project
 * down, as Maven resolved it; {@code zip} is the {@link ZipSize#id()} it is packaged in.
 */
public record JarSize(
        String groupId,
        String artifactId,
        String version,
        String classifier,
        String zip,
        String zipEntry,
        long zippedBytes,
        long unzippedBytes,
        List<String> dependencyPath) {

    public JarSize {
        classifier = classifier == null ? "" : classifier;
        dependencyPath = dependencyPath == null ? List.of() : List.copyOf(dependencyPath);
    }

    /** The project's own classes and resources in the function zip. */
    public static JarSize projectClasses(String artifactId, long zipped, long unzipped) {
        return new JarSize("", artifactId, "", "", "function", "", zipped, unzipped, List.of());
    }

    public boolean isProjectClasses() {
        return groupId.isEmpty();
    }

    /** {@code groupId:artifactId[:classifier]}: identity across versions (for baselines). */
    public String key() {
        return isProjectClasses()
                ? "(classes of " + artifactId + ")"
                : groupId + ":" + artifactId + (classifier.isEmpty() ? "" : ":" + classifier);
    }

    public String coordinates() {
        return isProjectClasses()
                ? key()
                : groupId + ":" + artifactId + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
    }

    /** Arrived through another dependency (so an {@code <exclusion>} can drop it). */
    public boolean transitive() {
        return dependencyPath.size() >= 3;
    }
}
