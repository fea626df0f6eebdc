package dev.lambdadeploy.publish.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Just enough of the registry HTTP API v2 to read manifests and config blobs: to check the base image's platform
 * before a push and to report what was pushed. Speaks Basic and Bearer-token auth; plain HTTP only when insecure
 * registries are allowed, and sends credentials over plain HTTP only under Jib's own rule
 * ({@code -DsendCredentialsOverHttp=true}).
 */
final class RegistryApi {
    static final String ACCEPT = String.join(
            ", ",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.index.v1+json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final String registry;
    private final RegistryCredentials credentials;
    private final boolean allowInsecure;
    private final HttpClient http;
    private String scheme = "https";
    private String authorization;

    RegistryApi(String registry, RegistryCredentials credentials, boolean allowInsecure) {
        this.registry = registry;
        this.credentials = credentials;
        this.allowInsecure = allowInsecure;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A manifest or index as the registry returned it. */
    record Manifest(String mediaType, String digest, JsonNode json) {
        boolean isList() {
            return json.has("manifests");
        }

        String configDigest() {
            return json.path("config").path("digest").asText(null);
        }

        List<Descriptor> layers() {
            List<Descriptor> out = new ArrayList<>();
            json.path("layers")
                    .forEach(l -> out.add(new Descriptor(
                            l.path("mediaType").asText(),
                            l.path("digest").asText(),
                            l.path("size").asLong())));
            return out;
        }

        /** For an index: the digest of the manifest for {@code os/architecture}, if listed. */
        Optional<String> platformManifest(String os, String architecture) {
            for (JsonNode m : json.path("manifests")) {
                JsonNode p = m.path("platform");
                if (os.equals(p.path("os").asText())
                        && architecture.equals(p.path("architecture").asText())) {
                    return Optional.of(m.path("digest").asText());
                }
            }
            return Optional.empty();
        }

        List<String> platforms() {
            List<String> out = new ArrayList<>();
            json.path("manifests")
                    .forEach(m -> out.add(m.path("platform").path("os").asText() + "/"
                            + m.path("platform").path("architecture").asText()));
            return out;
        }
    }

    record Descriptor(String mediaType, String digest, long size) {}

    /** An HTTP status the registry answered with, and its error body. */
    static final class StatusException extends IOException {
        private final int status;

        StatusException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** {@code GET /v2/}: proves the registry answers (any HTTP status), over HTTPS unless insecure is allowed. */
    void ping() throws IOException, InterruptedException {
        send("/v2/", "*/*");
    }

    Manifest manifest(String repository, String reference) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get("/v2/" + repository + "/manifests/" + reference, ACCEPT, repository);
        String type = r.headers().firstValue("Content-Type").orElse("");
        JsonNode json = JSON.readTree(r.body());
        if (json.has("mediaType")) {
            type = json.get("mediaType").asText();
        }
        String digest = r.headers().firstValue("Docker-Content-Digest").orElse(reference);
        return new Manifest(type, digest, json);
    }

    JsonNode blobJson(String repository, String digest) throws IOException, InterruptedException {
        return JSON.readTree(
                get("/v2/" + repository + "/blobs/" + digest, "*/*", repository).body());
    }

    private HttpResponse<byte[]> get(String path, String accept, String repository)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> r = send(path, accept);
        if (r.statusCode() == 401) {
            authorization = authorize(r, repository);
            if (authorization != null) {
                r = send(path, accept);
            }
        }
        if (r.statusCode() != 200) {
            throw new StatusException(
                    r.statusCode(),
                    "GET " + scheme + "://" + registry + path + " -> HTTP " + r.statusCode() + " "
                            + new String(r.body(), StandardCharsets.UTF_8).trim());
        }
        return r;
    }

    private HttpResponse<byte[]> send(String path, String accept) throws IOException, InterruptedException {
        try {
            return http.send(request(path, accept), HttpResponse.BodyHandlers.ofByteArray());
        } catch (SSLException | ConnectException e) {
            if (!allowInsecure || !"https".equals(scheme)) {
                throw e;
            }
            // Like Jib: with insecure registries allowed, fall back to plain HTTP when HTTPS does not work.
            scheme = "http";
            return http.send(request(path, accept), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private HttpRequest request(String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(scheme + "://" + registry + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", accept)
                .GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    /** The Authorization header the challenge asks for, or {@code null} when there is none to give. */
    private String authorize(HttpResponse<?> challenge, String repository) throws IOException, InterruptedException {
        String header = challenge.headers().firstValue("WWW-Authenticate").orElse("");
        String basic = credentialsAllowed() && credentials != null
                ? "Basic "
                        + Base64.getEncoder()
                                .encodeToString((credentials.username() + ":" + credentials.password())
                                        .getBytes(StandardCharsets.UTF_8))
                : null;
        if (header.regionMatches(true, 0, "Basic", 0, 5)) {
            return basic;
        }
        if (!header.regionMatches(true, 0, "Bearer", 0, 6)) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(header);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            return null;
        }
        String scope = params.getOrDefault("scope", "repository:" + repository + ":pull");
        String url =
                realm + (realm.contains("?") ? "&" : "?") + "scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                        + (params.containsKey("service")
                                ? "&service=" + URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8)
                                : "");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (basic != null && url.startsWith("https:")) {
            b.header("Authorization", basic);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            return null;
        }
        JsonNode token = JSON.readTree(r.body());
        String t = token.hasNonNull("token")
                ? token.get("token").asText()
                : token.path("access_token").asText(null);
        return t == null ? null : "Bearer " + t;
    }

    private boolean credentialsAllowed() {
        return "https".equals(scheme) || Boolean.getBoolean("sendCredentialsOverHttp");
    }
}
