package dev.lambdadeploy.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A server process for the tests ({@link MotoServer}, {@link DockerRegistry}) on a free loopback port: started, then
 * polled over HTTP until it answers; a port taken by someone else in between is met by trying another (three in all).
 */
final class ServerProcess {
    /** Starts the server on {@code port}, its output into {@code log}. */
    interface Launcher {
        Process start(int port, Path log) throws IOException;
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the server and returns once GET {@code readyPath} answers with one of {@code readyStatuses}; fails the
     * test with the server's log when three ports did not give a server that answered within {@code timeout}.
     */
    static ServerProcess start(
            String name,
            String readyPath,
            Set<Integer> readyStatuses,
            Duration timeout,
            IntFunction<Path> logForPort,
            Launcher launcher)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path log = logForPort.apply(port);
            ServerProcess server = new ServerProcess(launcher.start(port, log), port, log);
            if (server.awaitReady(readyPath, readyStatuses, timeout)) {
                return server;
            }
            server.stop();
            if (attempt == 3) {
                fail(name + " did not become ready on port " + port + "; see " + log + ":\n" + Files.readString(log));
            }
        }
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    private boolean awaitReady(String path, Set<Integer> statuses, Duration timeout) throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> r = HTTP.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (statuses.contains(r.statusCode())) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100); // the interval between two polls
        }
        return false;
    }

    /** Stops the process and any it started (python3 -m moto.server may fork). */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The executable {@code name} in a folder of the PATH, or null. */
    static Path onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name);
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
