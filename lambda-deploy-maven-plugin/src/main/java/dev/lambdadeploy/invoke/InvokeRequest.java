package dev.lambdadeploy.invoke;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One local run of a handler in a fresh JVM. {@code memoryMb} sizes the heap the way Lambda does (85 %),
 * {@code environment} are the function's own variables (JAVA_TOOL_OPTIONS among them), {@code extraJvmArgs} are for
 * probes (class-load logging) and never part of what Lambda would run.
 */
public record InvokeRequest(
        String handler,
        byte[] event,
        Path javaExecutable,
        int memoryMb,
        String functionName,
        String region,
        Duration timeout,
        Map<String, String> environment,
        int invocations,
        List<String> extraJvmArgs,
        String runId) {

    public InvokeRequest {
        environment = environment == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(environment));
        extraJvmArgs = extraJvmArgs == null ? List.of() : List.copyOf(extraJvmArgs);
        if (invocations < 1) {
            throw new IllegalArgumentException("invocations must be at least 1");
        }
    }

    public InvokeRequest withExtraJvmArgs(List<String> args, String id) {
        return new InvokeRequest(
                handler,
                event,
                javaExecutable,
                memoryMb,
                functionName,
                region,
                timeout,
                environment,
                invocations,
                args,
                id);
    }

    public InvokeRequest withEnvironment(Map<String, String> env) {
        return new InvokeRequest(
                handler,
                event,
                javaExecutable,
                memoryMb,
                functionName,
                region,
                timeout,
                env,
                invocations,
                extraJvmArgs,
                runId);
    }

    /** The JVM of the running build, used when no other is configured. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
