package dev.lambdadeploy.publish;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdadeploy.budget.Budget;
import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.config.BudgetSpec;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.publish.image.ImageSettings;
import dev.lambdadeploy.publish.image.ImageTestPackages;
import dev.lambdadeploy.report.DeployProgress;
import dev.lambdadeploy.report.DeploySummary;
import dev.lambdadeploy.testing.AbstractMotoTest;
import dev.lambdadeploy.testing.EcrTestRegistry;
import dev.lambdadeploy.testing.MotoAws;
import dev.lambdadeploy.testing.RegistryHttp;
import dev.lambdadeploy.testing.TestPackage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PackageType;

/**
 * Image mode of the deploy engine end to end: the real SDK against moto (ECR + Lambda), the image pushed by Jib to a
 * real docker-registry behind basic auth with the password moto's ECR hands out (the token path), and Lambda and
 * the registry checked afterwards.
 */
class ImageDeployTest extends AbstractMotoTest {
    private static final String ECR_REPO_URI = MotoAws.ecrRepositoryUri(REGION, "orders");

    @RegisterExtension
    static final EcrTestRegistry REGISTRY = new EcrTestRegistry();

    private DeployRequest.Builder request(Path pkg, DeployMode mode, String roleArn) {
        return REGISTRY.deployRequest(moto, pkg, "orders")
                .mode(mode)
                .gitCommit("0123456789ab")
                .function(moto.functionSettings().memorySize(512).role(roleArn).build());
    }

    private DeployResult deploy(DeployRequest.Builder b) {
        // the goal's listener, so the log has the pushed image's summary as lambda:deploy prints it
        DeployResult r = new LambdaDeployer(log, new DeployProgress(log)).deploy(b.build());
        assertFalse(r.failed(), () -> r.regions().get(0).error());
        return r;
    }

    private GetFunctionResponse function() {
        return aws.lambda().getFunction(r -> r.functionName("orders"));
    }

    @Test
    void twoModulesOfOneBuildPushTheSameImageOnce() throws Exception {
        // content of its own, so the registry (shared by this class's tests) does not have it yet
        Path pkg =
                ImageTestPackages.packageProject(dir.resolve("p"), "fleet " + System.nanoTime(), Architecture.X86_64);
        dev.lambdadeploy.fleet.FleetSession session = new dev.lambdadeploy.fleet.FleetSession(4);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<DeployResult> results = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<DeployResult>> f = new java.util.ArrayList<>();
            for (String fn : List.of("orders", "orders-admin")) {
                DeployRequest r =
                        REGISTRY.deployRequest(moto, pkg, fn).session(session).build();
                f.add(pool.submit(() -> new LambdaDeployer(log).deploy(r)));
            }
            for (var future : f) {
                results.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (DeployResult r : results) {
            assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        }
        ImageDeployResult a = results.get(0).regions().get(0).image();
        ImageDeployResult b = results.get(1).regions().get(0).image();
        assertEquals(a.imageUri(), b.imageUri());
        assertEquals(
                1,
                (a.pushedBytes() > 0 ? 1 : 0) + (b.pushedBytes() > 0 ? 1 : 0),
                "one module pushes, the other reuses: " + a.pushedBytes() + " / " + b.pushedBytes());
        assertEquals(
                a.imageUri(),
                aws.lambda()
                        .getFunction(r -> r.functionName("orders-admin"))
                        .code()
                        .imageUri());
        assertEquals(a.imageUri(), function().code().imageUri());
        assertTrue(log.text().contains("the image was pushed in this build by"), log.text());
    }

    @Test
    void createsUpdatesAndSkipsAnImageFunctionByDigest() throws Exception {
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);

        // 1. first deploy: repository and image function created, Lambda runs the image pinned by digest
        DeployResult first = deploy(request(pkg, DeployMode.IMAGE, role));
        ImageDeployResult img = first.regions().get(0).image();
        assertEquals("image", first.mode());
        assertTrue(img.repositoryCreated());
        assertEquals(ECR_REPO_URI + "@" + img.digest(), img.imageUri());
        assertEquals(REGISTRY.host() + "/orders@" + img.digest(), img.pushedTo());
        GetFunctionResponse f = function();
        assertEquals(PackageType.IMAGE, f.configuration().packageType());
        assertEquals(img.imageUri(), f.code().imageUri());
        assertTrue(f.code().imageUri().contains("@sha256:"), f.code().imageUri());
        assertTrue(f.configuration().layers().isEmpty(), "image functions have no layers");
        assertEquals(512, f.configuration().memorySize());
        assertEquals(img.imageUri(), f.tags().get("lambda-deploy:image-uri"));
        assertEquals(
                DeployAction.CREATED, first.regions().get(0).functions().get(0).code());
        // the registry has it under the version and commit tags, with CMD = handler
        RegistryHttp http = REGISTRY.http();
        assertEquals(img.digest(), http.manifest("orders", "1.0").digest());
        assertEquals(img.digest(), http.manifest("orders", "git-0123456789ab").digest());
        RegistryHttp.Manifest manifest = http.manifest("orders", img.digest());
        assertEquals(
                ImageTestPackages.HANDLER,
                http.config("orders", manifest)
                        .path("config")
                        .path("Cmd")
                        .get(0)
                        .asText());
        assertTrue(img.pushedBytes() > 0);
        assertEquals(
                List.of("base-1", "dependencies", "snapshot-dependencies", "resources", "classes"),
                img.layers().stream().map(ImageDeployResult.Layer::name).toList());
        // deploy-result.json carries the image
        JsonNode json =
                new ObjectMapper().readTree(pkg.resolve(DeployResult.FILE_NAME).toFile());
        JsonNode ji = json.path("regions").get(0).path("image");
        assertEquals(img.digest(), ji.path("digest").asText());
        assertEquals(img.imageUri(), ji.path("imageUri").asText());
        assertEquals(5, ji.path("layers").size());
        assertTrue(ji.path("layers").get(4).path("pushed").asBoolean());
        assertEquals(
                img.imageUri(),
                json.path("regions")
                        .get(0)
                        .path("functions")
                        .get(0)
                        .path("imageUri")
                        .asText());
        assertTrue(String.join("\n", DeploySummary.render(first)).contains(img.imageUri()));
        assertTrue(log.text().contains("Image build and push:"), "progress while pushing");
        assertTrue(
                log.text().contains("[" + REGION + "] Image " + img.imageUri()), "the image summary, by the listener");
        assertFalse(log.text().contains(EcrTestRegistry.PASSWORD), "the ECR password never reaches the log");

        // 2. same package again: nothing pushed, function not touched
        String lastModified = function().configuration().lastModified();
        int mark = REGISTRY.uploadedBlobs().size();
        DeployResult second = deploy(request(pkg, DeployMode.IMAGE, role));
        assertEquals(List.of(), REGISTRY.uploadedBlobsSince(mark), "nothing uploaded");
        assertEquals(img.digest(), second.regions().get(0).image().digest());
        assertEquals(0, second.regions().get(0).image().pushedBytes());
        assertEquals(
                DeployAction.UP_TO_DATE,
                second.regions().get(0).functions().get(0).code());
        assertFalse(second.regions().get(0).functions().get(0).changed());
        assertTrue(second.upToDate());
        assertEquals(lastModified, function().configuration().lastModified());

        // 3. classes-only change: only the classes layer (and the config blob) go up, the function moves
        ImageTestPackages.packageProject(dir.resolve("p"), "v2-changed", Architecture.X86_64);
        mark = REGISTRY.uploadedBlobs().size();
        DeployResult third = deploy(request(pkg, DeployMode.IMAGE, role));
        ImageDeployResult img3 = third.regions().get(0).image();
        assertNotEquals(img.digest(), img3.digest());
        assertEquals(
                List.of("classes"),
                img3.layers().stream()
                        .filter(ImageDeployResult.Layer::pushed)
                        .map(ImageDeployResult.Layer::name)
                        .toList());
        String classes = img3.layers().get(4).digest();
        String config = http.manifest("orders", img3.digest())
                .json()
                .path("config")
                .path("digest")
                .asText();
        assertEquals(Set.of(classes, config), Set.copyOf(REGISTRY.uploadedBlobsSince(mark)));
        FunctionResult fr = third.regions().get(0).functions().get(0);
        assertEquals(DeployAction.UPDATED, fr.code());
        assertEquals(img.imageUri(), fr.previousImageUri());
        assertEquals(img3.imageUri(), function().code().imageUri());
        assertEquals(img.imageUri(), function().tags().get("lambda-deploy:previous-image-uri"));
    }

    @Test
    void aFunctionWithItsOwnHandlerIsRefusedInImageModeBeforeAnythingIsPushed() throws Exception {
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
        DeployRequest req = request(pkg, DeployMode.IMAGE, role)
                .functionNames(List.of("orders-admin"))
                .override(
                        "orders-admin",
                        new FunctionOverride(
                                "com.example.Admin::handle", null, null, null, null, null, null, null, null))
                .build();

        ConfigException e = assertThrows(ConfigException.class, () -> new LambdaDeployer(log).deploy(req));

        assertTrue(
                e.getMessage().contains("<functions><function><handler>")
                        && e.getMessage().contains("orders-admin")
                        && e.getMessage().contains("image's CMD"),
                e.getMessage());
        assertTrue(aws.ecr().describeRepositories().repositories().isEmpty(), "nothing pushed, no repository made");
        assertTrue(aws.lambda().listFunctions().functions().isEmpty());
    }

    @Test
    void aZipFunctionCannotSwitchToAnImageInPlace() throws Exception {
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
        moto.createFunction("orders", r -> r.handler(ImageTestPackages.HANDLER));
        int mark = REGISTRY.uploadedBlobs().size();

        DeployResult r = new LambdaDeployer(log)
                .deploy(request(pkg, DeployMode.IMAGE, role).build());

        assertTrue(r.failed());
        String error = r.regions().get(0).error();
        assertTrue(error.contains("was created from a zip (PackageType Zip)"), error);
        assertTrue(error.contains("cannot switch a function's package type in place"), error);
        assertTrue(error.contains("aws lambda delete-function --region " + REGION + " --function-name orders"), error);
        assertTrue(error.contains("<functionNames>"), error);
        assertEquals(List.of(), REGISTRY.uploadedBlobsSince(mark), "checked before pushing anything");
        assertEquals(PackageType.ZIP, function().configuration().packageType());
    }

    @Test
    void autoPicksAnImageOnlyOverTheZipLimitWithARepository() throws Exception {
        // a package over 262,144,000 bytes unzipped (the manifest says so; the zips stay small)
        TestPackage big = new TestPackage(dir.resolve("big/target/lambda")).function("class Handler {}");
        big.write();
        Path manifest = big.dir().resolve("lambda-package.json");
        ObjectMapper om = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode m =
                (com.fasterxml.jackson.databind.node.ObjectNode) om.readTree(manifest.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) m.path("function")).put("unzippedBytes", 300_000_000L);
        om.writeValue(manifest.toFile(), m);

        DeployRequest.Builder noRepo = request(big.dir(), DeployMode.AUTO, role).image(ImageSettings.none());
        DeployException e = assertThrows(DeployException.class, () -> new LambdaDeployer(log).deploy(noRepo.build()));
        assertTrue(e.getMessage().contains("-Dlambda.image.repository="), e.getMessage());

        DeployPlan plan =
                DeployPlanner.plan(request(big.dir(), DeployMode.AUTO, role).build());
        assertTrue(plan.image(), "auto + repository + over 250 MB = image");
        Path small = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
        assertFalse(DeployPlanner.plan(request(small, DeployMode.AUTO, role).build())
                .image());
    }

    @Test
    void theImageBudgetIsCheckedOnThePushedImageBeforeTheFunctionChanges() throws Exception {
        Path pkg = ImageTestPackages.packageProject(dir.resolve("p"), "v1", Architecture.X86_64);
        List<Budget> budgets = List.of(Budget.of(BudgetSpec.parse("image-size", "500B", null, null, "<budgets>")));
        DeployResult r = new LambdaDeployer(log)
                .deploy(request(pkg, DeployMode.IMAGE, role)
                        .image(REGISTRY.imageSettings(budgets))
                        .build());
        assertTrue(r.failed(), log::text);
        assertTrue(
                r.regions().get(0).error().contains("no function was changed"),
                r.regions().get(0).error());
        assertTrue(
                r.regions().get(0).error().contains("image-size"),
                r.regions().get(0).error());
        assertNotNull(r.regions().get(0).image(), "the pushed image is still reported");
        assertThrows(software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class, this::function);
    }
}
