package dev.lambdadeploy.analyze;

import dev.lambdadeploy.invoke.InvokeRequest;
import dev.lambdadeploy.manifest.PackageManifest;
import java.nio.file.Path;
import java.util.List;

/**
 * What to analyze: the packaged function ({@code manifest} + zips in {@code lambdaDir}), laid out under
 * {@code workDir}; the probe ({@code invoke}, run {@code runs} times); the keep-list; the optional comparisons; and the
 * deployment facts SnapStart eligibility depends on ({@code runtime} like {@code java21}, {@code packageType}
 * {@code Zip} or {@code Image}).
 */
public record AnalysisRequest(
        PackageManifest manifest,
        Path lambdaDir,
        Path workDir,
        InvokeRequest invoke,
        int runs,
        List<String> keep,
        boolean compareJit,
        boolean verifyRemoval,
        double pauseThresholdMs,
        String runtime,
        String packageType) {

    public AnalysisRequest {
        keep = keep == null ? List.of() : List.copyOf(keep);
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1");
        }
    }
}
