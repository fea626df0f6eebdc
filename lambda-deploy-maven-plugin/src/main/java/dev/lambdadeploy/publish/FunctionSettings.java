package dev.lambdadeploy.publish;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the deploy sets on every function; {@code null} leaves a setting as the function has it. {@code role} (and
 * {@code handler}) make a missing function get created instead of failing the deploy.
 */
public record FunctionSettings(
        String handler,
        String runtime,
        Integer memorySize,
        Integer timeout,
        Map<String, String> environment,
        String javaToolOptions,
        String role,
        String description,
        boolean publishVersion,
        String alias,
        boolean snapStart) {

    public static final String DEFAULT_RUNTIME = "java21";

    public FunctionSettings {
        environment = environment == null ? Map.of() : new TreeMap<>(environment);
    }

    public static FunctionSettings none() {
        return new FunctionSettings(null, null, null, null, Map.of(), null, null, null, false, null, false);
    }

    /** Environment variables to set, JAVA_TOOL_OPTIONS included. */
    public Map<String, String> effectiveEnvironment() {
        Map<String, String> env = new TreeMap<>(environment);
        if (javaToolOptions != null && !javaToolOptions.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", javaToolOptions.trim());
        }
        return env;
    }

    /** SnapStart only applies to published versions, so it implies publishing one. */
    public boolean publishesVersion() {
        return publishVersion || snapStart || alias != null;
    }
}
