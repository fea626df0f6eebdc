package dev.lambdadeploy.aws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The code of a published function version, from the presigned URL in GetFunction's {@code Code.Location}. That URL
 * grants access to the code, so it never goes into a message or a log: callers name the function and version instead.
 */
public final class CodeDownload {
    private CodeDownload() {}

    /**
     * @throws IOException when the transfer fails or the answer is not 200 (message {@code HTTP <status>})
     * @throws IllegalArgumentException when {@code presignedUrl} is not a URL
     */
    public static byte[] get(String presignedUrl) throws IOException, InterruptedException {
        HttpResponse<byte[]> res = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(presignedUrl))
                                .timeout(Duration.ofMinutes(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() != 200) {
            throw new IOException("HTTP " + res.statusCode());
        }
        return res.body();
    }
}
