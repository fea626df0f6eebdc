package dev.lambdadeploy.publish.image;

import dev.lambdadeploy.budget.Budget;
import dev.lambdadeploy.config.BudgetKind;
import java.util.List;

/**
 * How {@code lambda:deploy} ships a container image: the ECR repository (required for image mode), an optional
 * registry host to push to instead of the ECR registry, the base image, the repository settings and the user's
 * image-size budgets (only {@link BudgetKind#IMAGE_SIZE} ones are kept).
 */
public record ImageSettings(
        String repository,
        String registryOverride,
        BaseImage baseImage,
        boolean allowInsecureRegistries,
        EcrRepositories.Settings repositorySettings,
        ImageFormat format,
        List<Budget> budgets) {

    public ImageSettings {
        repository = repository == null || repository.isBlank() ? null : repository.trim();
        registryOverride = registryOverride == null || registryOverride.isBlank() ? null : registryOverride.trim();
        repositorySettings = repositorySettings == null ? new EcrRepositories.Settings(true, null) : repositorySettings;
        format = format == null ? ImageFormat.DOCKER : format;
        budgets = budgets == null
                ? List.of()
                : budgets.stream()
                        .filter(b -> b.kind() == BudgetKind.IMAGE_SIZE)
                        .toList();
    }

    /** No image configured: image mode fails with the fix, auto never picks an image. */
    public static ImageSettings none() {
        return new ImageSettings(null, null, null, false, null, null, List.of());
    }

    public boolean configured() {
        return repository != null;
    }
}
