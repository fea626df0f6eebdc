package dev.lambdadeploy.publish;

import java.util.Map;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * A setting of a function's configuration the deploy changes; {@link #wire()} is its name in {@code changes} of
 * deploy-result.json and in the console. Each one knows how to put back the value the function had before, which is
 * what a failed code update restores.
 */
enum ConfigChange {
    LAYERS(
            "layers",
            (before, back) ->
                    back.layers(before.layers().stream().map(l -> l.arn()).toList())),
    HANDLER("handler", (before, back) -> back.handler(before.handler())),
    RUNTIME("runtime", (before, back) -> back.runtime(before.runtimeAsString())),
    MEMORY("memory", (before, back) -> back.memorySize(before.memorySize())),
    TIMEOUT("timeout", (before, back) -> back.timeout(before.timeout())),
    DESCRIPTION("description", (before, back) -> back.description(before.description())),
    ENVIRONMENT(
            "environment",
            (before, back) -> back.environment(e -> e.variables(
                    before.environment() == null
                            ? Map.of()
                            : before.environment().variables()))),
    SNAPSTART(
            "snapstart",
            (before, back) -> back.snapStart(s -> s.applyOn(
                    before.snapStart() == null
                            ? SnapStartApplyOn.NONE
                            : before.snapStart().applyOn())));

    private final String wire;

    @SuppressWarnings("ImmutableEnumChecker") // each is a lambda above that captures nothing
    private final BiConsumer<FunctionConfiguration, UpdateFunctionConfigurationRequest.Builder> restore;

    ConfigChange(String wire, BiConsumer<FunctionConfiguration, UpdateFunctionConfigurationRequest.Builder> restore) {
        this.wire = wire;
        this.restore = restore;
    }

    /** The documented name, e.g. {@code memory}. */
    String wire() {
        return wire;
    }

    /** Sets on {@code back} the value {@code before} had for this setting. */
    void restore(FunctionConfiguration before, UpdateFunctionConfigurationRequest.Builder back) {
        restore.accept(before, back);
    }

    @Override
    public String toString() {
        return wire;
    }
}
