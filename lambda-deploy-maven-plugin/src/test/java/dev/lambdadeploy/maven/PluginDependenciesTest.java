package dev.lambdadeploy.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Maven resolves and loads every dependency a plugin's POM lists for any goal of it, lambda:package included. The AWS
 * SDK and Jib must not be among them (they cost a package-only build about half a second): they come with the POM
 * lambda-deploy-aws, which {@link AwsRuntime} adds to the realm for the goals that use them. The descriptor read here
 * (plugin.xml) lists the plugin's runtime dependencies as compiled, before {@code package} shades the ones it keeps
 * (Jackson, Commons Compress, ASM) into its jar; the IT {@code plugin-realm} checks the installed jar and POM.
 */
class PluginDependenciesTest {
    @Test
    void descriptorListsNeitherTheAwsSdkNorJib() throws Exception {
        List<String> dependencies = new ArrayList<>();
        NodeList nodes = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile())
                .getElementsByTagName("dependency");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element d = (Element) nodes.item(i);
            dependencies.add(text(d, "groupId") + ":" + text(d, "artifactId"));
        }
        assertTrue(dependencies.contains("com.fasterxml.jackson.core:jackson-databind"), dependencies::toString);
        assertEquals(
                List.of(),
                dependencies.stream()
                        .filter(d -> d.startsWith("software.amazon.awssdk:") || d.startsWith("com.google.cloud.tools:"))
                        .toList());
    }

    /**
     * The invoke JVM's class path is the shim's jar and the two AWS runtime jars ({@code ShimClasspath}): they must
     * reach the realm as jars of their own, never inside the plugin's shaded jar, so they come with lambda-deploy-aws.
     */
    @Test
    void shimIsNotAPluginDependency() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        assertFalse(
                pom.contains("<artifactId>lambda-invoke-shim</artifactId>"), "lambda-invoke-shim in the plugin's POM");
    }

    /**
     * One probe per dependency of lambda-deploy-aws, each a class that exists: a wrong name would make every AWS goal
     * fail at start, and a dependency without one could be missing while the others pass for it.
     */
    @Test
    void awsRuntimeProbesOneClassOfEachDependencyOfLambdaDeployAws() throws Exception {
        for (String probe : AwsRuntime.PROBES) {
            Class.forName(probe, false, getClass().getClassLoader());
        }
        String pom = Files.readString(Path.of("../" + AwsRuntime.ARTIFACT_ID + "/pom.xml"));
        int dependencies = pom.split("<dependency>", -1).length - 1;
        assertEquals(dependencies, AwsRuntime.PROBES.size(), "a probe in AwsRuntime.PROBES for each dependency");
        assertTrue(AwsRuntime.PROBES.contains(dev.lambdadeploy.invoke.ShimClasspath.MAIN_CLASS));
    }

    @Test
    void awsRuntimePomBringsTheSdkJibAndTheShim() throws Exception {
        String pom = Files.readString(Path.of("../" + AwsRuntime.ARTIFACT_ID + "/pom.xml"));
        for (String artifact : List.of(
                "jib-core", "lambda", "s3", "sts", "ecr", "ssm", "apache-client", "arns", "lambda-invoke-shim")) {
            assertTrue(pom.contains("<artifactId>" + artifact + "</artifactId>"), artifact);
        }
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent().trim();
    }
}
