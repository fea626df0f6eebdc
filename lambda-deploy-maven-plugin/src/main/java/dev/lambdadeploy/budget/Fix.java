package dev.lambdadeploy.budget;

/**
 * A concrete way out of a violation. {@code snippet} is POM XML to paste (or a command), {@code bytesSaved} what it
 * removes from the measured amount (0 for fixes that lift the limit instead), {@code sufficient} whether it alone
 * brings the amount under the limit.
 */
public record Fix(Kind kind, String title, String snippet, long bytesSaved, boolean sufficient) {
    public enum Kind {
        S3_UPLOAD,
        EXCLUDE_DEPENDENCY,
        OWN_LAYER,
        MERGE_LAYERS,
        CONTAINER_IMAGE
    }
}
