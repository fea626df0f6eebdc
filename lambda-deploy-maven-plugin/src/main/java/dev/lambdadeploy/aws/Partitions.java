package dev.lambdadeploy.aws;

import software.amazon.awssdk.regions.Region;

/** The partition of a region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}), from the SDK's own region metadata. */
public final class Partitions {
    private Partitions() {}

    public static String partitionOf(String region) {
        return Region.of(region).metadata() == null
                // a region the SDK does not know yet: its partition by the SDK's partition rules
                ? software.amazon.awssdk.regions.PartitionMetadata.of(Region.of(region)).id()
                : Region.of(region).metadata().partition().id();
    }
}
