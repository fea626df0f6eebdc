package dev.lambdadeploy.publish;

import java.util.List;

/**
 * What the deploy did in one region; {@code error} is set when the region failed (then nothing after it ran);
 * {@code image} in image mode, once the image was pushed.
 */
public record RegionResult(String region, String status, String bucket, List<LayerResult> layers,
        List<FunctionResult> functions, long bytesUploaded, String error, ImageDeployResult image) {

    public RegionResult {
        layers = layers == null ? List.of() : List.copyOf(layers);
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    public boolean failed() {
        return error != null;
    }

    public boolean upToDate() {
        return !failed() && layers.stream().allMatch(l -> "up-to-date".equals(l.action()))
                && functions.stream().noneMatch(FunctionResult::changed);
    }
}
