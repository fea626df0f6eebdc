package com.example.s3;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists up to 20 keys of a bucket: {"bucket": "my-bucket", "prefix": "reports/"}.
 * Handler string: com.example.s3.ListObjectsHandler::handleRequest
 */
public class ListObjectsHandler implements RequestHandler<Map<String, String>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();

    // Created once per execution environment, with everything explicit: HTTP client, region and
    // credentials provider (each default lookup costs cold-start time).
    private static final S3Client S3 = S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .build();

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        String bucket = event.get("bucket");
        List<String> keys = S3
                .listObjectsV2(ListObjectsV2Request.builder()
                        .bucket(bucket)
                        .prefix(event.getOrDefault("prefix", ""))
                        .maxKeys(20)
                        .build())
                .contents()
                .stream()
                .map(S3Object::key)
                .collect(Collectors.toList());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("bucket", bucket);
        reply.put("keys", keys);
        try {
            return JSON.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
