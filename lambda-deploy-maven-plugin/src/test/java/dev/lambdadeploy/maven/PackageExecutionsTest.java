package dev.lambdadeploy.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.junit.jupiter.api.Test;

class PackageExecutionsTest {
    static final String G = "dev.lambdadeploy";
    static final String A = "lambda-deploy-maven-plugin";

    static Plugin plugin(String g, String a, String... goals) {
        Plugin p = new Plugin();
        p.setGroupId(g);
        p.setArtifactId(a);
        if (goals.length > 0) {
            PluginExecution e = new PluginExecution();
            e.setId("default");
            List.of(goals).forEach(e::addGoal);
            p.addExecution(e);
        }
        return p;
    }

    @Test
    void aPomWithoutAPackageExecutionGetsBothFixes() {
        assertFalse(PackageExecutions.bindsPackage(List.of(plugin(G, A)), G, A), "plugin declared, no execution");
        assertFalse(PackageExecutions.bindsPackage(List.of(plugin(G, A, "deploy")), G, A));
        assertFalse(PackageExecutions.bindsPackage(List.of(plugin("other", A, "package")), G, A));
        assertFalse(PackageExecutions.bindsPackage(List.of(plugin(G, A, "package")), null, null), "unknown identity");
        String m = PackageExecutions.missingManifest("target/lambda/lambda-package.json", "invoke", false);
        assertTrue(
                m.contains("this project's POM has no lambda:package execution, so 'mvn package' builds no Lambda"
                        + " zips"),
                m);
        assertTrue(
                m.contains("<executions><execution><goals><goal>package</goal></goals></execution></executions>"), m);
        assertTrue(m.contains("'mvn package lambda:package lambda:invoke'"), m);
    }

    @Test
    void aPomThatBindsPackageIsToldToRunThePackagePhase() {
        assertTrue(PackageExecutions.bindsPackage(List.of(plugin("x", "y"), plugin(G, A, "package", "deploy")), G, A));
        String m = PackageExecutions.missingManifest("target/lambda/lambda-package.json", "analyze", true);
        assertTrue(m.endsWith("run 'mvn package lambda:analyze'."), m);
        assertFalse(m.contains("lambda:package lambda:analyze"), m);
    }
}
