package dev.lambdadeploy.publish;

import java.util.List;

/**
 * One function in one region. {@code code}: {@code created}, {@code updated}, {@code up-to-date} (CodeSha256 equal)
 * or {@code would-create}/{@code would-update} in a dry run; {@code configuration}: {@code updated},
 * {@code up-to-date} or {@code would-update}; {@code changes} names what changed. {@code imageUri} and
 * {@code previousImageUri} are set for image functions.
 */
public record FunctionResult(String name, String functionArn, String code, String configuration, List<String> changes,
        String codeSha256, String previousCodeSha256, List<String> layers, List<String> previousLayers,
        String publishedVersion, String alias, String s3Bucket, String s3Key, long bytesUploaded,
        String imageUri, String previousImageUri) {

    public FunctionResult {
        changes = changes == null ? List.of() : List.copyOf(changes);
        layers = layers == null ? List.of() : List.copyOf(layers);
        previousLayers = previousLayers == null ? List.of() : List.copyOf(previousLayers);
    }

    public boolean changed() {
        return !"up-to-date".equals(code) || !"up-to-date".equals(configuration) || publishedVersion != null;
    }
}
