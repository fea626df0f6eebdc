package dev.lambdadeploy.publish;

import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.testing.AbstractMotoTest;
import dev.lambdadeploy.testing.FaultProxy;
import dev.lambdadeploy.testing.MotoAws;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The scene of the deploy tests whose engine talks to a real moto_server through a {@link FaultProxy}: for every
 * test the function {@code orders} exists as someone created it before the plugin ran, and version 1 of the test
 * package (layer {@code deps} and the function) is written. What AWS holds is read from moto directly ({@link #aws}),
 * not through the proxy.
 */
abstract class DeployThroughProxy extends AbstractMotoTest {
    FaultProxy proxy;

    @BeforeEach
    void createOrdersAndStartProxy() throws Exception {
        proxy = FaultProxy.start(MOTO.endpoint());
        pkg.writeVersion(1);
        moto.createFunction("orders");
    }

    @AfterEach
    void closeProxy() throws IOException {
        proxy.close();
    }

    DeployResult deploy(DeployRequest.Builder b) {
        return new LambdaDeployer(log).deploy(b.build());
    }

    PackageManifest manifest() throws Exception {
        return pkg.manifest();
    }

    /** The code {@code orders} runs now. */
    String codeSha256() {
        return aws.lambda()
                .getFunctionConfiguration(r -> r.functionName("orders"))
                .codeSha256();
    }

    /** The layer version ARNs {@code orders} runs with now. */
    List<String> layers() {
        return aws.lambda().getFunctionConfiguration(r -> r.functionName("orders")).layers().stream()
                .map(l -> l.arn())
                .toList();
    }

    /** The ARN of version {@code version} of layer {@code deps}. */
    static String arn(int version) {
        return "arn:aws:lambda:" + REGION + ":" + MotoAws.ACCOUNT + ":layer:deps:" + version;
    }
}
