package dev.lambdadeploy.publish;

import dev.lambdadeploy.manifest.ProjectInfo;
import java.util.List;

/**
 * {@code target/lambda/deploy-result.json}: see docs/deploy-result-json.md. {@code awsCalls} counts the AWS API calls
 * this module's deploy made, {@code awsAttempts} the HTTP requests they took (retries included).
 */
public record DeployResult(
        int schemaVersion,
        ProjectInfo project,
        String mode,
        boolean dryRun,
        String startedAt,
        long durationMillis,
        long bytesUploaded,
        List<RegionResult> regions,
        long awsCalls,
        long awsAttempts) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "deploy-result.json";

    public DeployResult {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    public DeployResult(
            int schemaVersion,
            ProjectInfo project,
            String mode,
            boolean dryRun,
            String startedAt,
            long durationMillis,
            long bytesUploaded,
            List<RegionResult> regions) {
        this(schemaVersion, project, mode, dryRun, startedAt, durationMillis, bytesUploaded, regions, 0, 0);
    }

    /**
     * Layer version ARNs, function versions and aliases, image URIs as flat names for the next pipeline step (the
     * same as the GitHub step outputs); computed from the regions, written into deploy-result.json.
     */
    @com.fasterxml.jackson.annotation.JsonProperty(
            value = "outputs",
            access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public java.util.Map<String, String> outputs() {
        return PipelineOutputs.of(this);
    }

    public boolean failed() {
        return regions.stream().anyMatch(RegionResult::failed);
    }

    public boolean upToDate() {
        return regions.stream().allMatch(RegionResult::upToDate);
    }
}
