package dev.lambdadeploy.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and writes {@link PackageManifest} as pretty, stable JSON. */
public final class ManifestIO {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestIO() {}

    public static void write(PackageManifest manifest, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MAPPER.writeValue(file.toFile(), manifest);
    }

    public static PackageManifest read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), PackageManifest.class);
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
}
