package dev.lambdadeploy.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.aws.RetryStrategyMode;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.testing.AwsErrors;
import dev.lambdadeploy.testing.FaultProxy;
import dev.lambdadeploy.testing.MotoServer;
import dev.lambdadeploy.testing.RecordingLog;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read that AWS denies (moto checks no IAM, so the {@link FaultProxy} answers as AWS does) becomes the translated
 * message that names the call and the permission, also for list calls whose paginator only calls AWS while it is
 * iterated, instead of a raw SDK exception.
 */
class LifecycleDeniedReadTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static final String REGION = "eu-west-1";

    @TempDir Path dir;

    LifecycleScope scope(URI endpoint) {
        return new LifecycleScope(dir.resolve("target/lambda"), List.of(REGION), List.of("orders"),
                new AwsSettings(null, endpoint, RetryStrategyMode.STANDARD, null), "",
                new S3Settings("deploy-{region}", "builds", false, 0, 0), "orders-function", null);
    }

    @Test
    void deniedListVersionsAndListAliasesAreNamedByStatusAndPrune() throws Exception {
        MOTO.reset();
        String role = MOTO.createRole("lambda-exec");
        try (AwsClientFactory factory = new AwsClientFactory(new AwsSettings(null, MOTO.endpoint(),
                RetryStrategyMode.STANDARD, null)); AwsClients aws = factory.clients(REGION)) {
            aws.lambda().createFunction(r -> r.functionName("orders").runtime("java21").role(role)
                    .handler("a.Handler::handleRequest")
                    .code(c -> c.zipFile(software.amazon.awssdk.core.SdkBytes.fromUtf8String("zip"))));
        }
        String arn = "arn:aws:lambda:eu-west-1:123456789012:function:orders";
        try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint())) {
            proxy.add(AwsErrors.lambdaAccessDenied(h -> h.path().endsWith("/functions/orders/versions"),
                    "lambda:ListVersionsByFunction", arn));

            StatusResult status = new StatusChecker().check(scope(proxy.uri()));
            String error = status.regions().get(0).functions().get(0).error();
            assertTrue(error.startsWith("lambda:ListVersionsByFunction (function orders in eu-west-1) was denied"),
                    error);
            assertTrue(error.contains("lacks the IAM permission 'lambda:ListVersionsByFunction'"), error);

            proxy.clear().add(AwsErrors.lambdaAccessDenied(h -> h.path().endsWith("/functions/orders/aliases"),
                    "lambda:ListAliases", arn));

            PruneResult prune = new Pruner(new RecordingLog()).prune(new PruneRequest(scope(proxy.uri()), 3, false,
                    null));
            assertTrue(prune.failed());
            assertTrue(prune.regions().get(0).error().startsWith("lambda:ListAliases (function orders in eu-west-1) "
                    + "was denied"), prune.regions().get(0).error());
        }
    }
}
