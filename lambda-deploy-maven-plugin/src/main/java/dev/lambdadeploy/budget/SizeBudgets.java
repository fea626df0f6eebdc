package dev.lambdadeploy.budget;

import dev.lambdadeploy.config.ExternalLayerSpec;
import dev.lambdadeploy.manifest.PackageManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one entry to budgets: measures what {@code lambda:package} built and checks it against Lambda's limits and the
 * user's budgets. {@code lambda:package}'s size report and {@code lambda:deploy}'s check of a pushed image both call
 * it, and render or act on the result themselves.
 */
public final class SizeBudgets {
    private SizeBudgets() {}

    /**
     * @param externalLayers layers the function uses that this build does not make (they count against the limits)
     * @param imageBytes     the image size, when the package goes out as an image
     * @param baseline       an earlier build's sizes, for growth budgets
     * @param skipped        {@code lambda.budgets.skip}: measure only, check nothing
     */
    public record Request(
            PackageManifest manifest,
            Path outputDirectory,
            List<ExternalLayerSpec> externalLayers,
            OptionalLong imageBytes,
            List<Budget> budgets,
            Optional<Baseline> baseline,
            boolean skipped) {

        public Request {
            externalLayers = externalLayers == null ? List.of() : List.copyOf(externalLayers);
            imageBytes = imageBytes == null ? OptionalLong.empty() : imageBytes;
            budgets = budgets == null ? List.of() : List.copyOf(budgets);
            baseline = baseline == null ? Optional.empty() : baseline;
        }

        /** A pushed image: its size against Lambda's image limit and the image budgets; no baseline. */
        public static Request pushedImage(
                PackageManifest manifest, Path outputDirectory, long imageBytes, List<Budget> budgets) {
            return new Request(
                    manifest,
                    outputDirectory,
                    List.of(),
                    OptionalLong.of(imageBytes),
                    budgets,
                    Optional.empty(),
                    false);
        }
    }

    /** The measured sizes and what the check found. */
    public record Result(PackageSizes sizes, BudgetOutcome outcome) {}

    public static Result check(Request request) {
        PackageSizes sizes = PackageMeasurer.measure(
                request.manifest(), request.outputDirectory(), request.externalLayers(), request.imageBytes());
        BudgetOutcome outcome = request.skipped()
                ? BudgetOutcome.skippedOutcome()
                : new BudgetChecker().check(sizes, request.budgets(), request.baseline());
        return new Result(sizes, outcome);
    }
}
