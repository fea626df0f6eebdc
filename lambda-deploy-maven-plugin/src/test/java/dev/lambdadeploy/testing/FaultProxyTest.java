package dev.lambdadeploy.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy itself, in front of a tiny real HTTP server that records what reached it. */
class FaultProxyTest {

    private HttpServer upstream;
    private final List<String> arrived = new CopyOnWriteArrayList<>();
    private FaultProxy proxy;
    // a client per request: the proxy closes each connection, and a pooled one could be reused after that

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            arrived.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body.length + " host="
                    + exchange.getRequestHeaders().getFirst("Host"));
            byte[] reply = ("ok " + body.length).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        upstream.start();
        proxy = FaultProxy.start(
                URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()));
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        upstream.stop(0);
    }

    private HttpResponse<String> put(String path, int bytes) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(proxy.uri().resolve(path))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes]))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwardsRequestsUnchangedIncludingTheSignedHostHeader() throws Exception {
        HttpResponse<String> r = put("/bucket/key.zip?x=1", 1000);
        assertEquals(200, r.statusCode());
        assertEquals("ok 1000", r.body());
        assertEquals(
                List.of("PUT /bucket/key.zip?x=1 1000 host=127.0.0.1:"
                        + proxy.uri().getPort()),
                arrived);
        assertEquals(1000, proxy.forwardedBodyBytes());
        assertEquals("forwarded", proxy.seen().get(0).outcome());
    }

    @Test
    void transientFaultHitsOnlyTheFirstMatchingRequests() throws Exception {
        proxy.add(AwsErrors.s3SlowDown(Requests.s3Upload()).times(2));
        assertEquals(503, put("/bucket/a", 10).statusCode());
        HttpResponse<String> second = put("/bucket/a", 10);
        assertEquals(503, second.statusCode());
        assertTrue(second.body().contains("<Code>SlowDown</Code>"), second.body());
        assertEquals(200, put("/bucket/a", 10).statusCode());
        assertEquals(1, arrived.size(), "only the third request reaches the server");
    }

    @Test
    void lambdaErrorsCarryTheirTypeInTheAmznHeader() throws Exception {
        proxy.add(AwsErrors.requestEntityTooLarge(Requests.publishLayerVersion(), "PublishLayerVersion"));
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(proxy.uri().resolve("/2018-10-31/layers/deps/versions"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode());
        assertEquals(
                "RequestEntityTooLargeException",
                r.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(r.body().contains("Request must be smaller than 70167211 bytes for the PublishLayerVersion"));
        assertEquals(200, put("/bucket/other", 1).statusCode(), "a request the rule does not match passes");
    }

    @Test
    void drainsAChunkedBodyBeforeAnsweringWithAFault() throws Exception {
        proxy.add(AwsErrors.lambdaThrottled(Requests.any()).times(1));
        HttpURLConnection c = (HttpURLConnection)
                proxy.uri().resolve("/2015-03-31/functions/f/code").toURL().openConnection();
        c.setRequestMethod("PUT");
        c.setDoOutput(true);
        c.setChunkedStreamingMode(100);
        try (OutputStream out = c.getOutputStream()) {
            out.write(new byte[1234]);
        }
        assertEquals(429, c.getResponseCode());
        assertEquals("1", c.getHeaderField("Retry-After"));
        assertEquals(1234, proxy.seen().get(0).bodyBytes());
    }

    @Test
    void resetsTheConnectionInTheMiddleOfAnUpload() throws Exception {
        proxy.add(Fault.resetAfterBodyBytes(Requests.s3Upload(), 64 * 1024).times(1));
        assertThrows(IOException.class, () -> put("/bucket/big", 4 * 1024 * 1024));
        assertTrue(
                proxy.seen().get(0).outcome().startsWith("reset after"),
                proxy.seen().toString());
        assertTrue(proxy.forwardedBodyBytes() <= 64 * 1024, "stops forwarding at the limit");
        assertTrue(arrived.isEmpty(), "the server never sees a complete request: " + arrived);
        assertEquals(200, put("/bucket/big", 4 * 1024 * 1024).statusCode(), "the retry goes through");
    }

    @Test
    void delaysTheResponseButDeliversIt() throws Exception {
        proxy.add(Fault.delay(Requests.any(), Duration.ofMillis(300)).times(1));
        long start = System.nanoTime();
        assertEquals(200, put("/bucket/slow", 5).statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300, "the response was held back");
        assertEquals("forwarded after delay 300 ms", proxy.seen().get(0).outcome());
    }

    @Test
    void holdsARequestWhileAnActionRunsAndRecordsEveryHead() throws Exception {
        proxy.add(Fault.before(Requests.s3Upload(), () -> arrived.add("action ran"))
                .times(1));
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(proxy.uri().resolve("/bucket/k"))
                                .header("x-amz-expected-bucket-owner", "123456789012")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[7]))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("action ran", arrived.get(0), "the action ran before the server saw the request");
        assertTrue(arrived.get(1).startsWith("PUT /bucket/k 7"), arrived.toString());
        assertEquals(200, put("/bucket/k", 1).statusCode());
        assertEquals(3, arrived.size(), "the action ran once");
        assertEquals(
                List.of("123456789012", "none"),
                proxy.requests().stream()
                        .map(h -> h.header("x-amz-expected-bucket-owner") == null
                                ? "none"
                                : h.header("x-amz-expected-bucket-owner"))
                        .toList());
    }

    @Test
    void answersAsS3DoesWhenTheExpectedOwnerIsNotTheBucketsOwner() throws Exception {
        proxy.add(AwsErrors.s3BucketOwnedBy("bucket", "666666666666"));
        HttpResponse<String> wrong = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(proxy.uri().resolve("/bucket/k"))
                                .header("x-amz-expected-bucket-owner", "123456789012")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrong.statusCode());
        assertTrue(wrong.body().contains("<Code>AccessDenied</Code>"), wrong.body());
        HttpResponse<String> right = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(proxy.uri().resolve("/bucket/k"))
                                .header("x-amz-expected-bucket-owner", "666666666666")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, right.statusCode());
        HttpResponse<String> unchecked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(proxy.uri().resolve("/bucket/k"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, unchecked.statusCode(), "without the header S3 does not check (the risk)");
    }
}
