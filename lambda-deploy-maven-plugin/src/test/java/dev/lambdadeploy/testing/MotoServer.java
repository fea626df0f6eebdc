package dev.lambdadeploy.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real moto_server (S3, Lambda, IAM, STS) on a free loopback port for one test class: started before all tests,
 * readiness-checked, stopped after; its log goes to target/moto/. Register with
 * {@code @RegisterExtension static final MotoServer MOTO = new MotoServer();}.
 * Without moto the tests are skipped with an install hint, except on CI (CI=true), where they fail.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback {
    public static final String INSTALL_HINT = "moto_server not found: install it with pip install \"moto[server]\" "
            + "(it must be on the PATH as moto_server, or importable by python3 as moto.server)";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();
    private ServerProcess server;

    /**
     * Sets one of moto's settings variables for this server, e.g. {@code MOTO_LAMBDA_STUB_ECR=false} so that Lambda
     * resolves image URIs against moto's ECR (image digests as in AWS) instead of hashing the URI string.
     */
    public MotoServer withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public Path logFile() {
        return server.log();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        List<String> command = command();
        if (command == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(INSTALL_HINT + "; CI=true, so the AWS tests must not be skipped");
            }
            String message = INSTALL_HINT + "; skipping " + context.getDisplayName();
            System.err.println("[WARNING] " + message); // surefire does not print why a whole class was skipped
            Assumptions.abort(message);
        }
        Path dir = Path.of("target", "moto").toAbsolutePath();
        Files.createDirectories(dir);
        String testClass = context.getRequiredTestClass().getSimpleName();
        server = ServerProcess.start(
                "moto_server",
                "/moto-api/",
                Set.of(200),
                Duration.ofSeconds(30),
                port -> dir.resolve(testClass + "-" + port + ".log"),
                (port, log) -> {
                    List<String> full = new ArrayList<>(command);
                    full.addAll(List.of("-H", "127.0.0.1", "-p", String.valueOf(port)));
                    ProcessBuilder pb =
                            new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
                    // moto's own boto session must not see the test's AWS settings (an empty AWS_PROFILE breaks it)
                    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
                    pb.environment().putAll(environment);
                    return pb.start();
                });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Forgets every resource (moto's reset API), so tests do not see each other's functions and layers. */
    public void reset() throws IOException, InterruptedException {
        post("/moto-api/reset", "");
    }

    /** Creates an IAM role through moto's IAM query API (moto's CreateFunction insists the role exists). */
    public String createRole(String name) throws IOException, InterruptedException {
        return createRole(name, "us-east-1");
    }

    /**
     * The role in the partition of {@code region} (moto keeps IAM per partition and picks it from the request's
     * signing region): Lambda in cn-north-1 accepts only an {@code arn:aws-cn:iam::} role.
     */
    public String createRole(String name, String region) throws IOException, InterruptedException {
        String body = post(
                "/",
                "Action=CreateRole&Version=2010-05-08&RoleName=" + name + "&AssumeRolePolicyDocument=%7B%7D",
                region);
        int start = body.indexOf("<Arn>");
        if (start < 0) {
            throw new IllegalStateException("CreateRole failed: " + body);
        }
        return body.substring(start + 5, body.indexOf("</Arn>", start));
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, "us-east-1");
    }

    private String post(String path, String body, String region) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(endpoint().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                // moto routes query-API calls by the service named in the credential scope; it checks no signature
                .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=test/20260101/" + region + "/iam/aws4_request, "
                                + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException(path + " -> HTTP " + res.statusCode() + ": " + res.body());
        }
        return res.body();
    }

    /** moto_server on the PATH, else python3 -m moto.server, else null. */
    static List<String> command() {
        Path onPath = ServerProcess.onPath("moto_server");
        if (onPath != null) {
            return List.of(onPath.toString());
        }
        try {
            Process p = new ProcessBuilder("python3", "-c", "import moto.server")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return List.of("python3", "-m", "moto.server");
            }
        } catch (IOException | InterruptedException e) {
            // no python3
        }
        return null;
    }
}
