package dev.lambdadeploy.publish;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One function in one region. {@code code}: {@code created}, {@code updated}, {@code up-to-date} (CodeSha256 equal)
 * or {@code would-create}/{@code would-update} in a dry run; {@code configuration}: {@code updated},
 * {@code up-to-date} or {@code would-update}; {@code changes} names what changed. {@code imageUri} and
 * {@code previousImageUri} are set for image functions. A failed function has code and configuration {@code failed},
 * {@code error} (why) and {@code leftIn} (what state the deploy left it in, e.g. {@code unchanged}); {@code cause},
 * never written to JSON, keeps an unexpected exception (a bug rather than an AWS failure) with its stack for
 * {@code mvn -e}. Built with {@link #builder(String)} or {@link #failed}.
 */
public record FunctionResult(
        String name,
        String functionArn,
        DeployAction code,
        DeployAction configuration,
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
        String leftIn,
        @JsonIgnore Throwable cause) {

    public FunctionResult {
        changes = changes == null ? List.of() : List.copyOf(changes);
        layers = layers == null ? List.of() : List.copyOf(layers);
        previousLayers = previousLayers == null ? List.of() : List.copyOf(previousLayers);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A function whose deploy failed: {@code error} says why, {@code leftIn} what state it is in now; {@code cause}
     * is the unexpected exception behind it, or {@code null} for an expected (AWS, deploy) failure.
     */
    public static FunctionResult failed(
            String name, String functionArn, String codeSha256, String error, String leftIn, Throwable cause) {
        return builder(name)
                .functionArn(functionArn)
                .code(DeployAction.FAILED)
                .configuration(DeployAction.FAILED)
                .codeSha256(codeSha256)
                .failure(error, leftIn, cause)
                .build();
    }

    public boolean failed() {
        return error != null;
    }

    public boolean changed() {
        return code != DeployAction.UP_TO_DATE || configuration != DeployAction.UP_TO_DATE || publishedVersion != null;
    }

    /** Names each component; what is not set stays {@code null} (lists empty, no bytes uploaded). */
    public static final class Builder {
        private final String name;
        private String functionArn;
        private DeployAction code;
        private DeployAction configuration;
        private List<String> changes;
        private String codeSha256;
        private String previousCodeSha256;
        private List<String> layers;
        private List<String> previousLayers;
        private String publishedVersion;
        private String alias;
        private String s3Bucket;
        private String s3Key;
        private long bytesUploaded;
        private String imageUri;
        private String previousImageUri;
        private String error;
        private String leftIn;
        private Throwable cause;

        private Builder(String name) {
            this.name = name;
        }

        public Builder functionArn(String functionArn) {
            this.functionArn = functionArn;
            return this;
        }

        public Builder code(DeployAction code) {
            this.code = code;
            return this;
        }

        public Builder configuration(DeployAction configuration) {
            this.configuration = configuration;
            return this;
        }

        public Builder changes(List<String> changes) {
            this.changes = changes;
            return this;
        }

        public Builder codeSha256(String codeSha256) {
            this.codeSha256 = codeSha256;
            return this;
        }

        public Builder previousCodeSha256(String previousCodeSha256) {
            this.previousCodeSha256 = previousCodeSha256;
            return this;
        }

        public Builder layers(List<String> layers) {
            this.layers = layers;
            return this;
        }

        public Builder previousLayers(List<String> previousLayers) {
            this.previousLayers = previousLayers;
            return this;
        }

        public Builder publishedVersion(String publishedVersion) {
            this.publishedVersion = publishedVersion;
            return this;
        }

        public Builder alias(String alias) {
            this.alias = alias;
            return this;
        }

        /** The S3 object the code was deployed from; {@code null} for a direct upload. */
        Builder s3(S3Location s3) {
            this.s3Bucket = s3 == null ? null : s3.bucket();
            this.s3Key = s3 == null ? null : s3.key();
            return this;
        }

        public Builder s3(String bucket, String key) {
            this.s3Bucket = bucket;
            this.s3Key = key;
            return this;
        }

        public Builder bytesUploaded(long bytesUploaded) {
            this.bytesUploaded = bytesUploaded;
            return this;
        }

        public Builder imageUri(String imageUri) {
            this.imageUri = imageUri;
            return this;
        }

        public Builder previousImageUri(String previousImageUri) {
            this.previousImageUri = previousImageUri;
            return this;
        }

        public Builder failure(String error, String leftIn, Throwable cause) {
            this.error = error;
            this.leftIn = leftIn;
            this.cause = cause;
            return this;
        }

        public FunctionResult build() {
            return new FunctionResult(
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
                    error,
                    leftIn,
                    cause);
        }
    }
}
