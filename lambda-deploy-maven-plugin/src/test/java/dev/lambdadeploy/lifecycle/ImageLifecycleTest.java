package dev.lambdadeploy.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.publish.DeployAction;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.History;
import dev.lambdadeploy.publish.ImageBuildRecord;
import dev.lambdadeploy.publish.LambdaDeployer;
import dev.lambdadeploy.publish.image.ImageTestPackages;
import dev.lambdadeploy.testing.AbstractMotoTest;
import dev.lambdadeploy.testing.EcrTestRegistry;
import dev.lambdadeploy.testing.Fault;
import dev.lambdadeploy.testing.FaultProxy;
import dev.lambdadeploy.testing.MotoAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * status and rollback of image functions that the real deploy engine deployed in image mode: the real SDK against
 * moto (Lambda, ECR), the images built by Jib and pushed to a real docker-registry (as in ImageDeployTest), and the
 * local build compared through {@code image-build.json}.
 */
class ImageLifecycleTest extends AbstractMotoTest {
    private static final String ECR_REPO_URI = MotoAws.ecrRepositoryUri(REGION, "orders");

    @RegisterExtension
    static final EcrTestRegistry REGISTRY = new EcrTestRegistry();

    /** target/lambda of the project packaged last. */
    private Path packaged;

    /** Packages the project with {@code code} as its handler class (as lambda:package would after an edit). */
    private void build(String code) throws Exception {
        packaged = ImageTestPackages.packageProject(dir.resolve("p"), code, Architecture.X86_64);
    }

    /** Builds and deploys {@code code} in image mode; returns the digest Lambda now runs. */
    private String deploy(String code, boolean publish, String alias) throws Exception {
        build(code);
        DeployResult r = new LambdaDeployer(log)
                .deploy(REGISTRY.deployRequest(moto, packaged, "orders")
                        .function(moto.functionSettings()
                                .memorySize(512)
                                .publishVersion(publish)
                                .alias(alias)
                                .build())
                        .build());
        assertFalse(r.failed(), () -> r.regions().get(0).error());
        String digest = r.regions().get(0).image().digest();
        assertEquals(ECR_REPO_URI + "@" + digest, deployedImageUri());
        return digest;
    }

    private String deployedImageUri() {
        return aws.lambda().getFunction(r -> r.functionName("orders")).code().imageUri();
    }

    private Map<String, String> tags() {
        return aws.lambda().getFunction(r -> r.functionName("orders")).tags();
    }

    private LifecycleScope scope(String alias) {
        return scope(alias, moto.settings());
    }

    private LifecycleScope scope(String alias, AwsSettings aws) {
        return new LifecycleScope(packaged, List.of(REGION), List.of("orders"), aws, "", null, "demo-function", alias);
    }

    private StatusResult.FunctionStatus status() {
        StatusResult r = new StatusChecker().check(scope(null));
        StatusResult.FunctionStatus f = r.regions().get(0).functions().get(0);
        assertNull(f.error(), f::error);
        assertEquals(!f.drift().isEmpty(), r.drift(), "the top-level drift flag (failOnDrift) follows the function");
        return f;
    }

    private RollbackResult rollback(String to, String alias) {
        return rollback(to, alias, moto.settings());
    }

    private RollbackResult rollback(String to, String alias, AwsSettings aws) {
        return new LambdaRollback(log)
                .rollback(new RollbackRequest(scope(alias, aws), to, Duration.ofSeconds(30), Duration.ofMillis(50)));
    }

    /**
     * moto shares one code record between a function and its published versions, so GetFunction of version N
     * reports the newest image; Lambda reports the version's own. This answers for version {@code n} as Lambda does.
     */
    private static Fault versionRunsImage(String n, String imageUri) {
        String body = "{\"Configuration\":{\"FunctionName\":\"orders\",\"Version\":\"" + n + "\",\"PackageType\":"
                + "\"Image\"},\"Code\":{\"RepositoryType\":\"ECR\",\"ImageUri\":\"" + imageUri
                + "\",\"ResolvedImageUri\":\"" + imageUri + "\"}}";
        return Fault.respond(
                h -> h.method().equals("GET")
                        && h.path().equals("/2015-03-31/functions/orders")
                        && ("Qualifier=" + n).equals(h.query()),
                200,
                Map.of("Content-Type", "application/json"),
                body);
    }

    @Test
    void statusComparesWithTheLocalImageBuildAndRollbackSwapsTheImages() throws Exception {
        String v1 = deploy("v1", false, null);
        String v2 = deploy("v2-classes-changed", false, null);
        assertNotEquals(v1, v2);

        // the deploy recorded the image this checkout built, and from which zips
        JsonNode record = new ObjectMapper()
                .readTree(packaged.resolve(ImageBuildRecord.FILE_NAME).toFile());
        assertEquals(v2, record.path("images").get(0).path("digest").asText());
        assertEquals(
                ECR_REPO_URI + "@" + v2,
                record.path("images").get(0).path("imageUri").asText());
        assertEquals(REGION, record.path("images").get(0).path("region").asText());
        assertEquals(64, record.path("inputsKey").asText().length());
        assertTrue(record.path("inputs").findValuesAsText("name").contains("function"), record::toString);

        // v2 deployed and built here: in sync
        StatusResult.FunctionStatus s = status();
        assertEquals(v2, s.imageDigest());
        assertEquals("in-sync", s.localImage().status());
        assertEquals(v2, s.localImage().digest());
        assertEquals(false, s.localImage().packageChanged());
        assertEquals(List.of(), s.drift());

        // a local change, not deployed: the local build would be a new image
        build("v3-local-edit");
        StatusResult.FunctionStatus changed = status();
        assertEquals(true, changed.localImage().packageChanged());
        assertEquals(
                List.of("image: local build would be a new image: the local package changed since " + v2
                        + " was built (lambda:deploy would build, push and deploy it)"),
                changed.drift());
        StatusResult written = LifecycleJson.read(packaged.resolve(StatusResult.FILE_NAME), StatusResult.class);
        assertTrue(written.drift());
        assertEquals(
                changed.localImage(),
                written.regions().get(0).functions().get(0).localImage());
        assertTrue(String.join("\n", StatusTable.render(written)).contains("local build would be a new image"));
        build("v2-classes-changed"); // back to the sources of v2: the same zips, so in sync again
        assertEquals(List.of(), status().drift());

        // rollback: the image of the previous deploy, from the history tags
        RollbackResult r = rollback(null, null);

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertEquals(ECR_REPO_URI + "@" + v1, deployedImageUri());
        RollbackResult.FunctionRollback fr = r.regions().get(0).functions().get(0);
        assertEquals("previous deployment (deploy history tags)", fr.target());
        assertEquals("image " + ECR_REPO_URI + "@" + v1, fr.codeSource());
        assertEquals(ECR_REPO_URI + "@" + v2, fr.fromImageUri());
        assertEquals(ECR_REPO_URI + "@" + v1, fr.toImageUri());
        assertEquals(ECR_REPO_URI + "@" + v1, tags().get("lambda-deploy:image-uri"));
        assertEquals(ECR_REPO_URI + "@" + v2, tags().get("lambda-deploy:previous-image-uri"));
        assertEquals(v1, tags().get("lambda-deploy:code-sha256"));
        assertEquals(
                "Successful",
                aws.lambda()
                        .getFunctionConfiguration(c -> c.functionName("orders"))
                        .lastUpdateStatusAsString());

        // status confirms: v1 runs, the local build is still v2
        StatusResult.FunctionStatus back = status();
        assertEquals(v1, back.imageDigest());
        assertEquals("differs", back.localImage().status());
        assertEquals(false, back.localImage().packageChanged());
        assertEquals(
                List.of("image: deployed " + v1 + ", local build " + v2
                        + " (lambda:deploy would point the function at the local build)"),
                back.drift());
        assertTrue(String.join("\n", StatusTable.render(new StatusChecker().check(scope(null))))
                .contains("DRIFT"));

        // a second rollback undoes the first
        RollbackResult again = rollback(null, null);

        assertFalse(again.failed(), () -> again.regions().get(0).error());
        assertEquals(ECR_REPO_URI + "@" + v2, deployedImageUri());
        assertEquals(ECR_REPO_URI + "@" + v1, tags().get("lambda-deploy:previous-image-uri"));
        assertEquals(List.of(), status().drift());

        // no record of a local image build: unknown, not drift
        Files.delete(packaged.resolve(ImageBuildRecord.FILE_NAME));
        StatusResult.FunctionStatus unknown = status();
        assertEquals("unknown", unknown.localImage().status());
        assertTrue(unknown.localImage().note().startsWith("no local image build recorded"), unknown.localImage()::note);
        assertEquals(List.of(), unknown.drift());
        assertTrue(String.join("\n", StatusTable.render(new StatusChecker().check(scope(null))))
                .contains("unknown (no local image build)"));
    }

    @Test
    void aSettingsOnlyDeployOrANoChangeRollbackKeepsThePreviousImage() throws Exception {
        String v1 = deploy("v1", true, null);
        String v2 = deploy("v2", true, null);
        assertEquals(ECR_REPO_URI + "@" + v1, tags().get(History.PREVIOUS_IMAGE_URI));

        // the same image with other memory: a settings change, not a new deployment
        DeployResult r = new LambdaDeployer(log)
                .deploy(REGISTRY.deployRequest(moto, packaged, "orders")
                        .function(moto.functionSettings()
                                .memorySize(1024)
                                .publishVersion(true)
                                .build())
                        .build());
        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertEquals(
                DeployAction.UP_TO_DATE, r.regions().get(0).functions().get(0).code());
        assertEquals(ECR_REPO_URI + "@" + v1, tags().get(History.PREVIOUS_IMAGE_URI), "v1 stays the rollback target");
        assertEquals(ECR_REPO_URI + "@" + v2, tags().get(History.IMAGE_URI));

        // a rollback to what runs already (the newest version) changes nothing, the tags included
        String newest = aws.lambda().listVersionsByFunction(l -> l.functionName("orders")).versions().stream()
                .map(v -> v.version())
                .filter(v -> !v.equals("$LATEST"))
                .reduce((a, b) -> b)
                .orElseThrow();
        try (FaultProxy lambda = FaultProxy.start(MOTO.endpoint())) {
            lambda.add(versionRunsImage(newest, ECR_REPO_URI + "@" + v2));
            RollbackResult same = rollback(newest, null, MotoAws.settings(lambda.uri()));
            assertFalse(same.failed(), () -> same.regions().get(0).error());
        }
        assertEquals(ECR_REPO_URI + "@" + v2, deployedImageUri());
        assertEquals(ECR_REPO_URI + "@" + v1, tags().get(History.PREVIOUS_IMAGE_URI));

        // and the default rollback still returns to v1
        RollbackResult back = rollback(null, null);
        assertFalse(back.failed(), () -> back.regions().get(0).error());
        assertEquals(ECR_REPO_URI + "@" + v1, deployedImageUri());
    }

    @Test
    void rollbackRefusesForAnImageFunctionDeployedOnce() throws Exception {
        String v1 = deploy("v1", false, null);

        RollbackResult r = rollback(null, null);

        assertTrue(r.failed());
        String error = r.regions().get(0).error();
        assertEquals(
                "Nothing to roll back to for image function orders in eu-west-1: its deploy history tags record "
                        + "no earlier image (lambda-deploy:previous-image-uri), and no published version differs from what "
                        + "runs now (it has none). Roll back after a second lambda:deploy, name a target with "
                        + "-Dlambda.rollback.to=<version|alias|git commit>, or deploy the old build: check out the old commit "
                        + "and run 'mvn package lambda:deploy'.",
                error);
        assertEquals(List.of(), r.regions().get(0).functions());
        assertEquals(ECR_REPO_URI + "@" + v1, deployedImageUri());
    }

    @Test
    void withoutHistoryTagsRollbackUsesThePublishedVersionThatDiffers() throws Exception {
        String v1 = deploy("v1", true, "live");
        String v2 = deploy("v2-classes-changed", true, "live");
        // history tags lost (e.g. no lambda:TagResource permission): only Lambda's versions are left
        aws.lambda()
                .untagResource(t -> t.resource(aws.lambda()
                                .getFunction(f -> f.functionName("orders"))
                                .configuration()
                                .functionArn())
                        .tagKeys("lambda-deploy:previous-image-uri"));

        RollbackResult r;
        try (FaultProxy lambda = FaultProxy.start(MOTO.endpoint())) {
            lambda.add(versionRunsImage("1", ECR_REPO_URI + "@" + v1));
            r = rollback(null, "live", MotoAws.settings(lambda.uri()));
        }

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        RollbackResult.FunctionRollback fr = r.regions().get(0).functions().get(0);
        assertEquals("previous deployment (published version 1)", fr.target(), "version 2 is what runs now");
        assertEquals("image " + ECR_REPO_URI + "@" + v1, fr.codeSource());
        assertEquals(ECR_REPO_URI + "@" + v1, deployedImageUri());
        assertEquals(
                "1",
                aws.lambda()
                        .getAlias(a -> a.functionName("orders").name("live"))
                        .functionVersion());
        assertEquals(ECR_REPO_URI + "@" + v2, tags().get("lambda-deploy:previous-image-uri"));

        RollbackResult named; // and forward again by version number
        try (FaultProxy lambda = FaultProxy.start(MOTO.endpoint())) {
            lambda.add(versionRunsImage("2", ECR_REPO_URI + "@" + v2));
            named = rollback("2", "live", MotoAws.settings(lambda.uri()));
        }

        assertFalse(named.failed(), () -> named.regions().get(0).error());
        assertEquals(ECR_REPO_URI + "@" + v2, deployedImageUri());
        assertEquals(
                "2",
                aws.lambda()
                        .getAlias(a -> a.functionName("orders").name("live"))
                        .functionVersion());
    }
}
