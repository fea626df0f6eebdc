package dev.lambdadeploy.publish;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.testing.TestPackage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local image build record: its inputs key and how a deploy to another region updates it. */
class ImageBuildRecordTest {
    @TempDir
    Path dir;

    private static ImageBuildRecord record(PackageManifest m, String region, String digest) {
        return new ImageBuildRecord(
                ImageBuildRecord.SCHEMA_VERSION,
                "2026-01-01T00:00:00Z",
                "com.example:demo:1.0",
                m.architecture(),
                m.outputTimestamp(),
                "base",
                null,
                ImageBuildRecord.inputsKey(m),
                ImageBuildRecord.inputs(m),
                List.of(new ImageBuildRecord.Image(region, "repo@" + digest, digest)));
    }

    @Test
    void theInputsKeyFollowsTheZipsAndTheArchitecture() throws Exception {
        TestPackage pkg = new TestPackage(dir).layer("deps", "jackson").function("handler v1");
        String v1 = ImageBuildRecord.inputsKey(pkg.write());
        assertEquals(v1, ImageBuildRecord.inputsKey(pkg.write()), "the same zips, the same key");
        assertNotEquals(
                v1, ImageBuildRecord.inputsKey(pkg.function("handler v2").write()));
        assertNotEquals(
                v1,
                ImageBuildRecord.inputsKey(
                        pkg.function("handler v1").architecture("arm64").write()));
        assertEquals(
                List.of("function", "layer deps"),
                ImageBuildRecord.inputs(pkg.write()).stream()
                        .map(ImageBuildRecord.Input::name)
                        .toList());
    }

    @Test
    void anotherRegionOfTheSameInputsIsAddedOtherInputsReplaceTheRecord() throws Exception {
        TestPackage pkg = new TestPackage(dir).function("handler v1");
        PackageManifest v1 = pkg.write();
        record(v1, "eu-west-1", "sha256:aa").write(dir);
        record(v1, "us-east-1", "sha256:aa").write(dir);

        ImageBuildRecord both = ImageBuildRecord.read(dir).orElseThrow();
        assertEquals(
                List.of("eu-west-1", "us-east-1"),
                both.images().stream().map(ImageBuildRecord.Image::region).toList());
        assertEquals("sha256:aa", both.image("ap-south-1").orElseThrow().digest(), "any region's image: same digest");

        PackageManifest v2 = pkg.function("handler v2").write();
        record(v2, "us-east-1", "sha256:bb").write(dir);

        ImageBuildRecord replaced = ImageBuildRecord.read(dir).orElseThrow();
        assertEquals(
                List.of(new ImageBuildRecord.Image("us-east-1", "repo@sha256:bb", "sha256:bb")), replaced.images());
        assertEquals(ImageBuildRecord.inputsKey(v2), replaced.inputsKey());

        Files.writeString(dir.resolve(ImageBuildRecord.FILE_NAME), "{not json");
        record(v2, "eu-west-1", "sha256:bb").write(dir); // an unreadable record is replaced, not fatal
        assertEquals(1, ImageBuildRecord.read(dir).orElseThrow().images().size());
    }
}
