package dev.lambdadeploy.invoke;

import dev.lambdadeploy.aws.Partitions;
import dev.lambdadeploy.log.BuildLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a handler in a fresh JVM started the way Lambda's Java 17/21 runtime starts it: same JVM flags (heap at 85 % of
 * the memory size, SerialGC, C1 only, ...), Lambda's environment variables with dummy credentials, the function's
 * JAVA_TOOL_OPTIONS, and the runtime jars on the JVM classpath with the function in a child class loader.
 */
public final class LambdaInvoker {
    /** The account in the local function ARN: none, nothing is called. */
    static final String LOCAL_ACCOUNT = "000000000000";

    private final BuildLog log;

    public LambdaInvoker(BuildLog log) {
        this.log = log;
    }

    /** JVM options of Lambda's managed Java 17/21 runtime (its CDS archive becomes the JDK's default archive). */
    public static List<String> lambdaJvmFlags(int memoryMb) {
        long heapKb = Math.round(memoryMb * 1024L * 0.85);
        return List.of(
                "-XX:MaxHeapSize=" + heapKb + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-Djava.net.preferIPv4Stack=true",
                "-XX:+ErrorFileToStderr");
    }

    /**
     * The environment Lambda gives a function, with harmless dummy credentials (never the caller's), then the
     * function's own variables on top.
     */
    public static Map<String, String> lambdaEnvironment(LambdaLayout layout, InvokeRequest req) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", layout.task().toAbsolutePath().toString());
        env.put("LAMBDA_RUNTIME_DIR", layout.root().toAbsolutePath().toString());
        env.put("_HANDLER", req.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature());
        env.put("AWS_LAMBDA_FUNCTION_NAME", req.functionName());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(req.memoryMb()));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + req.functionName());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]lambda-deploy-invoke");
        env.put("AWS_REGION", req.region());
        env.put("AWS_DEFAULT_REGION", req.region());
        env.put("AWS_ACCESS_KEY_ID", "AKIDLOCALINVOKE0000");
        env.put("AWS_SECRET_ACCESS_KEY", "local-invoke-dummy-secret");
        env.put("AWS_SESSION_TOKEN", "local-invoke-dummy-session-token");
        env.putAll(req.environment());
        return env;
    }

    public List<String> command(LambdaLayout layout, InvokeRequest req, Path eventFile, Path resultFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(req.javaExecutable().toString());
        cmd.addAll(lambdaJvmFlags(req.memoryMb()));
        cmd.addAll(req.extraJvmArgs());
        cmd.add("-Dlambdadeploy.optRoot=" + layout.optJava().toAbsolutePath());
        cmd.add("-Dlambdadeploy.timeoutMs=" + req.timeout().toMillis());
        if (req.region() != null && !req.region().isBlank()) {
            // Context.getInvokedFunctionArn in the region's partition (arn:aws-cn: in China): the shim has no SDK
            cmd.add("-Dlambdadeploy.functionArn="
                    + Partitions.functionArn(req.region(), LOCAL_ACCOUNT, req.functionName()));
        }
        cmd.add("-cp");
        cmd.add(ShimClasspath.entries().stream()
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator)));
        cmd.add(ShimClasspath.MAIN_CLASS);
        cmd.add(req.handler());
        cmd.add(eventFile.toAbsolutePath().toString());
        cmd.add(resultFile.toAbsolutePath().toString());
        cmd.add(Integer.toString(req.invocations()));
        return cmd;
    }

    /**
     * Runs once. Returns the result whatever the handler did; throws only when the JVM could not run the shim at all
     * (bad JVM options, timeout). {@code echo} forwards the function's output to the build log.
     */
    public InvokeResult run(LambdaLayout layout, InvokeRequest req, boolean echo) throws InvokeException {
        Path dir = layout.root().resolve("runs").resolve(req.runId());
        Path eventFile = dir.resolve("event.json");
        Path resultFile = dir.resolve("result.properties");
        Path logFile = dir.resolve("output.log");
        List<String> cmd = command(layout, req, eventFile, resultFile);
        Process p;
        long spawn;
        try {
            LambdaLayout.deleteTree(dir);
            Files.createDirectories(dir);
            Files.write(eventFile, req.event());
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(layout.task().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullInput(dir).toFile()));
            pb.environment().clear();
            pb.environment().putAll(lambdaEnvironment(layout, req));
            spawn = nowMicros();
            p = pb.start();
        } catch (IOException e) {
            throw new InvokeException(
                    "Could not start " + req.javaExecutable() + ": " + e.getMessage()
                            + " (set <java> / lambda.invoke.java to a Java 17+ executable)",
                    e);
        }
        try {
            if (!p.waitFor(req.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new InvokeException(
                        "The handler did not finish within " + req.timeout().toSeconds()
                                + " s (the function's timeout; raise <timeout> / lambda.timeout). Output: " + logFile,
                        true);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InvokeException("Interrupted while waiting for the handler", e);
        }
        List<String> output = readLines(logFile);
        if (echo) {
            output.forEach(l -> log.info("[" + req.functionName() + "] " + l));
        }
        if (!Files.isRegularFile(resultFile)) {
            List<String> tail = output.subList(Math.max(0, output.size() - 20), output.size());
            throw new InvokeException(
                    "The invoke JVM exited with code " + p.exitValue()
                            + " before reporting a result; check JAVA_TOOL_OPTIONS and <java>. Last output:\n  "
                            + String.join("\n  ", tail),
                    false);
        }
        return parse(resultFile, spawn, req.invocations(), logFile, cmd);
    }

    private static Path nullInput(Path dir) throws IOException {
        Path empty = dir.resolve("stdin");
        Files.write(empty, new byte[0]);
        return empty;
    }

    private static InvokeResult parse(Path resultFile, long spawn, int invocations, Path logFile, List<String> cmd)
            throws InvokeException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(resultFile)) {
            p.load(in);
        } catch (IOException e) {
            throw new InvokeException("Unreadable result " + resultFile + ": " + e.getMessage(), e);
        }
        List<Long> ends = new ArrayList<>();
        List<String> responses = new ArrayList<>();
        for (int i = 1; i <= invocations; i++) {
            String end = p.getProperty("t.invoke." + i);
            if (end != null && p.getProperty("response." + i) != null) {
                ends.add(Long.parseLong(end));
                responses.add(p.getProperty("response." + i));
            }
        }
        InvokeTimings t = new InvokeTimings(spawn, num(p, "t.main"), num(p, "t.classReady"), num(p, "t.ready"), ends);
        return new InvokeResult(
                p.getProperty("outcome", "unknown"),
                responses,
                t,
                p.getProperty("error.type"),
                p.getProperty("error.message"),
                p.getProperty("error.stackTrace"),
                num(p, "peakRssKb"),
                num(p, "heapUsedBytes"),
                logFile,
                cmd);
    }

    private static long num(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    private static List<String> readLines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Turns a failed result into the exception the build reports: the user's stack trace, or how to fix the handler. */
    public static void requireSuccess(InvokeResult r, LambdaLayout layout, String handler) throws InvokeException {
        switch (r.outcome()) {
            case "ok" -> {}
            case "handlerError" ->
                throw new InvokeException(
                        "The handler " + handler + " threw " + r.errorType() + ": " + r.errorMessage() + "\n"
                                + r.errorStackTrace(),
                        true);
            case "initError" ->
                throw new InvokeException(
                        "Initialising the handler " + handler
                                + " failed (static initializer or constructor threw " + r.errorType() + ")\n"
                                + r.errorStackTrace(),
                        true);
            case "handlerNotFound" -> throw new InvokeException(HandlerHints.notFound(layout, handler), false);
            case "badHandler" ->
                throw new InvokeException(
                        "Handler '" + handler + "' cannot be invoked: " + r.errorMessage()
                                + ". Fix the class or <handler> (lambda.handler).",
                        false);
            default ->
                throw new InvokeException("The invoke JVM reported '" + r.outcome() + "'; see " + r.logFile(), false);
        }
    }
}
