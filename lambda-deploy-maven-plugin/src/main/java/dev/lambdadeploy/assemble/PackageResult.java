package dev.lambdadeploy.assemble;

import dev.lambdadeploy.manifest.PackageManifest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link LambdaPackager} produced: the manifest (also written to {@code manifestFile}), how much was reused, and
 * {@code contentKey}, the {@link dev.lambdadeploy.manifest.ManifestBinary#contentKey key} of all of the package's
 * content (for caches downstream, such as the size check's).
 */
public record PackageResult(
        PackageManifest manifest, Path manifestFile, String contentKey, int builtZips, int reusedZips, Duration took) {}
