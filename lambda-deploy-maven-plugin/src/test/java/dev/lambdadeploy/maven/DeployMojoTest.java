package dev.lambdadeploy.maven;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lambda:deploy as Maven configures it from a POM (maven-plugin-testing-harness), for input it must refuse. */
@MojoTest
class DeployMojoTest {
    private static final String POM = "src/test/resources/unit/deploy-no-function/pom.xml";
    private static final String NO_FUNCTION = "Invalid configuration of lambda-deploy-maven-plugin: <functionNames> "
            + "(lambda.functionName): no function given. Set -Dlambda.functionName=my-function (comma-separated for "
            + "several), <functionNames><functionName>my-function</functionName></functionNames> or "
            + "<functions><function><name>my-function</name></function></functions>.";

    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "deploy", pom = POM)
    void withoutAFunctionNameItFailsNamingTheElementAndTheProperty(DeployMojo mojo) throws Exception {
        wire(mojo);

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals(NO_FUNCTION, e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "refused before anything was read or written");
    }

    @Test
    @InjectMojo(goal = "deploy", pom = POM)
    void blankFunctionNamesCountAsNone(DeployMojo mojo) throws Exception {
        wire(mojo);
        MojoExtension.setVariableValueToObject(mojo, "functionName", " , ");

        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);

        assertEquals(NO_FUNCTION, e.getMessage());
    }

    private void wire(DeployMojo mojo) throws Exception {
        Model model = new Model();
        model.setGroupId("ex");
        model.setArtifactId("harness-app");
        model.setVersion("1.0");
        model.setPackaging("jar");
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());
        MojoExtension.setVariableValueToObject(mojo, "project", project);
        MojoExtension.setVariableValueToObject(
                mojo, "outputDirectory", dir.resolve("out").toFile());
        MojoExtension.setVariableValueToObject(mojo, "retryMode", "standard");
    }
}
