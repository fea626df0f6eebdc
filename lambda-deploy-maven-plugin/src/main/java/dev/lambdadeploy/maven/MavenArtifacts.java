package dev.lambdadeploy.maven;

import dev.lambdadeploy.assemble.DependencyArtifact;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** Turns Maven's resolved runtime artifacts into the engine's {@link DependencyArtifact}s. */
final class MavenArtifacts {
    private MavenArtifacts() {}

    static List<DependencyArtifact> runtimeArtifacts(MavenProject project, MavenSession session) {
        Set<String> reactor = session == null
                ? Set.of()
                : session.getProjects().stream()
                        .map(p -> p.getGroupId() + ":" + p.getArtifactId())
                        .collect(Collectors.toSet());
        List<DependencyArtifact> out = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            String scope = a.getScope() == null ? Artifact.SCOPE_COMPILE : a.getScope();
            if (!(Artifact.SCOPE_COMPILE.equals(scope) || Artifact.SCOPE_RUNTIME.equals(scope))) {
                continue; // provided, test and system never reach Lambda
            }
            if (a.getArtifactHandler() != null && !a.getArtifactHandler().isAddedToClasspath()) {
                continue;
            }
            if (a.getFile() == null) {
                continue;
            }
            out.add(new DependencyArtifact(
                    a.getGroupId(),
                    a.getArtifactId(),
                    a.getVersion(),
                    a.getBaseVersion(),
                    a.getClassifier(),
                    scope,
                    a.getFile().toPath(),
                    trail(a),
                    reactor.contains(a.getGroupId() + ":" + a.getArtifactId())));
        }
        return out;
    }

    /** Maven's trail is {@code g:a:type:v} from the project down; we show {@code g:a:v}. */
    private static List<String> trail(Artifact a) {
        List<String> trail = a.getDependencyTrail();
        if (trail == null || trail.isEmpty()) {
            return List.of(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion());
        }
        List<String> out = new ArrayList<>(trail.size());
        for (String id : trail) {
            out.add(shortCoordinates(id));
        }
        return out;
    }

    /** {@code g:a:type[:classifier]:v} as {@code g:a:v}; anything with fewer parts as it is. */
    static String shortCoordinates(String id) {
        int first = id.indexOf(':');
        int second = first < 0 ? -1 : id.indexOf(':', first + 1);
        int third = second < 0 ? -1 : id.indexOf(':', second + 1);
        if (third < 0) {
            return id;
        }
        return id.substring(0, second) + id.substring(id.lastIndexOf(':'));
    }
}
