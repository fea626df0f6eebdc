package dev.lambdadeploy.publish;

/** An uploaded zip; {@code bytesUploaded} is 0 when the object was already there (or uploaded for another function). */
record S3Location(String bucket, String key, long bytesUploaded) {
    S3Location alreadyUploaded() {
        return new S3Location(bucket, key, 0);
    }
}
