package dev.lambdadeploy.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lambdadeploy.assemble.Hashes;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ZipRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code target/lambda/image-build.json}: the container image this checkout last built and pushed, and the local
 * inputs it was built from (the zips of {@code lambda-package.json} that the application layers are made of), so
 * {@code lambda:status} can compare an image function with the local build the way it compares a zip's CodeSha256.
 * A zip package answers "what would deploy upload" by itself; an image digest is only known once Jib has built it,
 * hence this record. See docs/lifecycle-json.md.
 *
 * @param inputsKey hash over {@code inputs}, the architecture and the output timestamp (the image creation time):
 *     the same key gives the same image digest, as long as the base image and the handler are the same
 * @param images one entry per region the image was pushed to (the digest is the same wherever the base is)
 */
public record ImageBuildRecord(
        int schemaVersion,
        String builtAt,
        String project,
        String architecture,
        String outputTimestamp,
        String baseImage,
        String baseImageDigest,
        String inputsKey,
        List<Input> inputs,
        List<Image> images) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "image-build.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ImageBuildRecord {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** One zip of the package: {@code name} as in the manifest ({@code function} or the layer's name). */
    public record Input(String name, String codeSha256) {}

    /** The image as pushed for one region: {@code imageUri} is what Lambda gets, pinned by {@code digest}. */
    public record Image(String region, String imageUri, String digest) {}

    /** The zips an image of this package is built from, in a stable order. */
    public static List<Input> inputs(PackageManifest m) {
        List<Input> out = new ArrayList<>();
        for (ZipRecord z : m.allZips()) {
            out.add(new Input(m.isFunction(z) ? "function" : "layer " + z.name(), z.codeSha256()));
        }
        out.sort(Comparator.comparing(Input::name));
        return out;
    }

    /** The key of what the package would build an image from; equal keys mean the same application layers. */
    public static String inputsKey(PackageManifest m) {
        StringBuilder s = new StringBuilder("architecture=")
                .append(m.architecture())
                .append("\noutputTimestamp=")
                .append(m.outputTimestamp())
                .append('\n');
        inputs(m)
                .forEach(i ->
                        s.append(i.name()).append('=').append(i.codeSha256()).append('\n'));
        return Hashes.hex(s.toString());
    }

    /** The image of {@code region}, else of any region (the same inputs and base give the same digest). */
    public Optional<Image> image(String region) {
        return images.stream()
                .filter(i -> i.region().equals(region))
                .findFirst()
                .or(() -> images.stream().findFirst());
    }

    public static Optional<ImageBuildRecord> read(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(MAPPER.readValue(file.toFile(), ImageBuildRecord.class));
    }

    /**
     * Writes the record; regions of an earlier record of the same inputs are kept (a deploy to one region does not
     * forget the image another region got), a record of other inputs is replaced.
     */
    public void write(Path directory) throws IOException {
        ImageBuildRecord merged = this;
        Optional<ImageBuildRecord> before;
        try {
            before = read(directory);
        } catch (IOException e) {
            before = Optional.empty(); // an unreadable old record is simply replaced
        }
        if (before.isPresent() && inputsKey.equals(before.get().inputsKey())) {
            List<Image> all = new ArrayList<>(images);
            before.get().images().stream()
                    .filter(old -> all.stream().noneMatch(i -> i.region().equals(old.region())))
                    .forEach(all::add);
            all.sort(Comparator.comparing(Image::region));
            merged = new ImageBuildRecord(
                    schemaVersion,
                    builtAt,
                    project,
                    architecture,
                    outputTimestamp,
                    baseImage,
                    baseImageDigest,
                    inputsKey,
                    inputs,
                    all);
        }
        Files.createDirectories(directory);
        MAPPER.writeValue(directory.resolve(FILE_NAME).toFile(), merged);
    }
}
