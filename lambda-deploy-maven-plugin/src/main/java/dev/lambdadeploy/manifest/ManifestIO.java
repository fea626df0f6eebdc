package dev.lambdadeploy.manifest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.lambdadeploy.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@link PackageManifest} as pretty, stable JSON (fields in record order, unknown fields ignored).
 *
 * <p>Written with Jackson's streaming layer rather than data binding: setting up data binding in a fresh Maven JVM took
 * about 250 ms. A no-op {@code lambda:package} uses neither: it reads the binary copy ({@link ManifestBinary}) kept in
 * {@code target/lambda/work/} and leaves this file alone.
 */
public final class ManifestIO {
    /** In a holder: a clean build has no manifest to read, and sets Jackson up on another thread ({@link #prepare}). */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    private ManifestIO() {}

    /**
     * Loads and sets up Jackson's streaming layer ahead of the first read or write: in a fresh Maven JVM that took 25
     * to 40 ms, which a build that will write the manifest can spend on an idle packaging thread instead of its main
     * one.
     */
    public static void prepare() {
        JsonFactory unused = Json.FACTORY;
    }

    public static void write(PackageManifest manifest, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            write(manifest, out);
        }
    }

    /** The manifest's JSON, exactly as written to the file (e.g. for a key of all of its content). */
    public static byte[] toJson(PackageManifest manifest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try {
            write(manifest, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a byte array
        }
        return out.toByteArray();
    }

    private static void write(PackageManifest manifest, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", manifest.schemaVersion());
            g.writeStringField("pluginVersion", manifest.pluginVersion());
            g.writeFieldName("project");
            writeProject(g, manifest.project());
            g.writeStringField("architecture", manifest.architecture());
            g.writeStringField("outputTimestamp", manifest.outputTimestamp());
            g.writeStringField("settingsKey", manifest.settingsKey());
            g.writeFieldName("function");
            writeZip(g, manifest.function());
            g.writeArrayFieldStart("layers");
            for (ZipRecord z : manifest.layers()) {
                writeZip(g, z);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("jars");
            for (JarRecord j : manifest.jars()) {
                writeJar(g, j);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    public static PackageManifest read(Path file) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(file.toFile())) {
            p.nextToken();
            JsonObject f = JsonObject.parse(p);
            return new PackageManifest(
                    f.integer("schemaVersion"),
                    f.string("pluginVersion"),
                    f.object("project", ManifestIO::readProject),
                    f.string("architecture"),
                    f.string("outputTimestamp"),
                    f.string("settingsKey"),
                    f.object("function", ManifestIO::readZip),
                    f.list("layers", ManifestIO::readZip),
                    f.list("jars", ManifestIO::readJar));
        }
    }

    /** The previous manifest, or empty when there is none or it cannot be read (then everything is rebuilt). */
    public static Optional<PackageManifest> readIfUsable(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            PackageManifest m = read(file);
            return m.schemaVersion() == PackageManifest.SCHEMA_VERSION ? Optional.of(m) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeProject(JsonGenerator g, ProjectInfo project) throws IOException {
        if (project == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("groupId", project.groupId());
        g.writeStringField("artifactId", project.artifactId());
        g.writeStringField("version", project.version());
        g.writeEndObject();
    }

    private static ProjectInfo readProject(JsonObject f) {
        return new ProjectInfo(f.string("groupId"), f.string("artifactId"), f.string("version"));
    }

    private static void writeZip(JsonGenerator g, ZipRecord z) throws IOException {
        if (z == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("name", z.name());
        g.writeStringField("path", z.path());
        g.writeNumberField("zippedBytes", z.zippedBytes());
        g.writeNumberField("unzippedBytes", z.unzippedBytes());
        g.writeStringField("codeSha256", z.codeSha256());
        g.writeNumberField("entryCount", z.entryCount());
        g.writeNumberField("storedEntries", z.storedEntries());
        g.writeNumberField("deflatedEntries", z.deflatedEntries());
        writeStrings(g, "jars", z.jars());
        g.writeBooleanField("reused", z.reused());
        g.writeStringField("inputsKey", z.inputsKey());
        g.writeEndObject();
    }

    private static ZipRecord readZip(JsonObject f) {
        return new ZipRecord(
                f.string("name"),
                f.string("path"),
                f.longValue("zippedBytes"),
                f.longValue("unzippedBytes"),
                f.string("codeSha256"),
                f.integer("entryCount"),
                f.integer("storedEntries"),
                f.integer("deflatedEntries"),
                f.strings("jars"),
                f.bool("reused"),
                f.string("inputsKey"));
    }

    private static void writeJar(JsonGenerator g, JarRecord j) throws IOException {
        g.writeStartObject();
        g.writeStringField("groupId", j.groupId());
        g.writeStringField("artifactId", j.artifactId());
        g.writeStringField("version", j.version());
        g.writeStringField("classifier", j.classifier());
        g.writeStringField("scope", j.scope());
        writeStrings(g, "dependencyPath", j.dependencyPath());
        g.writeStringField("target", j.target());
        g.writeStringField("zipEntry", j.zipEntry());
        g.writeNumberField("originalBytes", j.originalBytes());
        g.writeNumberField("finalBytes", j.finalBytes());
        g.writeBooleanField("signed", j.signed());
        g.writeBooleanField("snapshot", j.snapshot());
        g.writeBooleanField("reactor", j.reactor());
        g.writeArrayFieldStart("removed");
        for (Removal r : j.removed()) {
            g.writeStartObject();
            g.writeStringField("reason", r.reason());
            g.writeNumberField("entries", r.entries());
            g.writeNumberField("bytes", r.bytes());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static JarRecord readJar(JsonObject f) {
        return JarRecord.builder(f.string("groupId"), f.string("artifactId"), f.string("version"))
                .classifier(f.string("classifier"))
                .scope(f.string("scope"))
                .dependencyPath(f.strings("dependencyPath"))
                .placed(f.string("target"), f.string("zipEntry"))
                .bytes(f.longValue("originalBytes"), f.longValue("finalBytes"))
                .signed(f.bool("signed"))
                .snapshot(f.bool("snapshot"))
                .reactor(f.bool("reactor"))
                .removed(f.list(
                        "removed", r -> new Removal(r.string("reason"), r.integer("entries"), r.longValue("bytes"))))
                .build();
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
