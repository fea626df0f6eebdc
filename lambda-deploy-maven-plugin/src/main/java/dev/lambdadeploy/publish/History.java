package dev.lambdadeploy.publish;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deploy history kept on the function itself, as tags (no state files, nothing to lose): what this plugin deployed
 * and what was there before, so status, rollback and prune can work from AWS alone. Layers are recorded as
 * {@code name:version} separated by spaces (tag values allow no commas); code as its CodeSha256, which is also the
 * S3 key of an S3-mode upload.
 */
public final class History {
    public static final String PREFIX = "lambda-deploy:";
    public static final String PROJECT = PREFIX + "project";
    public static final String LAYERS = PREFIX + "layers";
    public static final String CODE = PREFIX + "code-sha256";
    public static final String PREVIOUS_LAYERS = PREFIX + "previous-layers";
    public static final String PREVIOUS_CODE = PREFIX + "previous-code-sha256";
    public static final String DEPLOYED_AT = PREFIX + "deployed-at";
    public static final String GIT_COMMIT = PREFIX + "git-commit";
    public static final String IMAGE_URI = PREFIX + "image-uri";
    public static final String PREVIOUS_IMAGE_URI = PREFIX + "previous-image-uri";

    private History() {}

    /** Names of the layers the previous deploy managed. */
    public static Set<String> managedLayerNames(Map<String, String> tags) {
        String v = tags.get(LAYERS);
        if (v == null || v.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(v.trim().split("\\s+"))
                .map(s -> s.contains(":") ? s.substring(0, s.lastIndexOf(':')) : s)
                .collect(Collectors.toSet());
    }

    public static Map<String, String> tags(
            String project,
            String gitCommit,
            String codeSha256,
            List<String> managedLayerArns,
            String previousCodeSha256,
            List<String> previousManagedLayerArns) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(PROJECT, truncate(project));
        t.put(CODE, codeSha256);
        t.put(
                LAYERS,
                truncate(managedLayerArns.stream().map(LayerArns::shortForm).collect(Collectors.joining(" "))));
        if (previousCodeSha256 != null) {
            t.put(PREVIOUS_CODE, previousCodeSha256);
        }
        t.put(
                PREVIOUS_LAYERS,
                truncate(previousManagedLayerArns.stream()
                        .map(LayerArns::shortForm)
                        .collect(Collectors.joining(" "))));
        t.put(DEPLOYED_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        if (gitCommit != null) {
            t.put(GIT_COMMIT, gitCommit);
        }
        return t;
    }

    /** The tags of an image deploy: the code is the image digest, the image URIs now and before. */
    public static Map<String, String> imageTags(
            String project, String gitCommit, String digest, String imageUri, String previousImageUri) {
        Map<String, String> t = tags(project, gitCommit, digest, List.of(), null, List.of());
        t.put(IMAGE_URI, truncate(imageUri));
        if (previousImageUri != null) {
            t.put(PREVIOUS_IMAGE_URI, truncate(previousImageUri));
        }
        return t;
    }

    /** Tag values hold at most 256 characters. */
    private static String truncate(String v) {
        return v.length() <= 256 ? v : v.substring(0, 256);
    }
}
