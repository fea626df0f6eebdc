package dev.lambdadeploy.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.FunctionSettings;
import dev.lambdadeploy.publish.LambdaDeployer;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.testing.AbstractMotoTest;
import dev.lambdadeploy.testing.WholeSeconds;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

/**
 * status, rollback and prune with the real SDK against a real moto_server, on functions that the real deploy engine
 * deployed three times (v1, v2, v3) through the S3 deploy bucket.
 */
class LifecycleEngineTest extends AbstractMotoTest {
    static final S3Settings S3 = new S3Settings("deploy-{region}", "builds", true, 0, 0);

    LifecycleScope scope(String... functions) {
        return moto.scope(pkg.dir(), S3, null, functions);
    }

    /** Builds package vN (layer and code change with every version) and deploys it to the functions. */
    DeployResult deploy(int n, FunctionSettings fs, String... functions) throws Exception {
        pkg.writeVersion(n);
        return moto.deploy(
                moto.deployRequest(pkg.dir(), functions)
                        .mode(DeployMode.S3)
                        .s3(S3)
                        .function(fs),
                log);
    }

    FunctionSettings create() {
        return moto.functionSettings().build();
    }

    PackageManifest manifest() throws Exception {
        return pkg.manifest();
    }

    GetFunctionConfigurationResponse config(String name) {
        return aws.lambda().getFunctionConfiguration(r -> r.functionName(name));
    }

    String layerArn(int version) {
        return aws.lambda()
                .getLayerVersion(r -> r.layerName("deps").versionNumber((long) version))
                .layerVersionArn();
    }

    @Test
    void statusShowsTheDeployedVersionAndDriftAfterALocalChange() throws Exception {
        deploy(1, create(), "orders");
        deploy(2, create(), "orders");
        deploy(3, create(), "orders");
        String v3Code = manifest().function().codeSha256();

        StatusResult inSync = new StatusChecker().check(scope("orders"));

        StatusResult.FunctionStatus f = inSync.regions().get(0).functions().get(0);
        assertFalse(inSync.drift(), () -> f.drift().toString());
        assertEquals(v3Code, f.codeSha256());
        assertEquals(v3Code, f.localCodeSha256());
        assertEquals("Successful", f.lastUpdateStatus());
        assertEquals(1, f.layers().size());
        StatusResult.LayerStatus layer = f.layers().get(0);
        assertEquals(3L, layer.version());
        assertEquals(layerArn(3), layer.arn());
        assertEquals(Files.size(pkg.dir().resolve("layers/deps.zip")), layer.codeSize());
        assertEquals("in-sync", layer.status());
        assertNotNull(f.history().deployedAt());
        assertTrue(Files.isRegularFile(pkg.dir().resolve("status.json")));
        assertTrue(StatusTable.render(inSync)
                .get(StatusTable.render(inSync).size() - 1)
                .contains("1 function(s) in sync with the local package, 0 drifted"));

        pkg.layer("deps", "jackson v4").function("handler v4").write(); // local change, not deployed

        StatusResult drifted = new StatusChecker().check(scope("orders"));

        StatusResult.FunctionStatus d = drifted.regions().get(0).functions().get(0);
        assertTrue(drifted.drift());
        assertEquals(v3Code, d.codeSha256());
        assertEquals(manifest().function().codeSha256(), d.localCodeSha256());
        assertEquals("differs", d.layers().get(0).status());
        assertTrue(
                d.drift().stream().anyMatch(s -> s.startsWith("code: deployed CodeSha256 " + v3Code)),
                d.drift()::toString);
        assertTrue(
                d.drift().stream().anyMatch(s -> s.startsWith("layer deps: deployed version 3, local build differs")),
                d.drift()::toString);
        StatusResult written = LifecycleJson.read(pkg.dir().resolve("status.json"), StatusResult.class);
        assertEquals(drifted, written);
        assertTrue(String.join("\n", StatusTable.render(drifted)).contains("DRIFT"));
    }

    @Test
    void statusNamesAnUnknownFunctionAndWhatTheRegionHas() throws Exception {
        deploy(1, create(), "orders");

        StatusResult r = new StatusChecker().check(scope("orders", "ordrs"));

        assertTrue(r.failed());
        StatusResult.FunctionStatus missing = r.regions().get(0).functions().get(1);
        assertEquals("ordrs", missing.name());
        assertTrue(
                missing.error()
                        .startsWith("Function ordrs does not exist in eu-west-1. Did you mean orders? "
                                + "Functions are regional"),
                missing.error());
        assertTrue(missing.error().contains("Functions in eu-west-1: orders."), missing.error());
        assertNull(r.regions().get(0).functions().get(0).error());
    }

    @Test
    void statusInAWrongRegionSaysTheRegionIsEmpty() throws Exception {
        deploy(1, create(), "orders");

        StatusResult r = new StatusChecker()
                .check(new LifecycleScope(
                        pkg.dir(),
                        List.of("us-west-2"),
                        List.of("orders"),
                        moto.settings(),
                        "",
                        S3,
                        "demo-function",
                        null));

        String error = r.regions().get(0).functions().get(0).error();
        assertTrue(error.contains("There are no functions in us-west-2 at all: is this the right region"), error);
    }

    RollbackResult rollback(String to, String alias, String... functions) {
        LifecycleScope scope = moto.scope(pkg.dir(), S3, alias, functions);
        return new LambdaRollback(log)
                .rollback(new RollbackRequest(scope, to, Duration.ofSeconds(30), Duration.ofMillis(50)));
    }

    @Test
    void rollbackReturnsToThePreviousDeploymentAndStatusConfirmsIt() throws Exception {
        deploy(1, create(), "orders");
        deploy(2, create(), "orders");
        String v2Code = manifest().function().codeSha256();
        deploy(3, create(), "orders");
        String v3Code = manifest().function().codeSha256();

        RollbackResult r = rollback(null, null, "orders");

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        GetFunctionConfigurationResponse c = config("orders");
        assertEquals(v2Code, c.codeSha256());
        assertEquals(List.of(layerArn(2)), c.layers().stream().map(l -> l.arn()).toList());
        RollbackResult.FunctionRollback f = r.regions().get(0).functions().get(0);
        assertEquals(v3Code, f.fromCodeSha256());
        assertEquals(v2Code, f.toCodeSha256());
        assertTrue(f.codeSource().startsWith("s3://deploy-eu-west-1/builds/demo-function/"), f.codeSource());
        assertTrue(Files.isRegularFile(pkg.dir().resolve("rollback-result.json")));

        StatusResult s = new StatusChecker().check(scope("orders"));
        StatusResult.FunctionStatus st = s.regions().get(0).functions().get(0);
        assertEquals(v2Code, st.codeSha256());
        assertEquals(2L, st.layers().get(0).version());
        assertTrue(s.drift(), "the local package is still v3"); // and status says so
        assertEquals(v3Code, st.history().previousCodeSha256());

        RollbackResult again = rollback(null, null, "orders"); // a second rollback undoes the first
        assertFalse(again.failed(), () -> again.regions().get(0).error());
        assertEquals(v3Code, config("orders").codeSha256());
        assertEquals(
                List.of(layerArn(3)),
                config("orders").layers().stream().map(l -> l.arn()).toList());
    }

    @Test
    void rollbackToAPublishedVersionMovesTheAlias() throws Exception {
        FunctionSettings live =
                moto.functionSettings().publishVersion(true).alias("live").build();
        deploy(1, live, "orders");
        String v1Code = manifest().function().codeSha256();
        deploy(2, live, "orders");
        deploy(3, live, "orders");

        RollbackResult r = rollback("1", "live", "orders");

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertEquals(v1Code, config("orders").codeSha256());
        assertEquals(
                List.of(layerArn(1)),
                config("orders").layers().stream().map(l -> l.arn()).toList());
        assertEquals(
                "1",
                aws.lambda()
                        .getAlias(a -> a.functionName("orders").name("live"))
                        .functionVersion());
        assertEquals("1", r.regions().get(0).functions().get(0).aliasVersion());
        assertEquals("version 1", r.regions().get(0).functions().get(0).target());

        RollbackResult byAlias = rollback("nope", "live", "orders");
        assertTrue(byAlias.failed());
        assertTrue(
                byAlias.regions().get(0).error().contains("Cannot roll back function orders in eu-west-1 to 'nope'"),
                byAlias.regions().get(0).error());
        assertTrue(
                byAlias.regions().get(0).error().contains("Published versions: 1, 2, 3; aliases: live"),
                byAlias.regions().get(0).error());
    }

    @Test
    void rollbackRefusesWhenThereIsNothingToRollBackTo() throws Exception {
        deploy(1, create(), "orders");
        String v1Code = manifest().function().codeSha256();

        RollbackResult r = rollback(null, null, "orders");

        assertTrue(r.failed());
        assertTrue(
                r.regions().get(0).error().startsWith("Nothing to roll back to for function orders in eu-west-1"),
                r.regions().get(0).error());
        assertEquals(v1Code, config("orders").codeSha256());
    }

    @Test
    void rollbackRefusesWhenThePreviousCodeIsKeptNowhere() throws Exception {
        for (int n = 1; n <= 2; n++) { // direct uploads, no published versions: Lambda keeps only the current code
            pkg.writeVersion(n);
            DeployResult d = new LambdaDeployer(log)
                    .deploy(moto.deployRequest(pkg.dir(), "orders")
                            .mode(DeployMode.DIRECT)
                            .function(create())
                            .build());
            assertFalse(d.failed(), () -> d.regions().get(0).error());
        }
        String v2Code = manifest().function().codeSha256();

        RollbackResult r = rollback(null, null, "orders");

        assertTrue(r.failed());
        String error = r.regions().get(0).error();
        assertTrue(error.contains("its code (CodeSha256 ") && error.contains(") is kept nowhere"), error);
        assertTrue(error.contains("Nothing was changed."), error);
        assertEquals(v2Code, config("orders").codeSha256());
        assertEquals(
                List.of(layerArn(2)),
                config("orders").layers().stream().map(l -> l.arn()).toList());
    }

    PruneResult prune(int keep, boolean delete, Integer expireDays) {
        return new Pruner(log).prune(new PruneRequest(scope("orders"), keep, delete, expireDays));
    }

    List<Long> layerVersions() {
        return aws.lambda().listLayerVersions(r -> r.layerName("deps")).layerVersions().stream()
                .map(v -> v.version())
                .sorted()
                .toList();
    }

    List<String> objects(String folder) {
        return aws
                .s3()
                .listObjectsV2(r -> r.bucket("deploy-eu-west-1").prefix("builds/" + folder + "/"))
                .contents()
                .stream()
                .map(o -> o.key())
                .toList();
    }

    @Test
    void pruneKeepsWhatIsReferencedAndDeletesTheRest() throws Exception {
        java.util.Map<Integer, String> code = new java.util.HashMap<>();
        for (int n = 1; n <= 5; n++) {
            deploy(n, create(), "orders");
            code.put(n, CodeSource.hex(manifest().function().codeSha256()));
            WholeSeconds.awaitAfterNewestObject(aws.s3(), "deploy-eu-west-1"); // newest-N needs distinct times
        }
        // another function still runs layer version 1
        moto.createFunction("billing", r -> r.layers(layerArn(1)));
        List<String> layerObjects = objects("deps");
        assertEquals(5, layerObjects.size());

        PruneResult plan = prune(1, false, 30);

        assertTrue(plan.dryRun());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), layerVersions(), "a dry run deletes nothing");
        assertEquals(5, objects("deps").size());
        List<String> wouldDelete = plan.regions().get(0).items().stream()
                .filter(i -> i.action() == PruneAction.WOULD_DELETE)
                .map(PruneResult.Item::id)
                .toList();
        assertTrue(wouldDelete.containsAll(List.of(layerArn(2), layerArn(3))), wouldDelete::toString);
        assertFalse(wouldDelete.contains(layerArn(1)), "in use by billing");
        assertFalse(wouldDelete.contains(layerArn(4)), "the rollback target");
        assertFalse(wouldDelete.contains(layerArn(5)), "current");
        for (int n = 1; n <= 3; n++) {
            assertTrue(
                    wouldDelete.contains("s3://deploy-eu-west-1/builds/demo-function/" + code.get(n) + ".zip"),
                    wouldDelete::toString);
        }
        assertFalse(wouldDelete.contains("s3://deploy-eu-west-1/builds/demo-function/" + code.get(4) + ".zip"));
        assertEquals(7, wouldDelete.size(), wouldDelete::toString); // 2 layer versions, their 2 objects, 3 code objects
        long expected = plan.regions().get(0).items().stream()
                .filter(i -> i.action() == PruneAction.WOULD_DELETE)
                .mapToLong(PruneResult.Item::bytes)
                .sum();
        assertTrue(expected > 0);
        assertEquals(expected, plan.bytesFreed());
        assertTrue(plan.regions().get(0).lifecycleRule().startsWith("would install"));
        assertTrue(String.join("\n", Pruner.summary(plan)).contains("would delete 7 item(s)"));

        PruneResult done = prune(1, true, 30);

        assertFalse(done.failed(), () -> done.regions().get(0).error());
        assertEquals(List.of(1L, 4L, 5L), layerVersions());
        assertEquals(3, objects("deps").size());
        assertEquals(2, objects("demo-function").size());
        assertEquals(plan.bytesFreed(), done.bytesFreed());
        assertEquals(layerArn(5), config("orders").layers().get(0).arn());
        var rules = aws.s3()
                .getBucketLifecycleConfiguration(r -> r.bucket("deploy-eu-west-1"))
                .rules();
        assertEquals(1, rules.size());
        assertEquals(30, rules.get(0).expiration().days());
        // what prune kept is enough to roll back
        RollbackResult r = rollback(null, null, "orders");
        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertEquals(layerArn(4), config("orders").layers().get(0).arn());
    }

    @Test
    void statusShowsTheImageDigestOfAnImageFunction() throws Exception {
        pkg.layer("deps", "jackson v1").function("handler v1").write();
        aws.lambda()
                .createFunction(r -> r.functionName("images")
                        .role(role)
                        .packageType("Image")
                        .code(c -> c.imageUri("123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.0")));

        StatusResult r = new StatusChecker().check(scope("images"));

        StatusResult.FunctionStatus f = r.regions().get(0).functions().get(0);
        assertNull(f.error(), f::error);
        assertEquals("Image", f.packageType());
        assertEquals("123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.0", f.imageUri());
        assertTrue(f.imageDigest().startsWith("sha256:"), f.imageDigest());
        assertNull(f.codeSha256());
        assertTrue(f.drift().isEmpty(), "a zip package is not compared with an image");
        assertTrue(String.join("\n", StatusTable.render(r)).contains("image"));
    }
}
