package dev.lambdadeploy.config;

import java.util.List;
import java.util.regex.Pattern;

/** A configured layer: artifacts matching an include and no exclude go into it (first matching layer wins). */
public record LayerSpec(String name, List<ArtifactPattern> includes, List<ArtifactPattern> excludes) {
    /** Lambda's LayerName rule for a plain name (not an ARN). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,140}");

    public LayerSpec {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    public static void validateName(String name, String element) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigException(
                    element,
                    "invalid layer name '" + name
                            + "'. Lambda layer names are 1-140 characters of letters, digits, '-' and '_'.");
        }
    }

    /**
     * Both versions count: a SNAPSHOT resolves to a timestamped version ({@code 1.0-20260101.000000-1}) whose base
     * version ({@code 1.0-SNAPSHOT}) is what users write patterns against.
     */
    public boolean matches(String groupId, String artifactId, String version, String baseVersion) {
        return includes.stream()
                        .anyMatch(p ->
                                p.matches(groupId, artifactId, version) || p.matches(groupId, artifactId, baseVersion))
                && excludes.stream()
                        .noneMatch(p ->
                                p.matches(groupId, artifactId, version) || p.matches(groupId, artifactId, baseVersion));
    }
}
