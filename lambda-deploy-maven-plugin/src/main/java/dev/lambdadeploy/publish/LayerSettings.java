package dev.lambdadeploy.publish;

import java.util.List;

/**
 * How layers are published: name prefix (layer names are per account and region, so projects sharing an account
 * should prefix), compatible runtimes, license, and who else may use the new versions.
 */
public record LayerSettings(String namePrefix, List<String> compatibleRuntimes, String license,
        List<String> shareWithAccounts, String shareWithOrganization) {

    public LayerSettings {
        namePrefix = namePrefix == null ? "" : namePrefix.trim();
        compatibleRuntimes = compatibleRuntimes == null ? List.of() : List.copyOf(compatibleRuntimes);
        shareWithAccounts = shareWithAccounts == null ? List.of() : List.copyOf(shareWithAccounts);
    }

    public static LayerSettings defaults() {
        return new LayerSettings("", List.of(), null, List.of(), null);
    }

    public String layerName(String manifestName) {
        return namePrefix + manifestName;
    }
}
