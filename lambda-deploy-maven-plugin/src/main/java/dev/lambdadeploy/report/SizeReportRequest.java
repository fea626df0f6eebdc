package dev.lambdadeploy.report;

import dev.lambdadeploy.config.BudgetSpec;
import dev.lambdadeploy.config.ExternalLayerSpec;
import dev.lambdadeploy.manifest.PackageManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Input of {@link SizeReporter}: the package just built, the user's budgets and external layers, an optional
 * baseline report, whether budgets are skipped, the image size once an image path exists, and where to append the
 * GitHub step summary ({@code null} when not on GitHub Actions).
 */
public record SizeReportRequest(
        PackageManifest manifest,
        Path outputDirectory,
        List<BudgetSpec> budgets,
        List<ExternalLayerSpec> externalLayers,
        Path baseline,
        boolean budgetsSkipped,
        OptionalLong imageBytes,
        Path githubStepSummary) {

    public SizeReportRequest {
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
        externalLayers = externalLayers == null ? List.of() : List.copyOf(externalLayers);
        imageBytes = imageBytes == null ? OptionalLong.empty() : imageBytes;
    }
}
