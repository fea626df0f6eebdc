package dev.lambdadeploy.publish.image;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BaseImageTest {
    private final Path project = Path.of("/work/project");

    @Test
    void defaultsToTheAwsBaseImageOfTheRuntime() {
        assertEquals(new BaseImage.Registry("public.ecr.aws/lambda/java:21"), BaseImage.parse(null, null, project));
        assertEquals(new BaseImage.Registry("public.ecr.aws/lambda/java:17"), BaseImage.parse(" ", "java17", project));
        assertEquals(new BaseImage.Registry("public.ecr.aws/lambda/java:25"), BaseImage.parse("", "JAVA25", project));
        ConfigException e = assertThrows(ConfigException.class, () -> BaseImage.parse(null, "python3.12", project));
        assertTrue(e.getMessage().contains("no AWS base image is known for runtime 'python3.12'"), e.getMessage());
    }

    @Test
    void parsesRegistryTarAndOciForms() {
        assertEquals(
                new BaseImage.Registry("mirror.local:5000/lambda/java:21"),
                BaseImage.parse("registry://mirror.local:5000/lambda/java:21", null, project));
        assertEquals(
                new BaseImage.DockerTar(project.resolve("target/base.tar")),
                BaseImage.parse("tar:target/base.tar", null, project));
        assertEquals(
                new BaseImage.DockerTar(Path.of("/abs/base.tar")),
                BaseImage.parse("tar:///abs/base.tar", null, project));
        assertEquals(new BaseImage.OciLayout(project.resolve("layout")), BaseImage.parse("oci:layout", null, project));
        ConfigException e = assertThrows(ConfigException.class, () -> BaseImage.parse("docker://x", null, project));
        assertEquals(BaseImage.ELEMENT, e.element());
        assertThrows(ConfigException.class, () -> BaseImage.parse("tar:", null, project));
    }
}
