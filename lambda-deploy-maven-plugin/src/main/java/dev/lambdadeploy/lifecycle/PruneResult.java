package dev.lambdadeploy.lifecycle;

import java.util.List;

/** {@code target/lambda/prune-result.json}: see docs/lifecycle-json.md. */
public record PruneResult(int schemaVersion, boolean dryRun, int keep, long bytesFreed, List<RegionPrune> regions) {
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
     * A layer version ({@code kind} {@code layer-version}, {@code id} its ARN) or deploy-bucket object
     * ({@code s3-object}, {@code s3://bucket/key}); {@code action} {@code deleted}, {@code would-delete} or
     * {@code kept}, with the reason it is kept.
     */
    public record Item(String kind, String id, long bytes, String action, String reason) {}
}
