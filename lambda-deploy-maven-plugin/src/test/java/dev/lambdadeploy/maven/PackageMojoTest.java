package dev.lambdadeploy.maven;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.manifest.ManifestIO;
import dev.lambdadeploy.manifest.PackageManifest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mojo with its POM configuration as Maven injects it (maven-plugin-testing-harness). */
@MojoTest
class PackageMojoTest {
    private static final String POM = "src/test/resources/unit/package-config/pom.xml";

    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void pomConfigurationReachesTheEngine(PackageMojo mojo) throws Exception {
        List<String> attached = wire(mojo, "jar");
        mojo.execute();

        PackageManifest m = ManifestIO.read(dir.resolve("out/lambda-package.json"));
        assertEquals("arm64", m.architecture());
        assertEquals("2026-01-01T00:00:00Z", m.outputTimestamp());
        assertEquals(List.of("sdk"), m.layers().stream().map(z -> z.name()).toList());
        assertEquals(List.of("java/lib/s3-2.0.jar"), m.layers().get(0).jars());
        assertEquals(List.of("lib/util-1.0.jar"), m.function().jars());
        assertEquals("configured-exclude", m.jars().get(0).removed().get(0).reason());
        assertEquals(List.of("lambda-layer-sdk", "lambda-function"), attached);
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void deflatingJarDataIsASettingThatRebuildsTheZips(PackageMojo mojo) throws Exception {
        wire(mojo, "jar");
        mojo.execute();
        PackageManifest copied = ManifestIO.read(dir.resolve("out/lambda-package.json"));
        MojoExtension.setVariableValueToObject(mojo, "deflateJarData", true);
        mojo.execute();
        PackageManifest whole = ManifestIO.read(dir.resolve("out/lambda-package.json"));
        assertNotEquals(copied.settingsKey(), whole.settingsKey());
        assertFalse(whole.layers().get(0).reused());
        List<String> log = recordLog(mojo);
        mojo.execute();
        assertTrue(log.stream().anyMatch(l -> l.contains("0 zip(s) built, 2 reused")), String.join("\n", log));
        // a run that changes nothing leaves lambda-package.json as the run that built the zips wrote it
        assertEquals(whole, ManifestIO.read(dir.resolve("out/lambda-package.json")));
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void onlyAnImageDeployLiftsTheZipLimits(PackageMojo mojo) throws Exception {
        wire(mojo, "jar");
        MojoExtension.setVariableValueToObject(mojo, "deployMode", "auto");
        MojoExtension.setVariableValueToObject(mojo, "imageRepository", "orders");
        List<String> small = recordLog(mojo);
        mojo.execute();
        assertFalse(small.stream().anyMatch(l -> l.contains("Image mode")), "auto under 250 MB: zips");

        MojoExtension.setVariableValueToObject(mojo, "deployMode", "image");
        List<String> image = recordLog(mojo);
        mojo.execute();
        assertTrue(
                image.stream().anyMatch(l -> l.startsWith("info Image mode: Lambda's zip limits")),
                String.join("\n", image));
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void pomPackagingIsSkipped(PackageMojo mojo) throws Exception {
        wire(mojo, "pom");
        mojo.execute();
        assertFalse(Files.exists(dir.resolve("out/lambda-package.json")));
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void badArchitectureFailsNamingTheElement(PackageMojo mojo) throws Exception {
        wire(mojo, "jar");
        MojoExtension.setVariableValueToObject(mojo, "architecture", "mips");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("<architecture>"), e.getMessage());
        assertTrue(e.getMessage().contains("x86_64, arm64"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void aNoOpRunReusesEveryZipAndLogsTheWholeGoalTime(PackageMojo mojo) throws Exception {
        wire(mojo, "jar");
        mojo.execute();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        mojo.setLog((org.apache.maven.plugin.logging.Log) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {org.apache.maven.plugin.logging.Log.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("info") && args.length == 1 && args[0] instanceof CharSequence c) {
                        lines.add(c.toString());
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                }));
        mojo.execute();

        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("0 zip(s) built, 2 reused in ")), String.join("\n", lines));
        java.util.regex.Matcher took = java.util.regex.Pattern.compile(
                        "lambda:package took (\\d+) ms \\(zips (\\d+) ms, size report and budgets (\\d+) ms\\)")
                .matcher(String.join("\n", lines));
        assertTrue(took.find(), "the benchmark reads this line: " + String.join("\n", lines));
        long whole = Long.parseLong(took.group(1));
        assertTrue(
                whole >= Long.parseLong(took.group(2)) + Long.parseLong(took.group(3)) - 1,
                "the whole covers both parts: " + took.group());
    }

    /** Captures what the mojo logs at info, warn and error, prefixed with the level. */
    private static List<String> recordLog(PackageMojo mojo) {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        mojo.setLog((org.apache.maven.plugin.logging.Log) java.lang.reflect.Proxy.newProxyInstance(
                PackageMojoTest.class.getClassLoader(),
                new Class<?>[] {org.apache.maven.plugin.logging.Log.class},
                (proxy, method, args) -> {
                    if (List.of("info", "warn", "error").contains(method.getName())
                            && args.length == 1
                            && args[0] instanceof CharSequence c) {
                        lines.add(method.getName() + " " + c);
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                }));
        return lines;
    }

    private static List<String> withoutTimes(List<String> lines) {
        return lines.stream().filter(l -> !l.contains(" ms")).toList();
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void aNoOpReplaysTheSizeCheckAndAnyChangeToItsInputsRunsItAgain(PackageMojo mojo) throws Exception {
        wire(mojo, "jar");
        Path html = dir.resolve("out/size-report.html");
        Path json = dir.resolve("out/size-report.json");
        mojo.execute(); // builds the zips and checks them
        List<String> checked = recordLog(mojo);
        mojo.execute(); // zips reused (the manifest says so), the check is keyed without that flag

        java.nio.file.attribute.FileTime htmlTime = Files.getLastModifiedTime(html);
        java.nio.file.attribute.FileTime jsonTime = Files.getLastModifiedTime(json);
        List<String> replay = recordLog(mojo);
        mojo.execute();
        assertEquals(htmlTime, Files.getLastModifiedTime(html), "size-report.html not rendered again");
        assertEquals(jsonTime, Files.getLastModifiedTime(json), "size-report.json not written again");
        assertEquals(withoutTimes(checked), withoutTimes(replay), "the same lines, replayed");

        // A deleted report: checked and written again.
        Files.delete(html);
        mojo.execute();
        assertTrue(Files.isRegularFile(html));

        // A new budget on the same package: checked again, and it fails; the failure is replayed as well.
        Budget tiny = new Budget();
        tiny.kind = "function-zipped";
        tiny.max = "10B";
        MojoExtension.setVariableValueToObject(mojo, "budgets", List.of(tiny));
        org.apache.maven.plugin.MojoFailureException broken =
                assertThrows(org.apache.maven.plugin.MojoFailureException.class, mojo::execute);
        assertTrue(broken.getMessage().contains("1 Lambda size budget is broken"), broken.getMessage());
        org.apache.maven.plugin.MojoFailureException again =
                assertThrows(org.apache.maven.plugin.MojoFailureException.class, mojo::execute);
        assertEquals(broken.getMessage(), again.getMessage());

        // failOnViolation=false is applied to the replayed verdict too.
        MojoExtension.setVariableValueToObject(mojo, "failOnViolation", false);
        List<String> lenient = recordLog(mojo);
        mojo.execute();
        assertTrue(
                lenient.stream().anyMatch(l -> l.startsWith("warn ") && l.contains("failOnViolation=false")),
                String.join("\n", lenient));
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void anUnwritableSizeCheckMemoOnlyWarnsAndTheNextBuildChecksAgain(PackageMojo mojo) throws Exception {
        wire(mojo, "jar");
        // a folder where the memo file goes: writing it fails like a read-only or full disk would
        Files.createDirectories(dir.resolve("out/work/size-check.txt/blocked"));
        List<String> first = recordLog(mojo);
        mojo.execute();
        assertTrue(
                first.stream()
                        .anyMatch(l -> l.startsWith("warn Cannot write")
                                && l.contains("size-check.txt")
                                && l.contains("checks the size again")),
                String.join("\n", first));
        assertTrue(Files.isRegularFile(dir.resolve("out/size-report.json")), "the check itself ran and reported");

        List<String> second = recordLog(mojo);
        mojo.execute();
        assertTrue(second.stream().anyMatch(l -> l.startsWith("warn Cannot write")), "no memo, so checked again");
    }

    /** Gives the mojo what Maven would: a resolved project, its classes and a project helper. */
    private List<String> wire(PackageMojo mojo, String packaging) throws Exception {
        Model model = new Model();
        model.setGroupId("ex");
        model.setArtifactId("harness-app");
        model.setVersion("1.0");
        model.setPackaging(packaging);
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());
        Set<Artifact> artifacts = new LinkedHashSet<>();
        artifacts.add(artifact("software.amazon.awssdk", "s3", "2.0"));
        artifacts.add(artifact("org.util", "util", "1.0"));
        project.setArtifacts(artifacts);
        Path classes = Files.createDirectories(dir.resolve("classes/ex"));
        Files.writeString(classes.resolve("H.class"), "h");

        List<String> attached = new java.util.ArrayList<>();
        MavenProjectHelper helper = (MavenProjectHelper) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {MavenProjectHelper.class}, (proxy, method, args) -> {
                    if (method.getName().equals("attachArtifact") && args.length == 4) {
                        attached.add((String) args[2]);
                        assertTrue(((File) args[3]).isFile());
                    }
                    return null;
                });
        MojoExtension.setVariableValueToObject(mojo, "project", project);
        MojoExtension.setVariableValueToObject(mojo, "projectHelper", helper);
        MojoExtension.setVariableValueToObject(
                mojo, "classesDirectory", dir.resolve("classes").toFile());
        MojoExtension.setVariableValueToObject(
                mojo, "outputDirectory", dir.resolve("out").toFile());
        return attached;
    }

    private Artifact artifact(String g, String a, String v) throws Exception {
        Path jar = dir.resolve(a + ".jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry(a + "/A.class"));
            out.write(new byte[] {1, 2, 3});
            out.putNextEntry(new ZipEntry("docs/README.md"));
            out.write("x".repeat(4000).getBytes(UTF_8));
        }
        DefaultArtifactHandler jarHandler = new DefaultArtifactHandler("jar");
        jarHandler.setAddedToClasspath(true); // as Maven's own jar handler
        DefaultArtifact artifact = new DefaultArtifact(g, a, v, "compile", "jar", null, jarHandler);
        artifact.setFile(jar.toFile());
        artifact.setDependencyTrail(List.of("ex:harness-app:jar:1.0", g + ":" + a + ":jar:" + v));
        return artifact;
    }
}
