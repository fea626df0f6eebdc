package dev.lambdadeploy.outputs;

import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.publish.DeployResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * After a deploy: the layer ARNs to SSM Parameter Store (when a prefix is configured) and the step outputs to
 * {@code $GITHUB_OUTPUT} (when the job runs on GitHub Actions). deploy-result.json has the outputs in any case.
 */
public final class DeployOutputs {
    private DeployOutputs() {}

    /**
     * @param ssmPrefix   the parameter prefix, or null for no SSM
     * @param environment the process environment (GITHUB_OUTPUT)
     */
    public static void publish(
            DeployResult result, AwsSettings aws, String ssmPrefix, Map<String, String> environment, BuildLog log) {
        if (result.dryRun()) {
            return;
        }
        if (ssmPrefix != null) {
            List<String> written = new SsmPublisher(log).publish(result, aws, ssmPrefix);
            log.info("SSM parameters: " + (written.isEmpty() ? "none (no layer)" : String.join(", ", written)));
        }
        String githubOutput = environment.get(GithubOutput.ENV);
        if (githubOutput != null && !githubOutput.isBlank()) {
            Map<String, String> outputs = result.outputs();
            GithubOutput.append(Path.of(githubOutput), outputs);
            log.info("Step outputs (" + GithubOutput.ENV + "): " + String.join(", ", outputs.keySet()));
        }
    }
}
