package dev.lambdadeploy.lifecycle;

import java.util.List;

/** {@code target/lambda/prune-result.json}: see docs/lifecycle-json.md. */
public record PruneResult(
        int schemaVersion, boolean dryRun, int keep, Integer keepImages, long bytesFreed, List<RegionPrune> regions) {
    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "prune-result.json";

    public PruneResult {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    public boolean failed() {
        return regions.stream().anyMatch(r -> r.error() != null);
    }

    public record RegionPrune(String region, String bucket, List<Item> items, String lifecycleRule, String error) {
        public RegionPrune {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * A layer version ({@code kind} {@code layer-version}, {@code id} its ARN), deploy-bucket object
     * ({@code s3-object}, {@code s3://bucket/key}) or ECR image ({@code image}, {@code <repository uri>@<digest>},
     * with its {@code tags}; {@code bytes} is ECR's compressed image size); {@code action} {@code deleted},
     * {@code would-delete} or {@code kept}, with the reason.
     */
    public record Item(String kind, String id, long bytes, PruneAction action, String reason, List<String> tags) {
        @com.fasterxml.jackson.annotation.JsonCreator
        public Item {
            tags = tags == null ? null : List.copyOf(tags);
        }

        /** A layer version or S3 object: no tags. */
        public Item(String kind, String id, long bytes, PruneAction action, String reason) {
            this(kind, id, bytes, action, reason, null);
        }
    }
}
