package dev.lambdadeploy.maven;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lambda:invoke / lambda:analyze before any zip was built: the message depends on what the POM binds. */
@MojoTest
class InvokeMojoTest {
    private static final String POM = "src/test/resources/unit/deploy-no-function/pom.xml";

    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "invoke", pom = POM)
    void withoutAPackageExecutionBothFixesAreNamed(InvokeMojo mojo) throws Exception {
        wire(mojo, false);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertTrue(e.getMessage().contains("this project's POM has no lambda:package execution"), e.getMessage());
        assertTrue(e.getMessage().contains("<goal>package</goal>"), e.getMessage());
        assertTrue(e.getMessage().endsWith("'mvn package lambda:package lambda:invoke'."), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "analyze", pom = POM)
    void withAPackageExecutionThePackagePhaseIsTheFix(AnalyzeMojo mojo) throws Exception {
        wire(mojo, true);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertTrue(
                e.getMessage().endsWith("the zips are built in the package phase; run 'mvn package lambda:analyze'."),
                e.getMessage());
    }

    private void wire(AbstractFunctionRunMojo mojo, boolean bindPackage) throws Exception {
        Model model = new Model();
        model.setGroupId("ex");
        model.setArtifactId("harness-app");
        model.setVersion("1.0");
        model.setPackaging("jar");
        model.setBuild(new Build());
        model.getBuild()
                .addPlugin(
                        bindPackage
                                ? PackageExecutionsTest.plugin(
                                        PackageExecutionsTest.G, PackageExecutionsTest.A, "package")
                                : PackageExecutionsTest.plugin(PackageExecutionsTest.G, PackageExecutionsTest.A));
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());
        MojoExtension.setVariableValueToObject(mojo, "project", project);
        MojoExtension.setVariableValueToObject(
                mojo, "outputDirectory", dir.resolve("target/lambda").toFile());
        MojoExtension.setVariableValueToObject(mojo, "pluginGroupId", PackageExecutionsTest.G);
        MojoExtension.setVariableValueToObject(mojo, "pluginArtifactId", PackageExecutionsTest.A);
    }
}
