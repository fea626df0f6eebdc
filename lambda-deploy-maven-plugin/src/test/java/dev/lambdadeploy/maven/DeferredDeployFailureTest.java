package dev.lambdadeploy.maven;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.manifest.ProjectInfo;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.FunctionResult;
import dev.lambdadeploy.publish.ModuleOutcome;
import dev.lambdadeploy.publish.RegionResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's one deploy failure names every failure and carries the first unexpected exception (mvn -e). */
class DeferredDeployFailureTest {

    private static ModuleOutcome failed(String module, Throwable cause) {
        FunctionResult f = FunctionResult.failed("fn-" + module, null, "abc=", "why " + module, "unchanged", cause);
        RegionResult region = new RegionResult("eu-west-1", "failed", null, List.of(), List.of(f), 0, null, null);
        return new ModuleOutcome(
                module,
                new DeployResult(1, new ProjectInfo("g", module, "1.0"), "direct", false, "now", 1, 0, List.of(region)),
                null);
    }

    @Test
    void theCauseIsTheFirstUnexpectedExceptionOfAnyModule() {
        List<ModuleOutcome> outcomes = new ArrayList<>(List.of(failed("a", null)));
        DeferredDeployFailure failure = new DeferredDeployFailure(() -> outcomes);
        assertNull(failure.getCause(), "expected failures only: one line, no stack");

        IllegalStateException bug = new IllegalStateException("a bug");
        outcomes.add(failed("b", bug)); // a later module fails after the failure was added to the build's result
        assertSame(bug, failure.getCause());
        assertTrue(failure.getMessage().contains("b: function fn-b in eu-west-1 (left unchanged): why b"));
        assertTrue(failure.getMessage().contains("a: function fn-a in eu-west-1 (left unchanged): why a"));
    }
}
