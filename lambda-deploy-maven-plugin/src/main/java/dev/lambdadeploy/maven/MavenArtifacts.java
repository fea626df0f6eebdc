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
        return trail.stream().map(MavenArtifacts::shortCoordinates).collect(Collectors.toList());
    }

    private static String shortCoordinates(String id) {
        String[] p = id.split(":");
        if (p.length >= 4) {
            return p[0] + ":" + p[1] + ":" + p[p.length - 1];
        }
        return id;
    }
}
