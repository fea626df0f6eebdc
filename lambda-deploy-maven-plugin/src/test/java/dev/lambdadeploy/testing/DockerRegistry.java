package dev.lambdadeploy.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Debian docker-registry (distribution 2.8) on a free loopback port for one test class, with a generated
 * config, storage and log under target/docker-registry/, stopped afterwards. Optionally behind basic auth (a bcrypt
 * htpasswd file made with htpasswd). When the binary is missing, scripts/ensure-docker-registry.sh installs it; if
 * that cannot, the tests are skipped with the reason, except on CI (CI=true), where they fail.
 * Register with {@code @RegisterExtension static final DockerRegistry REGISTRY = DockerRegistry.anonymous();}.
 */
public final class DockerRegistry implements BeforeAllCallback, AfterAllCallback {
    /** An access-log line of a finished blob upload: {@code "PUT /v2/<repo>/blobs/uploads/<id>?...digest=... HTTP/1.1" 201}. */
    private static final Pattern UPLOAD =
            Pattern.compile("\"PUT /v2/(\\S+)/blobs/uploads/\\S*[?&]digest=([^&\\s\"]+)\\S* HTTP/[0-9.]+\" 201");

    private final String user;
    private final String password;
    private ServerProcess server;
    private Path dir;

    private DockerRegistry(String user, String password) {
        this.user = user;
        this.password = password;
    }

    public static DockerRegistry anonymous() {
        return new DockerRegistry(null, null);
    }

    /** A registry that wants HTTP basic auth with this user and password (bcrypt in htpasswd). */
    public static DockerRegistry withBasicAuth(String user, String password) {
        return new DockerRegistry(user, password);
    }

    /** {@code 127.0.0.1:port}, the registry part of image references. */
    public String host() {
        return "127.0.0.1:" + server.port();
    }

    public Path logFile() {
        return server.log();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String binary = ensureInstalled(context);
        dir = Path.of("target", "docker-registry")
                .toAbsolutePath()
                .resolve(context.getRequiredTestClass().getSimpleName() + "-"
                        + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(dir);
        if (user != null) {
            run(List.of("htpasswd", "-Bbc", dir.resolve("htpasswd").toString(), user, password));
        }
        server = ServerProcess.start(
                "docker-registry",
                "/v2/",
                Set.of(200, 401),
                Duration.ofSeconds(20),
                port -> dir.resolve("registry-" + port + ".log"),
                (port, log) -> {
                    Path config = dir.resolve("config-" + port + ".yml");
                    Files.writeString(config, config(port));
                    return new ProcessBuilder(binary, "serve", config.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
                });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private String config(int port) {
        String auth = user == null
                ? ""
                : "auth:\n  htpasswd:\n    realm: lambda-deploy-test\n    path: " + dir.resolve("htpasswd") + "\n";
        return "version: 0.1\n"
                + "log:\n  level: info\n  accesslog:\n    disabled: false\n"
                + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("storage") + "\n"
                + "  delete:\n    enabled: true\n  maintenance:\n    uploadpurging:\n      enabled: false\n"
                + "http:\n  addr: 127.0.0.1:" + port + "\n  secret: " + UUID.randomUUID() + "\n"
                + auth;
    }

    /** Digests of every blob upload the registry completed so far, in order (from its access log). */
    public List<String> uploadedBlobs() throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = UPLOAD.matcher(Files.readString(server.log()));
        while (m.find()) {
            out.add(URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Blob uploads completed after {@code mark} = a previous {@code uploadedBlobs().size()}. */
    public List<String> uploadedBlobsSince(int mark) throws IOException {
        List<String> all = uploadedBlobs();
        return all.subList(mark, all.size());
    }

    /** The docker-registry binary; installs it (and htpasswd) with the project's script when missing. */
    private static String ensureInstalled(ExtensionContext context) throws IOException, InterruptedException {
        String binary = binary();
        if (binary != null && ServerProcess.onPath("htpasswd") != null) {
            return binary;
        }
        Path script = script();
        String output = "";
        if (script != null) {
            Process p = new ProcessBuilder("bash", script.toString())
                    .redirectErrorStream(true)
                    .start();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(15, TimeUnit.MINUTES);
        }
        binary = binary();
        if (binary != null && ServerProcess.onPath("htpasswd") != null) {
            return binary;
        }
        String why = "docker-registry or htpasswd is missing and scripts/ensure-docker-registry.sh could not install "
                + "them:\n" + output + "Install them with `sudo apt-get install -y docker-registry apache2-utils`.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + " CI=true, so the image tests must not be skipped.");
        }
        Assumptions.abort(why + " Skipping " + context.getDisplayName());
        return null;
    }

    private static String binary() {
        Path onPath = ServerProcess.onPath("docker-registry");
        if (onPath != null) {
            return onPath.toString();
        }
        return Files.isExecutable(Path.of("/usr/bin/docker-registry")) ? "/usr/bin/docker-registry" : null;
    }

    /** scripts/ensure-docker-registry.sh of this checkout, found from the module folder upwards. */
    private static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("scripts/ensure-docker-registry.sh");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        return null;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 2)) + " failed: " + out);
        }
    }
}
