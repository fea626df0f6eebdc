package com.example.analyze;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

public class BucketHandler implements RequestHandler<Map<String, String>, String> {
    // No .httpClient(...): the SDK finds url-connection-client through META-INF/services.
    private static final S3Client S3 = S3Client.builder().region(Region.of(System.getenv("AWS_REGION"))).build();

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        return "ready for " + capitalize(event.get("bucket")) + " via " + S3.serviceName();
    }

    /** Reflection with a computed name: invisible to static analysis, visible to the probe. */
    private static String capitalize(String s) {
        try {
            Class<?> words = Class.forName(String.join(".", "org", "apache", "commons", "text", "WordUtils"));
            return (String) words.getMethod("capitalize", String.class).invoke(null, s);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
