package dev.lambdadeploy.assemble;

import dev.lambdadeploy.manifest.PackageManifest;
import java.nio.file.Path;
import java.time.Duration;

/** What {@link LambdaPackager} produced: the manifest (also written to {@code manifestFile}) and how much was reused. */
public record PackageResult(
        PackageManifest manifest, Path manifestFile, int builtZips, int reusedZips, Duration took) {}
