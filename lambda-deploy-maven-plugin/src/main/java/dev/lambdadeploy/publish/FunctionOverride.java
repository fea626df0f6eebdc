package dev.lambdadeploy.publish;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one function sets differently from the settings all functions share ({@code null}: as shared). Environment
 * variables are merged, the function's own winning. Runtime, alias and layers stay shared: every function runs the
 * same package.
 */
public record FunctionOverride(
        String handler,
        Integer memorySize,
        Integer timeout,
        Map<String, String> environment,
        String javaToolOptions,
        String role,
        String description,
        Boolean publishVersion,
        Boolean snapStart) {

    public FunctionOverride {
        environment = environment == null ? Map.of() : new TreeMap<>(environment);
    }

    public static FunctionOverride none() {
        return new FunctionOverride(null, null, null, Map.of(), null, null, null, null, null);
    }

    /** The shared settings with this function's own on top. */
    public FunctionSettings applyTo(FunctionSettings shared) {
        Map<String, String> env = new TreeMap<>(shared.environment());
        env.putAll(environment);
        return shared.toBuilder()
                .handler(handler != null ? handler : shared.handler())
                .memorySize(memorySize != null ? memorySize : shared.memorySize())
                .timeout(timeout != null ? timeout : shared.timeout())
                .environment(env)
                .javaToolOptions(javaToolOptions != null ? javaToolOptions : shared.javaToolOptions())
                .role(role != null ? role : shared.role())
                .description(description != null ? description : shared.description())
                .publishVersion(publishVersion != null ? publishVersion : shared.publishVersion())
                .snapStart(snapStart != null ? snapStart : shared.snapStart())
                .build();
    }
}
