package dev.lambdadeploy.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.FunctionSettings;
import dev.lambdadeploy.publish.LambdaDeployer;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.testing.MotoAws;
import dev.lambdadeploy.testing.MotoServer;
import dev.lambdadeploy.testing.RecordingLog;
import dev.lambdadeploy.testing.TestPackage;
import dev.lambdadeploy.testing.WholeSeconds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * deploy, status, prune and rollback in China and GovCloud behave as in the commercial partition (eu-west-1, the
 * control): moto answers there with {@code arn:aws-cn:} and {@code arn:aws-us-gov:} ARNs, as AWS does, so every ARN
 * the plugin builds itself (layer versions from history tags) must carry the same partition or it names nothing.
 */
class PartitionLifecycleTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static final S3Settings S3 = new S3Settings("deploy-{region}", "builds", true, 0, 0);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov", "eu-west-1, aws"})
    void deployStatusPruneAndRollbackInThePartitionOfTheRegion(String region, String partition) throws Exception {
        TestPackage pkg = new TestPackage(dir.resolve("target/lambda"));
        RecordingLog log = new RecordingLog();
        try (MotoAws moto = MotoAws.fresh(MOTO, region)) {
            AwsClients aws = moto.clients();
            String prefix = "arn:" + partition + ":lambda:" + region + ":" + MotoAws.ACCOUNT + ":";
            String deps = prefix + "layer:deps:";
            assertTrue(moto.role().startsWith("arn:" + partition + ":iam::"), moto.role());
            FunctionSettings fs = moto.functionSettings().build();
            LifecycleScope scope = moto.scope(pkg.dir(), S3, null, "orders");

            // deploy A -> B -> C, the layer content changing each time
            String[] code = new String[4];
            for (int n = 1; n <= 3; n++) {
                pkg.writeVersion(n);
                DeployResult r = moto.deploy(
                        moto.deployRequest(pkg.dir(), "orders")
                                .mode(DeployMode.S3)
                                .s3(S3)
                                .function(fs),
                        log);
                assertEquals(deps + n, r.regions().get(0).layers().get(0).layerVersionArn());
                assertEquals(
                        prefix + "function:orders",
                        r.regions().get(0).functions().get(0).functionArn());
                assertEquals(
                        List.of(deps + n), r.regions().get(0).functions().get(0).layers());
                code[n] = pkg.manifest().function().codeSha256();
                WholeSeconds.awaitAfterNewestObject(aws.s3(), "deploy-" + region); // newest-N: distinct times
            }
            assertEquals(List.of(deps + 3), layersOf(aws, "orders"));

            // status: in sync, on C
            StatusResult status = new StatusChecker().check(scope);
            StatusResult.FunctionStatus st = status.regions().get(0).functions().get(0);
            assertFalse(status.drift(), () -> st.drift().toString());
            assertEquals(prefix + "function:orders", st.functionArn());
            assertEquals(deps + 3, st.layers().get(0).arn());
            assertEquals("in-sync", st.layers().get(0).status());
            assertEquals(code[3], st.codeSha256());

            // prune: keeps C (newest, in use) and B (the rollback target, known only from the history tags)
            PruneResult pruned = new Pruner(log).prune(new PruneRequest(scope, 1, true, null));
            assertFalse(pruned.failed(), () -> pruned.regions().get(0).error());
            assertEquals(List.of(2L, 3L), layerVersions(aws));
            List<PruneResult.Item> layerItems = pruned.regions().get(0).items().stream()
                    .filter(i -> i.kind().equals("layer-version"))
                    .toList();
            assertEquals(
                    Map.of(deps + 1, PruneAction.DELETED, deps + 2, PruneAction.KEPT, deps + 3, PruneAction.KEPT),
                    layerItems.stream()
                            .collect(
                                    java.util.stream.Collectors.toMap(PruneResult.Item::id, PruneResult.Item::action)));
            assertTrue(
                    layerItems.stream()
                            .anyMatch(i -> i.id().equals(deps + 2) && i.reason().contains("rollback target")),
                    layerItems::toString);
            assertTrue(
                    pruned.regions().get(0).items().stream()
                            .anyMatch(i -> i.kind().equals("s3-object")
                                    && i.action() == PruneAction.DELETED
                                    && i.id().contains(CodeSource.hex(code[1]))),
                    () -> pruned.regions().get(0).items().toString());

            // rollback: B's code and B's layer version, nothing of C left
            RollbackResult rb = new LambdaRollback(log)
                    .rollback(new RollbackRequest(scope, null, Duration.ofSeconds(30), Duration.ofMillis(50)));
            assertFalse(rb.failed(), () -> rb.regions().get(0).error());
            assertEquals(
                    code[2],
                    aws.lambda()
                            .getFunctionConfiguration(r -> r.functionName("orders"))
                            .codeSha256());
            assertEquals(List.of(deps + 2), layersOf(aws, "orders"));
            RollbackResult.FunctionRollback f = rb.regions().get(0).functions().get(0);
            assertEquals(code[3], f.fromCodeSha256());
            assertEquals(code[2], f.toCodeSha256());

            StatusResult after = new StatusChecker().check(scope);
            StatusResult.FunctionStatus sa = after.regions().get(0).functions().get(0);
            assertEquals(code[2], sa.codeSha256());
            assertEquals(deps + 2, sa.layers().get(0).arn());
            assertTrue(after.drift(), "the local package is still C");

            // a second prune keeps B (in use) and C (now the rollback target)
            PruneResult again = new Pruner(log).prune(new PruneRequest(scope, 1, true, null));
            assertFalse(again.failed(), () -> again.regions().get(0).error());
            assertEquals(List.of(2L, 3L), layerVersions(aws));
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"cn-north-1, aws-cn", "us-gov-west-1, aws-us-gov", "eu-west-1, aws"})
    void aNewLayerVersionReplacesTheOldOneInPlaceOnAFunctionWithFiveLayers(String region, String partition)
            throws Exception {
        TestPackage pkg = new TestPackage(dir.resolve("target/lambda"));
        try (MotoAws moto = MotoAws.fresh(MOTO, region)) {
            AwsClients aws = moto.clients();
            String layers = "arn:" + partition + ":lambda:" + region + ":" + MotoAws.ACCOUNT + ":layer:";
            FunctionSettings fs = moto.functionSettings().build();
            deploy(pkg, moto, fs, 1);
            // four layers the plugin does not manage (extensions, say): the function is at Lambda's limit of 5
            List<String> five = new java.util.ArrayList<>(List.of(layers + "deps:1"));
            for (int i = 1; i <= 4; i++) {
                String name = "ext" + i;
                software.amazon.awssdk.core.SdkBytes content =
                        software.amazon.awssdk.core.SdkBytes.fromByteArray(zip(name));
                five.add(aws.lambda()
                        .publishLayerVersion(r -> r.layerName(name).content(c -> c.zipFile(content)))
                        .layerVersionArn());
            }
            aws.lambda()
                    .updateFunctionConfiguration(r -> r.functionName("orders").layers(five));

            // the not-yet-published version stands in for deps:1 in the limit check (same partition, same layer)
            DeployResult r = deploy(pkg, moto, fs, 2);

            assertFalse(r.failed(), () -> r.regions().get(0).error());
            List<String> expected = new java.util.ArrayList<>(five);
            expected.set(0, layers + "deps:2");
            assertEquals(expected, layersOf(aws, "orders"));
        }
    }

    static DeployResult deploy(TestPackage pkg, MotoAws moto, FunctionSettings fs, int n) throws Exception {
        pkg.writeVersion(n);
        return new LambdaDeployer(new RecordingLog())
                .deploy(moto.deployRequest(pkg.dir(), "orders")
                        .mode(DeployMode.DIRECT)
                        .function(fs)
                        .build());
    }

    static byte[] zip(String entry) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("java/lib/" + entry + ".jar"));
            zip.write(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    static List<String> layersOf(AwsClients aws, String function) {
        return aws.lambda().getFunctionConfiguration(r -> r.functionName(function)).layers().stream()
                .map(l -> l.arn())
                .toList();
    }

    static List<Long> layerVersions(AwsClients aws) {
        return aws.lambda().listLayerVersions(r -> r.layerName("deps")).layerVersions().stream()
                .map(v -> v.version())
                .sorted()
                .toList();
    }
}
