package dev.lambdadeploy.iam;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.lifecycle.LambdaRollback;
import dev.lambdadeploy.lifecycle.LifecycleScope;
import dev.lambdadeploy.lifecycle.PruneAction;
import dev.lambdadeploy.lifecycle.PruneRequest;
import dev.lambdadeploy.lifecycle.PruneResult;
import dev.lambdadeploy.lifecycle.Pruner;
import dev.lambdadeploy.lifecycle.RollbackRequest;
import dev.lambdadeploy.lifecycle.RollbackResult;
import dev.lambdadeploy.lifecycle.StatusChecker;
import dev.lambdadeploy.lifecycle.StatusResult;
import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.FunctionSettings;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.testing.AbstractMotoTest;
import dev.lambdadeploy.testing.AwsCallRecorder;
import dev.lambdadeploy.testing.MotoAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generated policy is enough and no more: deploy (create, update, up to date), status, rollback and prune run
 * with the real engine against moto_server while every SDK call is recorded ({@link AwsCallRecorder}); each call
 * (and what AWS authorizes on the caller's behalf) must be allowed by the statements of its own goal, and every
 * action the policy grants must have been used by some goal, except the few listed with the reason they were not.
 */
class IamPolicyCallsTest extends AbstractMotoTest {
    static final S3Settings S3 = new S3Settings("deploy-{account}-{region}", "builds", true, 0, 0);

    /** Actions the policy grants that these flows cannot exercise on moto, and why they are still needed. */
    static final Map<String, String> NOT_EXERCISED = Map.of(
            "s3:AbortMultipartUpload", "only called when a multipart upload of a zip over 32 MB fails",
            "s3:PutBucketPolicy",
                    "the TLS-only bucket policy is not set on a plain-http endpoint such as moto's "
                            + "(it would deny the plugin's own requests); SupplyChainTest applies it directly",
            "lambda:DeleteFunction",
                    "only when Lambda reports other bytes than built for a created function or a "
                            + "published version (SupplyChainTest covers that path without the recorder)",
            "lambda:UntagResource",
                    "rollback drops the git-commit tag only when the target has none but the "
                            + "current deployment has one; these deploys record no git commit");

    @AfterEach
    void tearDown() {
        AwsCallRecorder.stop();
    }

    @Test
    void everyCallOfEveryGoalIsAllowedByItsStatementsAndNothingMoreIsGranted() throws Exception {
        Map<PolicyGoal, List<IamRequests.Authorization>> byGoal = new EnumMap<>(PolicyGoal.class);
        FunctionSettings fs =
                moto.functionSettings().publishVersion(true).alias("live").build();

        AwsCallRecorder.start(MOTO.endpoint().getPort());
        deploy(1, fs); // creates the bucket and the function, publishes the layer, creates the alias
        deploy(2, fs); // updates code and layers, moves the alias
        deploy(2, fs); // everything up to date
        record(byGoal, PolicyGoal.DEPLOY);
        // two code objects nothing uses, planted (recorder off): prune keeps 1 of the unused and deletes the other
        plantUnusedCode("0");

        AwsCallRecorder.start(MOTO.endpoint().getPort());
        StatusResult status = new StatusChecker().check(scope());
        assertFalse(status.failed());
        record(byGoal, PolicyGoal.STATUS);

        AwsCallRecorder.start(MOTO.endpoint().getPort());
        RollbackResult rollback = new LambdaRollback(log)
                .rollback(new RollbackRequest(scope(), null, Duration.ofSeconds(30), Duration.ofMillis(50)));
        assertFalse(rollback.failed(), () -> rollback.regions().get(0).error());
        record(byGoal, PolicyGoal.ROLLBACK);

        AwsCallRecorder.start(MOTO.endpoint().getPort());
        AwsCallRecorder.stop(); // deploy's calls were checked above
        // something for prune to delete: a layer version and a code object nothing uses, older than the newest
        moto.clients()
                .lambda()
                .publishLayerVersion(r -> r.layerName("deps")
                        .content(c -> c.zipFile(software.amazon.awssdk.core.SdkBytes.fromUtf8String("unused"))));
        deploy(3, fs);
        plantUnusedCode("1");
        AwsCallRecorder.start(MOTO.endpoint().getPort());
        PruneResult prune = new Pruner(log).prune(new PruneRequest(scope(), 1, true, 30));
        assertFalse(prune.failed(), prune::toString);
        assertTrue(
                prune.regions().get(0).items().stream()
                        .anyMatch(i -> i.action() == PruneAction.DELETED && "s3-object".equals(i.kind())),
                () -> "no unused object was deleted, so DeleteObject was not " + "exercised: " + prune);
        assertTrue(
                prune.regions().get(0).items().stream().anyMatch(i -> i.action() == PruneAction.DELETED),
                () -> "prune deleted nothing, so DeleteLayerVersion was not exercised: " + prune);
        record(byGoal, PolicyGoal.PRUNE);

        GeneratedPolicy policy = PolicyBuilder.build(PolicyRequest.builder()
                .regions(List.of(REGION))
                .account(MotoAws.ACCOUNT)
                .functionNames(List.of("orders"))
                .layerNames(List.of("deps"))
                .roles(List.of(moto.role()))
                .publishVersions(true)
                .alias("live")
                .mode(DeployMode.S3)
                .s3(S3)
                .s3ExpireRule(true)
                .build());

        List<String> denied = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        byGoal.forEach((goal, auths) -> {
            assertFalse(auths.isEmpty(), goal + " recorded no call");
            for (IamRequests.Authorization a : auths) {
                used.add(a.action());
                if (!GeneratedPolicy.allows(policy.of(goal), a.action(), a.resource())) {
                    denied.add(goal.id() + ": " + a);
                }
                assertTrue(policy.allows(a.action(), a.resource()), "combined policy denies " + a);
            }
        });
        assertEquals(List.of(), denied, "calls the generated policy does not allow");

        Map<String, String> unused = new TreeMap<>();
        for (String action : policy.actions()) {
            if (!used.contains(action) && !NOT_EXERCISED.containsKey(action)) {
                unused.put(action, "granted but never called");
            }
        }
        assertEquals(Map.of(), unused, "actions no goal called: the policy grants more than needed");
        for (String action : NOT_EXERCISED.keySet()) {
            assertTrue(policy.actions().contains(action), action + " is no longer granted: drop it from the list");
            assertFalse(used.contains(action), action + " is exercised now: drop it from NOT_EXERCISED");
        }
    }

    void plantUnusedCode(String digit) {
        moto.clients()
                .s3()
                .putObject(
                        r -> r.bucket("deploy-" + MotoAws.ACCOUNT + "-" + REGION)
                                .key("builds/demo-function/" + digit.repeat(64) + ".zip"),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("unused"));
    }

    void record(Map<PolicyGoal, List<IamRequests.Authorization>> byGoal, PolicyGoal goal) {
        List<IamRequests.Authorization> out = new ArrayList<>();
        AwsCallRecorder.stop().forEach(c -> out.addAll(IamRequests.of(c, MotoAws.ACCOUNT)));
        byGoal.put(goal, out);
    }

    LifecycleScope scope() {
        return moto.scope(pkg.dir(), S3, "live", "orders");
    }

    DeployResult deploy(int n, FunctionSettings fs) throws Exception {
        pkg.writeVersion(n);
        return moto.deploy(
                moto.deployRequest(pkg.dir(), "orders")
                        .mode(DeployMode.S3)
                        .s3(S3)
                        .function(fs),
                log);
    }
}
