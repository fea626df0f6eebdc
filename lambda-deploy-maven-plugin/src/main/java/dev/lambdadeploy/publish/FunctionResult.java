package dev.lambdadeploy.publish;

import java.util.List;

/**
 * One function in one region. {@code code}: {@code created}, {@code updated}, {@code up-to-date} (CodeSha256 equal)
 * or {@code would-create}/{@code would-update} in a dry run; {@code configuration}: {@code updated},
 * {@code up-to-date} or {@code would-update}; {@code changes} names what changed. {@code imageUri} and
 * {@code previousImageUri} are set for image functions. A failed function has code and configuration {@code failed},
 * {@code error} (why) and {@code leftIn} (what state the deploy left it in, e.g. {@code unchanged}).
 */
public record FunctionResult(
        String name,
        String functionArn,
        String code,
        String configuration,
        List<String> changes,
        String codeSha256,
        String previousCodeSha256,
        List<String> layers,
        List<String> previousLayers,
        String publishedVersion,
        String alias,
        String s3Bucket,
        String s3Key,
        long bytesUploaded,
        String imageUri,
        String previousImageUri,
        String error,
        String leftIn) {

    public FunctionResult {
        changes = changes == null ? List.of() : List.copyOf(changes);
        layers = layers == null ? List.of() : List.copyOf(layers);
        previousLayers = previousLayers == null ? List.of() : List.copyOf(previousLayers);
    }

    public FunctionResult(
            String name,
            String functionArn,
            String code,
            String configuration,
            List<String> changes,
            String codeSha256,
            String previousCodeSha256,
            List<String> layers,
            List<String> previousLayers,
            String publishedVersion,
            String alias,
            String s3Bucket,
            String s3Key,
            long bytesUploaded,
            String imageUri,
            String previousImageUri) {
        this(
                name,
                functionArn,
                code,
                configuration,
                changes,
                codeSha256,
                previousCodeSha256,
                layers,
                previousLayers,
                publishedVersion,
                alias,
                s3Bucket,
                s3Key,
                bytesUploaded,
                imageUri,
                previousImageUri,
                null,
                null);
    }

    /** A function whose deploy failed: {@code error} says why, {@code leftIn} what state it is in now. */
    public static FunctionResult failed(
            String name, String functionArn, String codeSha256, String error, String leftIn) {
        return new FunctionResult(
                name,
                functionArn,
                "failed",
                "failed",
                List.of(),
                codeSha256,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                error,
                leftIn);
    }

    public boolean failed() {
        return error != null;
    }

    public boolean changed() {
        return !"up-to-date".equals(code) || !"up-to-date".equals(configuration) || publishedVersion != null;
    }
}
