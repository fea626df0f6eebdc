package dev.lambdadeploy.maven;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;

/**
 * Whether the POM binds lambda:package to the build. Without such an execution 'mvn package' builds no zips, so the
 * goals that need them (lambda:invoke, lambda:analyze, lambda:deploy) must name that cause, not only "run package".
 */
final class PackageExecutions {
    private PackageExecutions() {}

    static boolean bindsPackage(List<Plugin> buildPlugins, String groupId, String artifactId) {
        if (buildPlugins == null || groupId == null || artifactId == null) {
            return false; // unknown: the message then names both fixes
        }
        for (Plugin p : buildPlugins) {
            if (!artifactId.equals(p.getArtifactId()) || !groupId.equals(p.getGroupId())) {
                continue;
            }
            for (PluginExecution e : p.getExecutions()) {
                if (e.getGoals().contains("package")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The message when lambda-package.json is missing: both fixes when the POM binds no lambda:package. */
    static String missingManifest(String file, String goal, boolean bound) {
        if (bound) {
            return "No " + file + ": the zips are built in the package phase; run 'mvn package lambda:" + goal + "'.";
        }
        return "No " + file + ": this project's POM has no lambda:package execution, so 'mvn package' builds no Lambda"
                + " zips. Either add to the lambda-deploy-maven-plugin in the POM <executions><execution><goals>"
                + "<goal>package</goal></goals></execution></executions> and run 'mvn package lambda:" + goal
                + "', or run the goal directly: 'mvn package lambda:package lambda:" + goal + "'.";
    }
}
