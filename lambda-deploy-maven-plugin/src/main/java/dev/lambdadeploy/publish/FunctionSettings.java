package dev.lambdadeploy.publish;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the deploy sets on every function; {@code null} leaves a setting as the function has it. {@code role} (and
 * {@code handler}) make a missing function get created instead of failing the deploy. Built by name with
 * {@link #builder()}.
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
        return builder().build();
    }

    /** Every setting unset: left as the function has it, no version published. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder()
                .handler(handler)
                .runtime(runtime)
                .memorySize(memorySize)
                .timeout(timeout)
                .environment(environment)
                .javaToolOptions(javaToolOptions)
                .role(role)
                .description(description)
                .publishVersion(publishVersion)
                .alias(alias)
                .snapStart(snapStart);
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

    public static final class Builder {
        private String handler;
        private String runtime;
        private Integer memorySize;
        private Integer timeout;
        private Map<String, String> environment = Map.of();
        private String javaToolOptions;
        private String role;
        private String description;
        private boolean publishVersion;
        private String alias;
        private boolean snapStart;

        private Builder() {}

        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        public Builder runtime(String runtime) {
            this.runtime = runtime;
            return this;
        }

        public Builder memorySize(Integer memorySize) {
            this.memorySize = memorySize;
            return this;
        }

        public Builder timeout(Integer timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        public Builder javaToolOptions(String javaToolOptions) {
            this.javaToolOptions = javaToolOptions;
            return this;
        }

        public Builder role(String role) {
            this.role = role;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder publishVersion(boolean publishVersion) {
            this.publishVersion = publishVersion;
            return this;
        }

        public Builder alias(String alias) {
            this.alias = alias;
            return this;
        }

        public Builder snapStart(boolean snapStart) {
            this.snapStart = snapStart;
            return this;
        }

        public FunctionSettings build() {
            return new FunctionSettings(
                    handler,
                    runtime,
                    memorySize,
                    timeout,
                    environment,
                    javaToolOptions,
                    role,
                    description,
                    publishVersion,
                    alias,
                    snapStart);
        }
    }
}
