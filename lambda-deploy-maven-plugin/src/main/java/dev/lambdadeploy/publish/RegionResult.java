package dev.lambdadeploy.publish;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the deploy did in one region; {@code error} is set when the region failed before any function was changed
 * (then nothing after it ran), a failed function has its own error and the others were still deployed;
 * {@code image} in image mode, once the image was pushed. {@code cause}, never written to JSON, keeps the unexpected
 * exception (a bug rather than an AWS or deploy failure) behind {@code error}, with its stack for {@code mvn -e}.
 */
public record RegionResult(
        String region,
        String status,
        String bucket,
        List<LayerResult> layers,
        List<FunctionResult> functions,
        long bytesUploaded,
        String error,
        ImageDeployResult image,
        @JsonIgnore Throwable cause) {

    public RegionResult {
        layers = layers == null ? List.of() : List.copyOf(layers);
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    public RegionResult(
            String region,
            String status,
            String bucket,
            List<LayerResult> layers,
            List<FunctionResult> functions,
            long bytesUploaded,
            String error,
            ImageDeployResult image) {
        this(region, status, bucket, layers, functions, bytesUploaded, error, image, null);
    }

    /**
     * The unexpected exception behind the region's failure or one of its functions', for the goal's failure to keep
     * its stack; {@code null} when every failure was an expected one.
     */
    public Throwable firstCause() {
        if (cause != null) {
            return cause;
        }
        return functions.stream()
                .map(FunctionResult::cause)
                .filter(c -> c != null)
                .findFirst()
                .orElse(null);
    }

    /** The region failed as a whole, or at least one of its functions did. */
    public boolean failed() {
        return error != null || functions.stream().anyMatch(FunctionResult::failed);
    }

    /** The region's error, else the first failed function's (named), else {@code null}. */
    public String firstError() {
        if (error != null) {
            return error;
        }
        return functions.stream()
                .filter(FunctionResult::failed)
                .findFirst()
                .map(f -> "function " + f.name() + " (left " + f.leftIn() + "): " + f.error())
                .orElse(null);
    }

    public boolean upToDate() {
        return !failed()
                && layers.stream().allMatch(l -> l.action() == DeployAction.UP_TO_DATE)
                && functions.stream().noneMatch(FunctionResult::changed);
    }
}
