package dev.lambdadeploy.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.LambdaDeployer;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.testing.AbstractMotoTest;
import dev.lambdadeploy.testing.AwsErrors;
import dev.lambdadeploy.testing.FaultProxy;
import dev.lambdadeploy.testing.MotoAws;
import dev.lambdadeploy.testing.RequestHead;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * prune and rollback name the deploy bucket's owner on every S3 request, and prune refuses a bucket of another
 * account (the proxy answers 403 as S3 does for a non-matching x-amz-expected-bucket-owner; moto does not check it).
 */
class BucketOwnerLifecycleTest extends AbstractMotoTest {
    static final String BUCKET = "artifacts-q9z3-eu-west-1";
    static final S3Settings S3 = new S3Settings(BUCKET, "builds", true, 0, 0);

    FaultProxy proxy;
    String v1Code;

    @BeforeEach
    void setUp() throws Exception {
        moto.createFunction("orders");
        pkg.layer("deps", "jackson v1").function("handler v1");
        deploy();
        v1Code = aws.lambda()
                .getFunctionConfiguration(c -> c.functionName("orders"))
                .codeSha256();
        pkg.layer("deps", "jackson v2").function("handler v2");
        deploy();
        proxy = FaultProxy.start(MOTO.endpoint());
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
    }

    void deploy() throws Exception {
        pkg.write();
        DeployResult r = new LambdaDeployer(log)
                .deploy(moto.deployRequest(pkg.dir(), "orders")
                        .mode(DeployMode.S3)
                        .s3(S3)
                        .build());
        assertFalse(r.failed(), () -> r.regions().get(0).error());
    }

    LifecycleScope scope(URI endpoint) {
        return new LifecycleScope(
                pkg.dir(),
                List.of(REGION),
                List.of("orders"),
                MotoAws.settings(endpoint),
                "",
                S3,
                "demo-function",
                null);
    }

    List<RequestHead> bucketRequests() {
        return proxy.requests().stream()
                .filter(h -> h.path().equals("/" + BUCKET) || h.path().startsWith("/" + BUCKET + "/"))
                .toList();
    }

    @Test
    void pruneNamesTheOwnerOnEveryBucketRequest() {
        PruneResult r = new Pruner(log).prune(new PruneRequest(scope(proxy.uri()), 1, true, 30, null, null));

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        List<RequestHead> requests = bucketRequests();
        assertTrue(
                requests.size() >= 4,
                "head bucket, list, delete, lifecycle: "
                        + requests.stream()
                                .map(h -> h.method() + " " + h.target())
                                .toList());
        requests.forEach(h ->
                assertEquals(MotoAws.ACCOUNT, h.header("x-amz-expected-bucket-owner"), h.method() + " " + h.target()));
    }

    @Test
    void pruneRefusesABucketOfAnotherAccount() {
        proxy.add(AwsErrors.s3BucketOwnedBy(BUCKET, "666666666666"));

        PruneResult r = new Pruner(log).prune(new PruneRequest(scope(proxy.uri()), 1, true, 30, null, null));

        assertTrue(r.failed());
        String error = r.regions().get(0).error();
        assertTrue(error.contains("bucket monopoly") && error.contains("Nothing was pruned"), error);
        assertTrue(bucketRequests().stream().noneMatch(h -> h.method().equals("DELETE")), "nothing deleted");
    }

    @Test
    void rollbackReadsTheCodeFromTheBucketOnlyWithTheOwnerNamed() throws Exception {
        RollbackResult r = new LambdaRollback(log)
                .rollback(new RollbackRequest(scope(proxy.uri()), null, Duration.ofSeconds(30), Duration.ofMillis(50)));

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertEquals(
                v1Code,
                aws.lambda()
                        .getFunctionConfiguration(c -> c.functionName("orders"))
                        .codeSha256());
        assertFalse(bucketRequests().isEmpty(), "the code was looked up in the bucket");
        bucketRequests()
                .forEach(h -> assertEquals(
                        MotoAws.ACCOUNT, h.header("x-amz-expected-bucket-owner"), h.method() + " " + h.target()));
    }
}
