package dev.lambdadeploy.publish;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.aws.RetryStrategyMode;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.testing.AbstractMotoTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The deploy engine with the real AWS SDK against a real moto_server; what AWS holds is checked through the SDK. */
class LambdaDeployerTest extends AbstractMotoTest {
    @BeforeEach
    void setUp() throws Exception {
        pkg.writeVersion(1);
    }

    DeployRequest.Builder request(String... functions) {
        return moto.deployRequest(pkg.dir(), functions);
    }

    DeployResult deploy(DeployRequest.Builder b) {
        return new LambdaDeployer(log).deploy(b.build());
    }

    /** A function as someone created it before the plugin ran, with a foreign layer (e.g. an extension). */
    String existingFunction(String name, String... layerArns) {
        return moto.createFunction(name, r -> r.layers(layerArns));
    }

    String foreignLayer(String name) {
        return aws.lambda()
                .publishLayerVersion(
                        r -> r.layerName(name).content(c -> c.zipFile(SdkBytes.fromUtf8String("extension"))))
                .layerVersionArn();
    }

    GetFunctionConfigurationResponse config(String name) {
        return aws.lambda().getFunctionConfiguration(r -> r.functionName(name));
    }

    List<LayerVersionsListItem> versions(String layer) {
        return aws.lambda().listLayerVersions(r -> r.layerName(layer)).layerVersions();
    }

    GetLayerVersionResponse layerVersion(String layer, long v) {
        return aws.lambda().getLayerVersion(r -> r.layerName(layer).versionNumber(v));
    }

    PackageManifest manifest() throws Exception {
        return pkg.manifest();
    }

    @Test
    void firstDeployPublishesTheLayerAndPointsTheFunctionAtIt() throws Exception {
        String ext = foreignLayer("vendor-extension");
        existingFunction("orders", ext);

        DeployResult r = deploy(request("orders"));

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        PackageManifest m = manifest();
        List<LayerVersionsListItem> v = versions("deps");
        assertEquals(1, v.size());
        GetLayerVersionResponse lv = layerVersion("deps", 1);
        assertEquals(m.layers().get(0).codeSha256(), lv.content().codeSha256());
        assertEquals(List.of("java21"), lv.compatibleRuntimesAsStrings());
        assertEquals(List.of("x86_64"), lv.compatibleArchitecturesAsStrings());
        // the content marker first, so ListLayerVersions finds a reusable version without reading each one
        assertTrue(
                lv.description().startsWith("sha256:" + lv.content().codeSha256() + " com.example:demo:1.0 layer deps"),
                lv.description());

        GetFunctionConfigurationResponse c = config("orders");
        assertEquals(m.function().codeSha256(), c.codeSha256());
        // the foreign layer stays where it was; the managed one is added
        assertEquals(
                List.of(ext, lv.layerVersionArn()),
                c.layers().stream().map(l -> l.arn()).toList());

        Map<String, String> tags =
                aws.lambda().listTags(t -> t.resource(c.functionArn())).tags();
        assertEquals("deps:1", tags.get("lambda-deploy:layers"));
        assertEquals(m.function().codeSha256(), tags.get("lambda-deploy:code-sha256"));

        FunctionResult f = r.regions().get(0).functions().get(0);
        assertEquals(DeployAction.UPDATED, f.code());
        assertEquals(DeployAction.UPDATED, f.configuration());
        assertEquals(DeployAction.PUBLISHED, r.regions().get(0).layers().get(0).action());
        assertEquals(
                Files.size(pkg.dir().resolve("layers/deps.zip"))
                        + Files.size(pkg.dir().resolve("function.zip")),
                r.bytesUploaded());
        DeployResult written = DeployResultIO.read(pkg.dir().resolve("deploy-result.json"));
        assertEquals(r.regions().get(0).layers(), written.regions().get(0).layers());
    }

    @Test
    void secondDeployIsANoOp() throws Exception {
        existingFunction("orders");
        deploy(request("orders"));
        String revision = config("orders").revisionId();
        log.lines().clear();

        DeployResult r = deploy(request("orders"));

        assertTrue(r.upToDate(), r::toString);
        assertEquals(0, r.bytesUploaded());
        assertEquals(1, versions("deps").size(), "no new layer version");
        assertEquals(revision, config("orders").revisionId(), "function untouched");
        assertTrue(log.text().contains("layer deps is up to date (version 1)"), log.text());
        assertTrue(
                dev.lambdadeploy.report.DeploySummary.render(r).stream()
                        .anyMatch(l -> l.startsWith("everything is up to date (") && !l.contains("uploaded")),
                () -> String.join("\n", dev.lambdadeploy.report.DeploySummary.render(r)));
    }

    @Test
    void codeOnlyChangeUpdatesOnlyTheFunctionCode() throws Exception {
        existingFunction("orders");
        deploy(request("orders"));
        List<String> layersBefore =
                config("orders").layers().stream().map(l -> l.arn()).toList();
        pkg.function("handler v2").write();

        DeployResult r = deploy(request("orders"));

        FunctionResult f = r.regions().get(0).functions().get(0);
        assertEquals(DeployAction.UPDATED, f.code());
        assertEquals(DeployAction.UP_TO_DATE, f.configuration());
        assertEquals(List.of("code"), f.changes());
        assertEquals(DeployAction.UP_TO_DATE, r.regions().get(0).layers().get(0).action());
        assertEquals(1, versions("deps").size());
        assertEquals(manifest().function().codeSha256(), config("orders").codeSha256());
        assertEquals(
                layersBefore,
                config("orders").layers().stream().map(l -> l.arn()).toList());
        assertEquals(Files.size(pkg.dir().resolve("function.zip")), r.bytesUploaded());
    }

    @Test
    void layerChangePublishesANewVersionAndReplacesTheOldOneOnly() throws Exception {
        String ext = foreignLayer("vendor-extension");
        existingFunction("orders", ext);
        deploy(request("orders"));
        pkg.layer("deps", "jackson v2").write();

        DeployResult r = deploy(request("orders"));

        assertEquals(2, versions("deps").size());
        List<String> layers =
                config("orders").layers().stream().map(l -> l.arn()).toList();
        assertEquals(List.of(ext, "arn:aws:lambda:eu-west-1:123456789012:layer:deps:2"), layers);
        assertEquals(
                DeployAction.UP_TO_DATE, r.regions().get(0).functions().get(0).code());
        Map<String, String> tags = aws.lambda()
                .listTags(t -> t.resource(config("orders").functionArn()))
                .tags();
        assertEquals("deps:2", tags.get("lambda-deploy:layers"));
        assertEquals("deps:1", tags.get("lambda-deploy:previous-layers"));
    }

    @Test
    void aSettingsOnlyChangeKeepsThePreviousDeploymentAsTheRollbackTarget() throws Exception {
        existingFunction("orders");
        deploy(request("orders"));
        String v1 = manifest().function().codeSha256();
        pkg.function("handler v2").write();
        deploy(request("orders"));
        String arn = config("orders").functionArn();
        assertEquals(v1, aws.lambda().listTags(t -> t.resource(arn)).tags().get("lambda-deploy:previous-code-sha256"));

        // memory only: the function changes, but v1 stays what a rollback returns to
        DeployResult r = deploy(request("orders")
                .function(FunctionSettings.builder().memorySize(1024).build()));

        assertEquals(List.of("memory"), r.regions().get(0).functions().get(0).changes());
        Map<String, String> tags = aws.lambda().listTags(t -> t.resource(arn)).tags();
        assertEquals(v1, tags.get("lambda-deploy:previous-code-sha256"));
        assertEquals("deps:1", tags.get("lambda-deploy:previous-layers"));
        assertEquals(manifest().function().codeSha256(), tags.get("lambda-deploy:code-sha256"));
    }

    @Test
    void s3ModeUploadsContentAddressedObjectsOnceAndPublishesFromThem() throws Exception {
        existingFunction("orders");
        DeployRequest.Builder b =
                request("orders").mode(DeployMode.S3).s3(new S3Settings("artifacts-{region}", "builds", true, 0, 0));

        DeployResult r = deploy(b);

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        PackageManifest m = manifest();
        String layerKey = "builds/deps/" + hex(m.layers().get(0).codeSha256()) + ".zip";
        String fnKey = "builds/demo-function/" + hex(m.function().codeSha256()) + ".zip";
        List<String> keys = aws.s3().listObjectsV2(l -> l.bucket("artifacts-eu-west-1")).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
        assertEquals(List.of(fnKey, layerKey), keys);
        HeadObjectResponse head =
                aws.s3().headObject(h -> h.bucket("artifacts-eu-west-1").key(layerKey));
        assertEquals(Files.size(pkg.dir().resolve("layers/deps.zip")), head.contentLength());
        assertEquals(
                m.layers().get(0).codeSha256(),
                layerVersion("deps", 1).content().codeSha256());
        assertEquals(m.function().codeSha256(), config("orders").codeSha256());
        assertEquals(
                "eu-west-1",
                aws.s3().headBucket(h -> h.bucket("artifacts-eu-west-1")).bucketRegion());
        LayerResult l = r.regions().get(0).layers().get(0);
        assertEquals(layerKey, l.s3Key());
        assertEquals("s3", l.transport());

        // a new layer version is needed (other runtimes), but the object is already there: nothing uploaded
        DeployResult again =
                deploy(b.layers(new LayerSettings("", List.of("java17", "java21"), null, List.of(), null)));
        assertEquals(
                DeployAction.PUBLISHED, again.regions().get(0).layers().get(0).action());
        assertEquals(0, again.bytesUploaded());
        assertEquals(
                2, aws.s3().listObjectsV2(o -> o.bucket("artifacts-eu-west-1")).keyCount());
    }

    @Test
    void bigZipsGoUpInPartsWithProgress() throws Exception {
        byte[] big = new byte[11 * 1024 * 1024];
        new Random(42).nextBytes(big);
        pkg.layer("deps", big).write();
        existingFunction("orders");

        DeployResult r = deploy(request("orders")
                .mode(DeployMode.AUTO)
                .s3(new S3Settings("artifacts", null, true, 5L * 1024 * 1024, 5L * 1024 * 1024))
                .mode(DeployMode.S3));

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertTrue(log.text().contains("(100%)"), log.text());
        assertTrue(
                log.lines().stream()
                                .filter(s -> s.contains("uploading deps.zip to s3://artifacts/"))
                                .count()
                        >= 3,
                log.text());
        assertEquals(
                manifest().layers().get(0).codeSha256(),
                layerVersion("deps", 1).content().codeSha256());
    }

    @Test
    void missingFunctionWithoutRoleFailsWithHowToCreateItAndPublishesNothing() {
        DeployResult r = deploy(request("nope"));

        String error = r.regions().get(0).error();
        assertNotNull(error);
        assertTrue(error.contains("Function nope does not exist in eu-west-1"), error);
        assertTrue(error.contains("aws lambda create-function"), error);
        assertTrue(error.contains("<role>"), error);
        assertTrue(versions("deps").isEmpty(), "nothing may be published before the deploy can finish");
    }

    @Test
    void mistypedFunctionNameNamesTheClosestExistingFunctionOnceAndNoCreateCommand() {
        existingFunction("orders-service");
        existingFunction("billing-service");

        DeployResult r = deploy(request("orders-servce"));

        String error = r.regions().get(0).error();
        assertTrue(
                error.startsWith("Function orders-servce does not exist in eu-west-1. Did you mean orders-service?"),
                error);
        assertTrue(error.contains("Functions in eu-west-1: billing-service, orders-service."), error);
        assertFalse(error.contains("create-function"), "a typo needs the name fixed, not a new function: " + error);
        assertFalse(
                log.text().contains("Did you mean"),
                "said once, as the goal's error, not also as a warning: " + log.text());
        String summary = String.join("\n", dev.lambdadeploy.report.DeploySummary.render(r));
        assertTrue(
                summary.matches(
                        "(?s).*FAILED  left unchanged: Function orders-servce does not exist in eu-west-1\\.\n.*"),
                summary);
        assertFalse(summary.contains("Did you mean"), summary);
        assertTrue(versions("deps").isEmpty());
    }

    @Test
    void missingFunctionIsCreatedWhenARoleIsConfigured() throws Exception {
        DeployResult r = deploy(request("fresh")
                .function(FunctionSettings.builder()
                        .handler("com.example.Handler::handleRequest")
                        .memorySize(512)
                        .timeout(30)
                        .environment(Map.of("STAGE", "test"))
                        .javaToolOptions("-XX:TieredStopAtLevel=1")
                        .role(role)
                        .build()));

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        GetFunctionConfigurationResponse c = config("fresh");
        assertEquals(manifest().function().codeSha256(), c.codeSha256());
        assertEquals("java21", c.runtimeAsString());
        assertEquals(512, c.memorySize());
        assertEquals(30, c.timeout());
        assertEquals(
                Map.of("STAGE", "test", "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1"),
                c.environment().variables());
        assertEquals(
                List.of("arn:aws:lambda:eu-west-1:123456789012:layer:deps:1"),
                c.layers().stream().map(l -> l.arn()).toList());
        assertEquals(DeployAction.CREATED, r.regions().get(0).functions().get(0).code());
    }

    @Test
    void eachFunctionGetsTheSharedSettingsWithItsOwnOnTop() throws Exception {
        FunctionSettings shared = FunctionSettings.builder()
                .handler("com.example.Worker::handle")
                .memorySize(512)
                .timeout(30)
                .environment(Map.of("STAGE", "test", "LOG", "info"))
                .role(role)
                .build();
        FunctionOverride api = new FunctionOverride(
                "com.example.Api::handle",
                1024,
                null,
                Map.of("LOG", "debug"),
                "-XX:TieredStopAtLevel=1",
                null,
                "orders HTTP API",
                true,
                null);

        DeployResult r =
                deploy(request("orders-api", "orders-worker").function(shared).override("orders-api", api));

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        GetFunctionConfigurationResponse a = config("orders-api");
        assertEquals("com.example.Api::handle", a.handler());
        assertEquals(1024, a.memorySize());
        assertEquals(30, a.timeout(), "not overridden: the shared timeout");
        assertEquals("orders HTTP API", a.description());
        assertEquals(
                Map.of("STAGE", "test", "LOG", "debug", "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1"),
                a.environment().variables());
        GetFunctionConfigurationResponse w = config("orders-worker");
        assertEquals("com.example.Worker::handle", w.handler());
        assertEquals(512, w.memorySize());
        assertEquals(Map.of("STAGE", "test", "LOG", "info"), w.environment().variables());
        assertEquals(manifest().function().codeSha256(), w.codeSha256());
        FunctionResult apiResult = r.regions().get(0).functions().stream()
                .filter(f -> f.name().equals("orders-api"))
                .findFirst()
                .orElseThrow();
        FunctionResult workerResult = r.regions().get(0).functions().stream()
                .filter(f -> f.name().equals("orders-worker"))
                .findFirst()
                .orElseThrow();
        assertNotNull(apiResult.publishedVersion(), "publishVersion is on for orders-api only");
        assertNull(workerResult.publishedVersion());

        // the same settings again: nothing to change on either function
        DeployResult again =
                deploy(request("orders-api", "orders-worker").function(shared).override("orders-api", api));
        again.regions()
                .get(0)
                .functions()
                .forEach(f -> assertEquals(DeployAction.UP_TO_DATE, f.configuration(), f.name()));
    }

    @Test
    void settingsFromThePomAreAppliedAndThenLeftAlone() {
        existingFunction("orders");
        FunctionSettings fs = FunctionSettings.builder()
                .handler("com.example.Other::handle")
                .memorySize(1024)
                .timeout(20)
                .environment(Map.of("A", "1"))
                .build();
        deploy(request("orders").function(fs));
        GetFunctionConfigurationResponse c = config("orders");
        assertEquals("com.example.Other::handle", c.handler());
        assertEquals(1024, c.memorySize());

        DeployResult again = deploy(request("orders").function(fs));
        assertTrue(again.upToDate(), again::toString);
    }

    @Test
    void publishesAVersionAndMovesTheAliasOnlyWhenSomethingChanged() throws Exception {
        existingFunction("orders");
        FunctionSettings fs =
                FunctionSettings.builder().publishVersion(true).alias("live").build();
        DeployResult first = deploy(request("orders").function(fs));
        String v1 = first.regions().get(0).functions().get(0).publishedVersion();
        assertNotNull(v1);
        assertEquals(
                v1,
                aws.lambda()
                        .getAlias(a -> a.functionName("orders").name("live"))
                        .functionVersion());

        DeployResult same = deploy(request("orders").function(fs));
        assertNull(same.regions().get(0).functions().get(0).publishedVersion());
        assertTrue(same.upToDate());

        pkg.function("handler v3").write();
        DeployResult changed = deploy(request("orders").function(fs));
        String v2 = changed.regions().get(0).functions().get(0).publishedVersion();
        assertNotEquals(v1, v2);
        assertEquals(
                v2,
                aws.lambda()
                        .getAlias(a -> a.functionName("orders").name("live"))
                        .functionVersion());
        assertEquals(
                manifest().function().codeSha256(),
                aws.lambda()
                        .getFunctionConfiguration(g -> g.functionName("orders").qualifier("live"))
                        .codeSha256());
    }

    @Test
    void newLayerVersionsAreSharedAndCarryTheLicense() {
        existingFunction("orders");
        deploy(request("orders").layers(new LayerSettings("", List.of(), "Apache-2.0", List.of("210987654321"), null)));

        assertEquals("Apache-2.0", layerVersion("deps", 1).licenseInfo());
        String policy = aws.lambda()
                .getLayerVersionPolicy(p -> p.layerName("deps").versionNumber(1L))
                .policy();
        assertTrue(policy.contains("210987654321") && policy.contains("lambda:GetLayerVersion"), policy);
    }

    @Test
    void sharingOfAReusedLayerVersionFollowsThePomWithoutANewVersion() {
        existingFunction("orders");
        deploy(request("orders"));
        assertTrue(sharedWith("deps", 1).isEmpty());

        // sharing configured after the layer was published: the reused version gets it, no version 2
        LayerSettings shared = new LayerSettings("", List.of(), null, List.of("210987654321"), "o-abc123defg");
        DeployResult r = deploy(request("orders").layers(shared));
        assertEquals(DeployAction.UP_TO_DATE, r.regions().get(0).layers().get(0).action());
        assertEquals(
                List.of("lambda-deploy-account-210987654321", "lambda-deploy-org-o-abc123defg"), sharedWith("deps", 1));
        assertTrue(log.text().contains("layer deps version 1: shared with account 210987654321"), log.text());
        assertEquals(
                1,
                aws.lambda()
                        .listLayerVersions(l -> l.layerName("deps"))
                        .layerVersions()
                        .size());

        // a statement someone else added stays; an account dropped from the POM loses access
        aws.lambda()
                .addLayerVersionPermission(a -> a.layerName("deps")
                        .versionNumber(1L)
                        .statementId("by-hand")
                        .action("lambda:GetLayerVersion")
                        .principal("111122223333"));
        log.lines().clear();
        deploy(request("orders").layers(new LayerSettings("", List.of(), null, List.of(), "o-abc123defg")));
        assertEquals(List.of("by-hand", "lambda-deploy-org-o-abc123defg"), sharedWith("deps", 1));
        assertTrue(log.text().contains("removed sharing lambda-deploy-account-210987654321"), log.text());

        // unchanged settings: nothing to do, no sharing change logged; only the standing notice that the
        // organization can use the layers (wide sharing is always printed)
        log.lines().clear();
        deploy(request("orders").layers(new LayerSettings("", List.of(), null, List.of(), "o-abc123defg")));
        assertFalse(
                log.lines().stream().anyMatch(l -> l.contains("shar") && !l.contains("layer sharing: ")), log.text());
        assertTrue(
                log.text()
                        .contains("WARN   layer sharing: new layer versions are shared with every account of "
                                + "organization o-abc123defg"),
                log.text());
    }

    /** Statement ids of a layer version's policy, sorted; empty when it has none. */
    private List<String> sharedWith(String layer, long version) {
        try {
            String policy = aws.lambda()
                    .getLayerVersionPolicy(p -> p.layerName(layer).versionNumber(version))
                    .policy();
            List<String> ids = new ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(policy)
                    .path("Statement")
                    .forEach(st -> ids.add(st.path("Sid").asText()));
            return ids.stream().sorted().toList();
        } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
            return List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void snapStartPublishesAVersion() {
        existingFunction("orders");
        FunctionSettings fs = FunctionSettings.builder().snapStart(true).build();

        DeployResult r = deploy(request("orders").function(fs));

        FunctionResult f = r.regions().get(0).functions().get(0);
        assertTrue(f.changes().contains("snapstart"), f.changes()::toString);
        assertNotNull(f.publishedVersion(), "SnapStart applies to published versions only");
        // moto 5.2 accepts SnapStart but reports ApplyOn None, so its state is not asserted here
    }

    @Test
    void dryRunChangesNothing() throws Exception {
        existingFunction("orders");
        String sha = config("orders").codeSha256();

        DeployResult r = deploy(
                request("orders").dryRun(true).mode(DeployMode.S3).s3(new S3Settings("artifacts", null, true, 0, 0)));

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertTrue(versions("deps").isEmpty());
        assertEquals(sha, config("orders").codeSha256());
        assertTrue(aws.s3().listBuckets().buckets().isEmpty(), "no bucket created");
        assertEquals(
                DeployAction.WOULD_PUBLISH, r.regions().get(0).layers().get(0).action());
        assertEquals(
                DeployAction.WOULD_UPDATE, r.regions().get(0).functions().get(0).code());
        assertEquals(0, r.bytesUploaded());
    }

    @Test
    void severalFunctionsInSeveralRegionsInParallel() throws Exception {
        existingFunction("a");
        existingFunction("b");
        try (AwsClients us = moto.clients("us-east-1")) {
            for (String fn : List.of("a", "b")) {
                us.lambda()
                        .createFunction(r -> r.functionName(fn)
                                .runtime("java21")
                                .role(role)
                                .handler("x::y")
                                .code(c -> c.zipFile(SdkBytes.fromUtf8String("old"))));
            }
            DeployResult r = deploy(request("a", "b").regions(List.of("us-east-1")));

            assertEquals(
                    List.of(REGION, "us-east-1"),
                    r.regions().stream().map(RegionResult::region).toList());
            assertFalse(r.failed(), r::toString);
            String sha = manifest().function().codeSha256();
            for (LambdaClient l : List.of(aws.lambda(), us.lambda())) {
                for (String fn : List.of("a", "b")) {
                    GetFunctionConfigurationResponse c = l.getFunctionConfiguration(g -> g.functionName(fn));
                    assertEquals(sha, c.codeSha256(), fn);
                    assertEquals(1, c.layers().size());
                    assertTrue(
                            c.layers().get(0).arn().contains(c.functionArn().split(":")[3]), "layer of its own region");
                }
            }
        }
    }

    @Test
    void anArchitectureChangeUploadsTheCodeAgainEvenWhenItIsEqual() throws Exception {
        existingFunction("orders");
        DeployRequest.Builder s3 =
                request("orders").mode(DeployMode.S3).s3(new S3Settings("artifacts", null, true, 0, 0));
        deploy(s3);
        pkg.architecture("arm64").write();

        DeployResult r = deploy(s3);

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        FunctionResult f = r.regions().get(0).functions().get(0);
        assertEquals(DeployAction.UPDATED, f.code());
        assertEquals(List.of("architecture [x86_64] -> arm64", "layers"), f.changes());
        // (moto 5.2 ignores Architectures in UpdateFunctionCode, so the function's architecture is not checked here)
        assertEquals(0, r.bytesUploaded(), "the function zip is already in the bucket");
        assertEquals(List.of("arm64"), layerVersion("deps", 2).compatibleArchitecturesAsStrings());
    }

    @Test
    void moreThanFiveLayersFailsBeforePublishing() {
        String[] ext = new String[5];
        for (int i = 0; i < 5; i++) {
            ext[i] = foreignLayer("ext" + i);
        }
        existingFunction("orders", ext);

        DeployResult r = deploy(request("orders"));

        assertTrue(
                r.regions().get(0).error().contains("would have 6 layers"),
                r.regions().get(0).error());
        assertTrue(versions("deps").isEmpty());
    }

    @Test
    void missingBucketWithoutCreateBucketSaysHowToFixIt() {
        existingFunction("orders");
        DeployResult r = deploy(request("orders").mode(DeployMode.S3).s3(new S3Settings("absent", null, false, 0, 0)));
        String error = r.regions().get(0).error();
        assertTrue(error.contains("bucket absent does not exist in eu-west-1"), error);
        assertTrue(error.contains("-Dlambda.deploy.createBucket=true"), error);
        assertTrue(versions("deps").isEmpty());
    }

    @Test
    void bucketInAnotherRegionIsRefused() {
        try (AwsClients frankfurt = moto.clients("eu-central-1")) {
            frankfurt
                    .s3()
                    .createBucket(c ->
                            c.bucket("elsewhere").createBucketConfiguration(b -> b.locationConstraint("eu-central-1")));
        }
        existingFunction("orders");
        DeployResult r =
                deploy(request("orders").mode(DeployMode.S3).s3(new S3Settings("elsewhere", null, true, 0, 0)));
        String error = r.regions().get(0).error();
        assertTrue(error.contains("is in eu-central-1"), error);
        assertTrue(error.contains("{region}"), error);
    }

    @Test
    void directModeRefusesZipsOverTheDirectUploadLimit() throws Exception {
        byte[] big = new byte[52_428_800 + 1024];
        new Random(1).nextBytes(big);
        pkg.layer("deps", big).write();
        DeployException e = assertThrows(
                DeployException.class, () -> deploy(request("orders").mode(DeployMode.DIRECT)));
        assertTrue(e.getMessage().contains("over the 52428800-byte limit"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dlambda.deploy.mode=s3"), e.getMessage());
    }

    @Test
    void missingOrStaleManifestFailsWithTheCommandToRun() throws Exception {
        Files.writeString(pkg.dir().resolve("function.zip"), "edited by hand");
        DeployException stale = assertThrows(DeployException.class, () -> deploy(request("orders")));
        assertTrue(stale.getMessage().contains("stale"), stale.getMessage());
        assertTrue(stale.getMessage().contains("mvn package lambda:deploy"), stale.getMessage());

        Files.delete(pkg.dir().resolve("lambda-package.json"));
        DeployException missing = assertThrows(DeployException.class, () -> deploy(request("orders")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertTrue(missing.getMessage().contains("mvn package lambda:deploy"), missing.getMessage());
    }

    @Test
    void classesNewerThanThePackageMakeItStale() throws Exception {
        Path classes = dir.resolve("target/classes");
        Files.createDirectories(classes);
        Path cls = Files.writeString(classes.resolve("Handler.class"), "x");
        Files.setLastModifiedTime(
                cls, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        DeployException e = assertThrows(
                DeployException.class, () -> deploy(request("orders").staleIfNewer(List.of(classes))));
        assertTrue(e.getMessage().contains("Handler.class changed after the package was built"), e.getMessage());
    }

    @Test
    void noCredentialsSaysWhereTheyComeFrom() {
        DeployResult r = new LambdaDeployer(log)
                .deploy(request("orders")
                        .aws(new AwsSettings("no-such-profile", MOTO.endpoint(), RetryStrategyMode.STANDARD, null))
                        .build());
        String error = r.regions().get(0).error();
        assertTrue(error.contains("no AWS credentials found"), error);
        assertTrue(error.contains("-Dlambda.profile"), error);
    }

    private static String hex(String base64) {
        return java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(base64));
    }
}
