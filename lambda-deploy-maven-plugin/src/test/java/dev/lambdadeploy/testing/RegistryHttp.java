package dev.lambdadeploy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads (and for test fixtures writes) a registry through its HTTP API v2, independently of the plugin's code. */
public final class RegistryHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String host;
    private final String authorization;

    public RegistryHttp(String host) {
        this(host, null, null);
    }

    public RegistryHttp(String host, String user, String password) {
        this.host = host;
        this.authorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A manifest with the media type the registry served it as. */
    public record Manifest(String contentType, String digest, JsonNode json, int size) {}

    public Manifest manifest(String repository, String reference) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(
                "/v2/" + repository + "/manifests/" + reference,
                String.join(
                        ",",
                        "application/vnd.docker.distribution.manifest.v2+json",
                        "application/vnd.oci.image.manifest.v1+json",
                        "application/vnd.docker.distribution.manifest.list.v2+json",
                        "application/vnd.oci.image.index.v1+json"));
        return new Manifest(
                r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Docker-Content-Digest").orElse(""),
                JSON.readTree(r.body()),
                r.body().length);
    }

    public byte[] blob(String repository, String digest) throws IOException, InterruptedException {
        return get("/v2/" + repository + "/blobs/" + digest, "*/*").body();
    }

    public JsonNode config(String repository, Manifest manifest) throws IOException, InterruptedException {
        return JSON.readTree(
                blob(repository, manifest.json().path("config").path("digest").asText()));
    }

    /** Names of the files in a gzipped layer blob. */
    public List<String> layerFiles(String repository, String digest) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(blob(repository, digest))))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.isFile()) {
                    names.add(e.getName());
                }
            }
        }
        return names;
    }

    /** Uploads a manifest (e.g. a manifest list made of two pushed images) under {@code reference}. */
    public void putManifest(String repository, String reference, String mediaType, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://" + host + "/v2/" + repository + "/manifests/" + reference))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IOException("PUT manifest -> HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    private HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("http://" + host + path)).header("Accept", accept);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException(
                    "GET " + path + " -> HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r;
    }
}
