package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.publish.ImageBuildRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The image side of the local build for {@code lambda:status}: the record of the image this checkout last built
 * ({@code image-build.json}) and whether the local package still has the inputs it was built from. Without a record
 * the comparison is unknown, never drift: a zip-only checkout or a {@code mvn clean} says nothing about the image.
 *
 * @param record {@code null} when there is none or it cannot be read ({@code problem} then says which)
 * @param packageKey the inputs key of the local package now
 */
record LocalImageBuild(ImageBuildRecord record, String packageKey, String problem) {

    static LocalImageBuild read(Path directory, LocalPackage local) {
        String key = ImageBuildRecord.inputsKey(local.manifest());
        try {
            return ImageBuildRecord.read(directory)
                    .map(r -> new LocalImageBuild(r, key, null))
                    .orElseGet(() -> new LocalImageBuild(
                            null,
                            key,
                            "no local image build recorded ("
                                    + directory.resolve(ImageBuildRecord.FILE_NAME)
                                    + " is written by an image lambda:deploy "
                                    + "from this checkout)"));
        } catch (IOException | RuntimeException e) {
            return new LocalImageBuild(
                    null,
                    key,
                    directory.resolve(ImageBuildRecord.FILE_NAME) + " cannot be read (" + e.getMessage()
                            + "); the next image lambda:deploy rewrites it");
        }
    }

    /** Compares an image function with the local image build; adds a drift sentence per difference. */
    StatusResult.LocalImage compare(DeployedFunction f, List<String> drift) {
        if (record == null) {
            return new StatusResult.LocalImage("unknown", null, null, null, null, problem);
        }
        ImageBuildRecord.Image built = record.image(f.region()).orElse(null);
        if (built == null) {
            return new StatusResult.LocalImage(
                    "unknown", null, null, record.builtAt(), null, ImageBuildRecord.FILE_NAME + " lists no image");
        }
        boolean packageChanged = !packageKey.equals(record.inputsKey());
        String status =
                f.imageDigest() == null ? "unknown" : built.digest().equals(f.imageDigest()) ? "in-sync" : "differs";
        if (status.equals("differs")) {
            drift.add("image: deployed " + f.imageDigest() + ", local build " + built.digest()
                    + (packageChanged ? "" : " (lambda:deploy would point the function at the local build)"));
        }
        if (packageChanged) {
            drift.add("image: local build would be a new image: the local package changed since " + built.digest()
                    + " was built (lambda:deploy would build, push and deploy it)");
        }
        return new StatusResult.LocalImage(
                status,
                built.digest(),
                built.imageUri(),
                record.builtAt(),
                packageChanged,
                f.imageDigest() == null ? "Lambda reports no digest for the deployed image " + f.imageUri() : null);
    }
}
