package dev.lambdadeploy.publish;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * A function as found before the deploy changes anything; {@code current == null} when it does not exist.
 * {@code imageUri}/{@code resolvedImageUri}: the image of an image function (as deployed, and pinned by digest).
 */
record FunctionState(
        String name,
        FunctionConfiguration current,
        Map<String, String> tags,
        String imageUri,
        String resolvedImageUri) {
    FunctionState {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    FunctionState(String name, FunctionConfiguration current, Map<String, String> tags) {
        this(name, current, tags, null, null);
    }

    /**
     * True when the function already runs this image: the same URI, or (deployed by tag or another host name)
     * the same digest as Lambda resolved it.
     */
    boolean runsImage(String wantedUri, String digest) {
        if (current == null) {
            return false;
        }
        return wantedUri.equals(imageUri) || (resolvedImageUri != null && resolvedImageUri.endsWith("@" + digest));
    }

    boolean exists() {
        return current != null;
    }

    List<String> layerArns() {
        return current == null
                ? List.of()
                : current.layers().stream().map(l -> l.arn()).toList();
    }

    /** True when the function lacks this code or runs on another architecture: UpdateFunctionCode needed. */
    boolean needsCode(String codeSha256, String architecture) {
        return current == null || !codeSha256.equals(current.codeSha256()) || architectureDiffers(architecture);
    }

    boolean architectureDiffers(String architecture) {
        return current != null
                && !current.architecturesAsStrings().isEmpty()
                && !current.architecturesAsStrings().equals(List.of(architecture));
    }

    String account() {
        String[] parts = current == null ? new String[0] : current.functionArn().split(":");
        return parts.length > 4 ? parts[4] : null;
    }
}
