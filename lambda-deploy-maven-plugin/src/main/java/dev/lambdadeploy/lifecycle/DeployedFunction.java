package dev.lambdadeploy.lifecycle;

import java.util.List;
import java.util.Map;

/**
 * A function's {@code $LATEST} as Lambda reports it, with its history tags, published versions and aliases.
 * Zip functions have {@code codeSha256}; image functions {@code imageUri} and the digest Lambda resolved it to.
 */
public record DeployedFunction(
        String name,
        String arn,
        String region,
        String account,
        String packageType,
        String codeSha256,
        long codeSize,
        String imageUri,
        String imageDigest,
        List<String> architectures,
        String state,
        String lastUpdateStatus,
        String lastUpdateStatusReason,
        String lastModified,
        List<DeployedLayer> layers,
        Map<String, String> tags,
        List<PublishedVersion> versions,
        Map<String, String> aliases) {

    public DeployedFunction {
        architectures = architectures == null ? List.of() : List.copyOf(architectures);
        layers = layers == null ? List.of() : List.copyOf(layers);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        versions = versions == null ? List.of() : List.copyOf(versions);
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
    }

    public boolean image() {
        return "Image".equals(packageType);
    }

    public List<String> layerArns() {
        return layers.stream().map(DeployedLayer::arn).toList();
    }

    /** The newest published version, or {@code null}. */
    public PublishedVersion latestVersion() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /** A published version: a full snapshot of code and layers that Lambda keeps until it is deleted. */
    public record PublishedVersion(
            String version,
            String codeSha256,
            String imageUri,
            List<String> layerArns,
            String description,
            String lastModified) {
        public PublishedVersion {
            layerArns = layerArns == null ? List.of() : List.copyOf(layerArns);
        }

        public long number() {
            return Long.parseLong(version);
        }
    }
}
