package dev.lambdadeploy.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.lambdadeploy.manifest.ProjectInfo;
import java.util.List;

/**
 * {@code target/lambda/size-report.json}: sizes, budgets, violations with fixes, and the baseline diff of one
 * {@code lambda:package} run; every other report renders this model. Field reference: docs/size-report-json.md.
 * Sizes are bytes; a size that is unknown is {@code null}.
 */
@JsonPropertyOrder({
    "schemaVersion",
    "pluginVersion",
    "project",
    "architecture",
    "limits",
    "totals",
    "zips",
    "contents",
    "budgetsSkipped",
    "budgets",
    "violations",
    "baseline"
})
public record SizeReport(
        int schemaVersion,
        String pluginVersion,
        ProjectInfo project,
        String architecture,
        Limits limits,
        Totals totals,
        List<Zip> zips,
        List<Item> contents,
        boolean budgetsSkipped,
        List<BudgetCheck> budgets,
        List<ViolationEntry> violations,
        @JsonInclude(JsonInclude.Include.ALWAYS) BaselineDiff baseline) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "size-report.json";

    public SizeReport {
        zips = zips == null ? List.of() : List.copyOf(zips);
        contents = contents == null ? List.of() : List.copyOf(contents);
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** Lambda's hard limits as this report applied them. */
    public record Limits(long directUploadZippedBytes, long totalUnzippedBytes, int maxLayers, long imageBytes) {}

    public record Totals(long zippedBytes, long unzippedBytes, int layerCount, Long imageBytes) {}

    /** {@code kind}: {@code function}, {@code layer}, {@code external-layer} (then {@code path} is its ARN). */
    public record Zip(
            String id,
            String name,
            String kind,
            String path,
            Long zippedBytes,
            long unzippedBytes,
            int jarCount,
            double shareOfTotal) {}

    /** A packaged jar ({@code kind} {@code jar}) or the project's classes ({@code classes}). */
    public record Item(
            String key,
            String kind,
            String groupId,
            String artifactId,
            String version,
            String classifier,
            String zip,
            String zipEntry,
            long zippedBytes,
            long unzippedBytes,
            double shareOfTotal,
            List<String> dependencyPath,
            String dependencyPathText) {}

    /** {@code status}: {@code ok}, {@code violated}, {@code not-evaluated}; {@code source}: {@code aws} or {@code pom}. */
    public record BudgetCheck(
            String id,
            String source,
            String kind,
            String level,
            String subject,
            long limit,
            boolean percent,
            String limitText,
            Long actual,
            String actualText,
            String status,
            String note) {}

    public record ViolationEntry(
            String budget,
            String source,
            String kind,
            String level,
            String subject,
            long actual,
            long limit,
            String actualText,
            String limitText,
            String message,
            List<ContributorEntry> contributors,
            List<FixEntry> fixes) {}

    public record ContributorEntry(
            String name,
            String zip,
            long zippedBytes,
            long unzippedBytes,
            double share,
            List<String> dependencyPath,
            String dependencyPathText,
            String note) {}

    /** {@code kind}: {@code s3-upload}, {@code exclude-dependency}, {@code own-layer}, {@code merge-layers}, {@code container-image}. */
    public record FixEntry(String kind, String title, String snippet, long bytesSaved, boolean sufficient) {}

    /** Against {@code file}: totals and every zip / item that changed. */
    public record BaselineDiff(
            String file, long totalUnzippedBefore, long totalUnzippedNow, long deltaBytes, List<Change> changes) {}

    /** {@code type}: {@code zip} or {@code item}; {@code change}: {@code grew}, {@code shrank}, {@code appeared}, {@code vanished}. */
    public record Change(
            String type,
            String name,
            String change,
            Long beforeBytes,
            Long afterBytes,
            long deltaBytes,
            String beforeVersion,
            String afterVersion) {}
}
