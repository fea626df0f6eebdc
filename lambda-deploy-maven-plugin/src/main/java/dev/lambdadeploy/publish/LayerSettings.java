package dev.lambdadeploy.publish;

import java.util.List;

/**
 * How layers are published: name prefix (layer names are per account and region, so projects sharing an account
 * should prefix), compatible runtimes, license, and who else may use the new versions; sharing with every account
 * ({@code *}) needs {@code allowPublic} (see {@link SharingGuard}).
 */
public record LayerSettings(
        String namePrefix,
        List<String> compatibleRuntimes,
        String license,
        List<String> shareWithAccounts,
        String shareWithOrganization,
        boolean allowPublic) {

    public LayerSettings {
        namePrefix = namePrefix == null ? "" : namePrefix.trim();
        compatibleRuntimes = compatibleRuntimes == null ? List.of() : List.copyOf(compatibleRuntimes);
        shareWithAccounts = shareWithAccounts == null ? List.of() : List.copyOf(shareWithAccounts);
        shareWithOrganization =
                shareWithOrganization == null || shareWithOrganization.isBlank() ? null : shareWithOrganization.trim();
        SharingGuard.check(shareWithAccounts, shareWithOrganization, allowPublic);
    }

    public LayerSettings(
            String namePrefix,
            List<String> compatibleRuntimes,
            String license,
            List<String> shareWithAccounts,
            String shareWithOrganization) {
        this(namePrefix, compatibleRuntimes, license, shareWithAccounts, shareWithOrganization, false);
    }

    public static LayerSettings defaults() {
        return new LayerSettings("", List.of(), null, List.of(), null, false);
    }

    public String layerName(String manifestName) {
        return namePrefix + manifestName;
    }
}
