package dev.lambdadeploy.publish;

import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.testing.FaultProxy;
import dev.lambdadeploy.testing.MotoAws;
import dev.lambdadeploy.testing.MotoServer;
import dev.lambdadeploy.testing.RecordingLog;
import dev.lambdadeploy.testing.TestPackage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scene of the deploy tests whose engine talks to a real moto_server through a {@link FaultProxy}: for every
 * test the function {@code orders} exists as someone created it before the plugin ran, and version 1 of the test
 * package (layer {@code deps} and the function) is written. What AWS holds is read from moto directly ({@link #aws}),
 * not through the proxy.
 */
abstract class DeployThroughProxy {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    static final String REGION = "eu-west-1";

    @RegisterExtension
    final MotoAws moto = MotoAws.eachTest(MOTO, REGION);

    @TempDir
    Path dir;

    final RecordingLog log = new RecordingLog();
    TestPackage pkg;
    FaultProxy proxy;
    AwsClients aws;

    @BeforeEach
    void createOrdersAndStartProxy() throws Exception {
        aws = moto.clients();
        proxy = FaultProxy.start(MOTO.endpoint());
        pkg = new TestPackage(dir.resolve("target/lambda"));
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
