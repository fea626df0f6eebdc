package dev.lambdadeploy.publish;

import java.util.Map;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * A setting of a function's configuration the deploy changes; {@link #wire()} is its name in {@code changes} of
 * deploy-result.json and in the console. Each one knows how to put back the value the function had before, which is
 * what a failed code update restores.
 */
enum ConfigChange {
    LAYERS("layers") {
        @Override
        void restore(FunctionConfiguration before, UpdateFunctionConfigurationRequest.Builder back) {
            back.layers(before.layers().stream().map(l -> l.arn()).toList());
        }
    },
    HANDLER("handler") {
        @Override
        void restore(FunctionConfiguration before, UpdateFunctionConfigurationRequest.Builder back) {
            back.handler(before.handler());
        }
    },
    RUNTIME("runtime") {
        @Override
        void restore(FunctionConfiguration before, UpdateFunctionConfigurationRequest.Builder back) {
            back.runtime(before.runtimeAsString());
        }
    },
    MEMORY("memory") {
        @Override
        void restore(FunctionConfiguration before, UpdateFunctionConfigurationRequest.Builder back) {
            back.memorySize(before.memorySize());
        }
    },
    TIMEOUT("timeout") {
        @Override
        void restore(FunctionConfiguration before, UpdateFunctionConfigurationRequest.Builder back) {
            back.timeout(before.timeout());
        }
    },
    DESCRIPTION("description") {
        @Override
        void restore(FunctionConfiguration before, UpdateFunctionConfigurationRequest.Builder back) {
            back.description(before.description());
        }
    },
    ENVIRONMENT("environment") {
        @Override
        void restore(FunctionConfiguration before, UpdateFunctionConfigurationRequest.Builder back) {
            back.environment(e -> e.variables(
                    before.environment() == null
                            ? Map.of()
                            : before.environment().variables()));
        }
    },
    SNAPSTART("snapstart") {
        @Override
        void restore(FunctionConfiguration before, UpdateFunctionConfigurationRequest.Builder back) {
            back.snapStart(s -> s.applyOn(
                    before.snapStart() == null
                            ? SnapStartApplyOn.NONE
                            : before.snapStart().applyOn()));
        }
    };

    private final String wire;

    ConfigChange(String wire) {
        this.wire = wire;
    }

    /** The documented name, e.g. {@code memory}. */
    String wire() {
        return wire;
    }

    /** Sets on {@code back} the value {@code before} had for this setting. */
    abstract void restore(FunctionConfiguration before, UpdateFunctionConfigurationRequest.Builder back);

    @Override
    public String toString() {
        return wire;
    }
}
