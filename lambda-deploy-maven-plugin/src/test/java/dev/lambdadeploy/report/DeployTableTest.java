package dev.lambdadeploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.manifest.ProjectInfo;
import dev.lambdadeploy.publish.DeployAction;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.FunctionResult;
import dev.lambdadeploy.publish.LayerResult;
import dev.lambdadeploy.publish.RegionResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployTableTest {
    static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:layer:spring-cloud-function-demo-deps:3";

    static FunctionResult fn(String name, DeployAction code, DeployAction config, List<String> changes) {
        return FunctionResult.builder(name)
                .code(code)
                .configuration(config)
                .changes(changes)
                .codeSha256("abc=")
                .build();
    }

    static DeployResult result(boolean dryRun, long bytes, RegionResult... regions) {
        return new DeployResult(
                1, new ProjectInfo("g", "demo", "1.0"), "s3", dryRun, "now", 1234, bytes, List.of(regions));
    }

    @Test
    void everyRowHasOneShortActionAndColumnsNeverRunTogether() {
        RegionResult region = new RegionResult(
                "eu-west-1",
                "deployed",
                null,
                List.of(new LayerResult(
                        "deps",
                        "spring-cloud-function-demo-deps",
                        DeployAction.PUBLISHED,
                        ARN,
                        3L,
                        "x",
                        "s3",
                        "b",
                        "k",
                        2_000_000,
                        "new content")),
                List.of(
                        fn(
                                "a-function-with-a-rather-long-name",
                                DeployAction.CREATED,
                                DeployAction.UPDATED,
                                List.of("created")),
                        fn("orders", DeployAction.UPDATED, DeployAction.UPDATED, List.of("code", "layers")),
                        fn("billing", DeployAction.UP_TO_DATE, DeployAction.UPDATED, List.of("memory 512 -> 1024")),
                        fn("same", DeployAction.UP_TO_DATE, DeployAction.UP_TO_DATE, List.of())),
                2_000_000,
                null,
                null);
        List<DeployTable.Row> rows = DeployTable.rows(result(false, 2_000_000, region));
        assertEquals(
                List.of("published", "created", "updated", "updated", "up-to-date"),
                rows.stream().map(DeployTable.Row::action).toList());
        assertEquals("changes: code, layers", rows.get(2).detail());
        assertEquals(ARN + " (1.9 MiB via s3)", rows.get(0).detail());

        List<String> lines = DeployTable.format(rows);
        int actionColumn = lines.get(0).indexOf("ACTION");
        int detailColumn = lines.get(0).indexOf("DETAIL");
        for (String line : lines.subList(1, lines.size())) {
            // the action starts in its column and is followed by a blank before the detail column
            assertFalse(Character.isWhitespace(line.charAt(actionColumn)), line);
            assertEquals(' ', line.charAt(detailColumn - 1), line);
            assertFalse(Character.isWhitespace(line.charAt(detailColumn)), line);
        }
        assertTrue(
                lines.get(1).matches("  eu-west-1  layer     spring-cloud-function-demo-deps +published +arn:.*"),
                lines.get(1));
    }

    @Test
    void dryRunRowsSayWhatWouldHappenOnce() {
        RegionResult region = new RegionResult(
                "eu-west-1",
                "dry-run",
                null,
                List.of(new LayerResult(
                        "deps",
                        "deps",
                        DeployAction.WOULD_PUBLISH,
                        null,
                        null,
                        "x",
                        "s3",
                        null,
                        null,
                        0,
                        "no version has this CodeSha256")),
                List.of(
                        fn("new-fn", DeployAction.WOULD_CREATE, DeployAction.WOULD_UPDATE, List.of("created")),
                        fn("orders", DeployAction.WOULD_UPDATE, DeployAction.UP_TO_DATE, List.of("code"))),
                0,
                null,
                null);
        DeployResult r = result(true, 0, region);
        List<DeployTable.Row> rows = DeployTable.rows(r);
        assertEquals(
                List.of("would publish", "would create", "would update"),
                rows.stream().map(DeployTable.Row::action).toList());
        assertEquals("CodeSha256 abc=", rows.get(1).detail(), "no 'changed: created'");
        assertEquals("changes: code", rows.get(2).detail());
        String text = String.join("\n", DeploySummary.render(r));
        assertFalse(
                text.contains("uploaded"), "nothing uploaded in a dry run, so no '0 B uploaded (0 bytes)': " + text);
        assertTrue(text.endsWith("dry run: nothing was changed (1.2 s)"), text);
    }

    @Test
    void aFailedRegionShowsTheFirstSentenceAndAModuleColumnOnlyWhenAsked() {
        RegionResult failed = new RegionResult(
                "eu-west-1",
                "failed",
                null,
                List.of(),
                List.of(),
                0,
                "Function ordrs does not exist in eu-west-1. Did you mean orders? Functions in eu-west-1: orders.",
                null);
        List<DeployTable.Row> rows = DeployTable.rows(result(false, 0, failed), "billing-service");
        assertEquals("Function ordrs does not exist in eu-west-1.", rows.get(0).detail());
        List<String> lines = DeployTable.format(rows);
        assertTrue(lines.get(0).trim().startsWith("MODULE"), lines.get(0));
        assertTrue(lines.get(1).contains("billing-service"), lines.get(1));
        assertFalse(DeployTable.format(DeployTable.rows(result(false, 0, failed)))
                .get(0)
                .contains("MODULE"));
        String verdict = DeploySummary.verdictLine(result(
                false,
                3 * 1024 * 1024,
                new RegionResult(
                        "eu-west-1",
                        "deployed",
                        null,
                        List.of(),
                        List.of(fn("orders", DeployAction.UPDATED, DeployAction.UP_TO_DATE, List.of("code"))),
                        3 * 1024 * 1024,
                        null,
                        null)));
        assertEquals("deployed; 3.0 MiB uploaded (1.2 s)", verdict);
    }
}
