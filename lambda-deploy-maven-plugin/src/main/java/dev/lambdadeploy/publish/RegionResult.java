package dev.lambdadeploy.publish;

import java.util.List;

/**
 * What the deploy did in one region; {@code error} is set when the region failed before any function was changed
 * (then nothing after it ran), a failed function has its own error and the others were still deployed;
 * {@code image} in image mode, once the image was pushed.
 */
public record RegionResult(
        String region,
        String status,
        String bucket,
        List<LayerResult> layers,
        List<FunctionResult> functions,
        long bytesUploaded,
        String error,
        ImageDeployResult image) {

    public RegionResult {
        layers = layers == null ? List.of() : List.copyOf(layers);
        functions = functions == null ? List.of() : List.copyOf(functions);
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
                && layers.stream().allMatch(l -> "up-to-date".equals(l.action()))
                && functions.stream().noneMatch(FunctionResult::changed);
    }
}
