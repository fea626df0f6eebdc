package dev.lambdadeploy.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.manifest.ProjectInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unexpected exception behind a failed deploy (a bug, not an AWS failure) stays with the result, so the goal can
 * fail with its stack; deploy-result.json never holds it and reads back as before.
 */
class FailureCauseTest {
    @TempDir
    Path dir;

    private static DeployResult result(RegionResult... regions) {
        return new DeployResult(1, new ProjectInfo("g", "demo", "1.0"), "direct", false, "now", 1, 0, List.of(regions));
    }

    private static RegionResult region(String name, FunctionResult... functions) {
        return new RegionResult(name, "failed", null, List.of(), List.of(functions), 0, null, null);
    }

    @Test
    void anUnexpectedExceptionIsKeptForTheGoalAndNeverWritten() throws Exception {
        IllegalStateException bug = new IllegalStateException("a bug");
        FunctionResult expected = FunctionResult.failed("orders", null, "abc=", "Access denied", "unchanged", null);
        FunctionResult unexpected = FunctionResult.failed("billing", null, "abc=", "a bug", "created", bug);
        DeployResult r = result(region("eu-west-1", expected), region("us-east-1", unexpected));

        assertNull(r.regions().get(0).firstCause(), "an expected failure has no cause to show");
        assertSame(bug, r.regions().get(1).firstCause());
        assertSame(bug, new ModuleOutcome("demo", r, null).cause());

        Path file = dir.resolve(DeployResult.FILE_NAME);
        DeployResultIO.write(r, file);
        String json = Files.readString(file);
        assertFalse(json.contains("cause"), json);
        assertFalse(json.contains("IllegalStateException"), json);
        assertTrue(json.contains("\"code\" : \"failed\""), json);

        DeployResult back = DeployResultIO.read(file);
        FunctionResult read = back.regions().get(1).functions().get(0);
        assertEquals(DeployAction.FAILED, read.code());
        assertEquals("a bug", read.error());
        assertEquals("created", read.leftIn());
        assertNull(read.cause());
    }

    @Test
    void aRegionThatFailedAsAWholeKeepsItsCause() {
        NullPointerException bug = new NullPointerException();
        RegionResult failed =
                new RegionResult("eu-west-1", "failed", null, List.of(), List.of(), 0, bug.toString(), null, bug);
        assertSame(bug, failed.firstCause());
        assertSame(bug, new ModuleOutcome("demo", result(failed), null).cause());
        assertNull(new ModuleOutcome("demo", null, "no manifest").cause());
    }
}
