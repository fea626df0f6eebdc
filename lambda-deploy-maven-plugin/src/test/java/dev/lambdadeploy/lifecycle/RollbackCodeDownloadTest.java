package dev.lambdadeploy.lifecycle;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import dev.lambdadeploy.publish.DeployMode;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.FunctionSettings;
import dev.lambdadeploy.publish.LambdaDeployer;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.testing.AbstractMotoTest;
import dev.lambdadeploy.testing.Fault;
import dev.lambdadeploy.testing.FaultProxy;
import dev.lambdadeploy.testing.MotoAws;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rollback to a published version whose code is not in the deploy bucket (direct deploys): the code is downloaded
 * from GetFunction's {@code Code.Location} and checked against the version's CodeSha256 before anything changes.
 *
 * <p>moto's Location ({@code https://awslambda-<region>-tasks.s3...}) cannot be fetched, so the {@link FaultProxy}
 * answers GetFunction for that version with a Location on a loopback server that serves the zip, as AWS's presigned
 * S3 URL would. Every other call reaches moto.
 */
class RollbackCodeDownloadTest extends AbstractMotoTest {
    FaultProxy proxy;
    HttpServer codeServer;
    final AtomicInteger downloads = new AtomicInteger();
    byte[] v1Zip;
    String v1Code;
    String v2Code;

    @BeforeEach
    void deployTwiceDirectly() throws Exception {
        FunctionSettings publish = moto.functionSettings().publishVersion(true).build();
        for (int n = 1; n <= 2; n++) { // direct uploads: no deploy bucket, only Lambda keeps the old code
            pkg.writeVersion(n);
            DeployResult r = new LambdaDeployer(log)
                    .deploy(moto.deployRequest(pkg.dir(), "orders")
                            .mode(DeployMode.DIRECT)
                            .function(publish)
                            .build());
            assertFalse(r.failed(), () -> r.regions().get(0).error());
            if (n == 1) {
                v1Zip = Files.readAllBytes(pkg.dir().resolve("function.zip"));
                v1Code = pkg.manifest().function().codeSha256();
            }
        }
        v2Code = pkg.manifest().function().codeSha256();
        proxy = FaultProxy.start(MOTO.endpoint());
    }

    @AfterEach
    void tearDown() throws IOException {
        proxy.close();
        if (codeServer != null) {
            codeServer.stop(0);
        }
    }

    /** Serves {@code body} with {@code status} on a loopback port and points version 1's Code.Location at it. */
    String serveVersion1Code(int status, byte[] body) throws IOException {
        codeServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        codeServer.createContext("/presigned/orders-1.zip", x -> {
            downloads.incrementAndGet();
            x.sendResponseHeaders(status, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        codeServer.start();
        String location = "http://127.0.0.1:" + codeServer.getAddress().getPort()
                + "/presigned/orders-1.zip?X-Amz-Signature=secret";
        proxy.add(Fault.respond(
                h -> h.method().equals("GET")
                        && h.path().endsWith("/functions/orders")
                        && h.query().contains("Qualifier=1"),
                200,
                Map.of("Content-Type", "application/json"),
                "{\"Configuration\":{\"FunctionName\":\"orders\",\"Version\":\"1\",\"CodeSha256\":\"" + v1Code
                        + "\"},\"Code\":{\"RepositoryType\":\"S3\",\"Location\":\"" + location + "\"}}"));
        return location;
    }

    RollbackResult rollbackTo(String to) {
        LifecycleScope scope = new LifecycleScope(
                pkg.dir(),
                List.of(REGION),
                List.of("orders"),
                MotoAws.settings(proxy.uri()),
                "",
                new S3Settings("deploy-{region}", "builds", false, 0, 0),
                "demo-function",
                null);
        return new LambdaRollback(log)
                .rollback(new RollbackRequest(scope, to, Duration.ofSeconds(30), Duration.ofMillis(50)));
    }

    String currentCode() {
        return aws.lambda()
                .getFunctionConfiguration(r -> r.functionName("orders"))
                .codeSha256();
    }

    @Test
    void theCodeOfAPublishedVersionIsDownloadedCheckedAndRestored() throws Exception {
        serveVersion1Code(200, v1Zip);

        RollbackResult r = rollbackTo("1");

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertEquals(v1Code, currentCode());
        assertEquals(1, downloads.get());
        RollbackResult.FunctionRollback f = r.regions().get(0).functions().get(0);
        assertEquals("published version 1", f.codeSource());
        assertEquals(v2Code, f.fromCodeSha256());
        assertEquals(v1Code, f.toCodeSha256());
    }

    @Test
    void codeThatDoesNotMatchTheVersionIsRefusedAndNothingChanges() throws Exception {
        serveVersion1Code(200, "not the zip of version 1".getBytes(UTF_8));

        RollbackResult r = rollbackTo("1");

        assertTrue(r.failed());
        String error = r.regions().get(0).error();
        assertTrue(error.startsWith("The code downloaded for version 1 of orders has CodeSha256 "), error);
        assertTrue(error.contains(", not " + v1Code + "; nothing was changed."), error);
        assertEquals(v2Code, currentCode());
    }

    @Test
    void aFailedDownloadNeverShowsThePresignedUrl() throws Exception {
        String location = serveVersion1Code(403, "AccessDenied".getBytes(UTF_8));

        RollbackResult r = rollbackTo("1");

        assertTrue(r.failed());
        String error = r.regions().get(0).error();
        assertTrue(
                error.startsWith("Could not download the code of version 1 of orders from Lambda (HTTP 403)"), error);
        assertFalse(
                error.contains(location) || error.contains("X-Amz-Signature") || error.contains("presigned/"), error);
        assertFalse(log.text().contains("X-Amz-Signature"), log::text);
        assertEquals(v2Code, currentCode());
    }
}
