package dev.lambdadeploy.iam;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.lifecycle.LambdaRollback;
import dev.lambdadeploy.lifecycle.LifecycleScope;
import dev.lambdadeploy.lifecycle.PruneRequest;
import dev.lambdadeploy.lifecycle.PruneResult;
import dev.lambdadeploy.lifecycle.Pruner;
import dev.lambdadeploy.lifecycle.RollbackRequest;
import dev.lambdadeploy.lifecycle.RollbackResult;
import dev.lambdadeploy.lifecycle.StatusChecker;
import dev.lambdadeploy.manifest.ManifestIO;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.publish.image.ImageTestPackages;
import dev.lambdadeploy.testing.AbstractMotoTest;
import dev.lambdadeploy.testing.AwsCallRecorder;
import dev.lambdadeploy.testing.EcrTestRegistry;
import dev.lambdadeploy.testing.MotoAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Image mode: every SDK call of deploy (create, update), status, rollback and prune with an ECR repository is allowed
 * by its goal's statements. The image push itself goes through the registry API (Jib to a docker-registry standing
 * in for ECR), not the SDK, so its ECR actions are not recorded here.
 */
class ImageIamCallsTest extends AbstractMotoTest {
    @RegisterExtension
    static final EcrTestRegistry REGISTRY = new EcrTestRegistry();

    static final S3Settings S3 = new S3Settings("deploy-{region}", "builds", false, 0, 0);

    @AfterEach
    void tearDown() {
        AwsCallRecorder.stop();
    }

    @Test
    void everyCallOfImageModeIsAllowedByItsGoal() throws Exception {
        Path project = dir.resolve("p");
        Path first = ImageTestPackages.packageProject(project, "v1", Architecture.X86_64);
        // as lambda:iam-policy does: the layer names of the manifest (prune looks at them even in image mode)
        List<String> layers = ManifestIO.read(first.resolve(PackageManifest.FILE_NAME)).layers().stream()
                .map(z -> z.name())
                .toList();
        // keepNewestImages as the test registry's settings (10): the lifecycle policy actions
        GeneratedPolicy policy = PolicyBuilder.build(PolicyRequest.builder()
                .regions(List.of(REGION))
                .account(MotoAws.ACCOUNT)
                .functionNames(List.of("orders"))
                .roles(List.of(moto.role()))
                .layerNames(layers)
                .mode(DeployMode.IMAGE)
                .imageRepository("orders")
                .imageLifecyclePolicy(true)
                .s3(S3)
                .build());
        List<String> denied = new ArrayList<>();

        AwsCallRecorder.start(MOTO.endpoint().getPort());
        deploy(first);
        deploy(ImageTestPackages.packageProject(project, "v2", Architecture.X86_64));
        check(PolicyGoal.DEPLOY, policy, denied);

        Path pkg = project.resolve("target/lambda");
        LifecycleScope scope = new LifecycleScope(
                pkg, List.of(REGION), List.of("orders"), moto.settings(), "", S3, "p-function", null);
        AwsCallRecorder.start(MOTO.endpoint().getPort());
        assertFalse(new StatusChecker().check(scope).failed());
        check(PolicyGoal.STATUS, policy, denied);

        AwsCallRecorder.start(MOTO.endpoint().getPort());
        RollbackResult rollback = new LambdaRollback(log)
                .rollback(new RollbackRequest(scope, null, Duration.ofSeconds(30), Duration.ofMillis(50)));
        assertFalse(rollback.failed(), () -> rollback.regions().get(0).error());
        check(PolicyGoal.ROLLBACK, policy, denied);

        AwsCallRecorder.start(MOTO.endpoint().getPort());
        PruneResult prune = new Pruner(log).prune(new PruneRequest(scope, 3, false, null, "orders", 3));
        assertFalse(prune.failed(), prune::toString);
        check(PolicyGoal.PRUNE, policy, denied);

        assertEquals(List.of(), denied, "calls the generated policy does not allow");
    }

    void check(PolicyGoal goal, GeneratedPolicy policy, List<String> denied) {
        List<AwsCallRecorder.Call> calls = AwsCallRecorder.stop();
        assertFalse(calls.isEmpty(), goal + " recorded no call");
        for (AwsCallRecorder.Call c : calls) {
            for (IamRequests.Authorization a : IamRequests.of(c, MotoAws.ACCOUNT)) {
                if (!GeneratedPolicy.allows(policy.of(goal), a.action(), a.resource())) {
                    denied.add(goal.id() + ": " + a);
                }
            }
        }
    }

    void deploy(Path pkg) {
        moto.deploy(REGISTRY.deployRequest(moto, pkg, "orders"), log);
    }
}
