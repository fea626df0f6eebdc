package dev.lambdadeploy.maven;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.lifecycle.LifecycleException;
import dev.lambdadeploy.lifecycle.StatusChecker;
import dev.lambdadeploy.lifecycle.StatusResult;
import dev.lambdadeploy.lifecycle.StatusTable;
import java.io.File;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what is deployed per function and region (CodeSha256 or image digest, layer versions and sizes, published
 * versions and aliases, LastUpdateStatus) against what lambda:package built, with drift called out. Read-only;
 * writes target/lambda/status.json.
 */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractAwsGoalMojo {

    /** Skips only this goal. */
    @Parameter(property = "lambda.status.skip", defaultValue = "false")
    private boolean skipStatus;

    /** Fail the build when a function differs from the local package (for pipelines); default: report only. */
    @Parameter(property = "lambda.status.failOnDrift", defaultValue = "false")
    private boolean failOnDrift;

    @Override
    protected String goal() {
        return "status";
    }

    @Override
    protected boolean skipGoal() {
        return skipStatus;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        StatusResult result;
        SdkLogging.quietSecretBearingLoggers();
        try {
            result = new StatusChecker().check(scope());
        } catch (LifecycleException | AwsCallException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        StatusTable.render(result).forEach(getLog()::info);
        getLog().info("Status: " + relative(outputDirectory) + File.separator + StatusResult.FILE_NAME);
        if (result.failed()) {
            throw new MojoFailureException("lambda:status could not read "
                    + result.regions().stream()
                            .flatMap(r -> r.functions().stream()
                                    .filter(f -> f.error() != null)
                                    .map(f -> r.region() + "/" + f.name() + ": " + f.error()))
                            .collect(Collectors.joining("; ")));
        }
        if (failOnDrift && result.drift()) {
            throw new MojoFailureException("lambda:status found drift between the deployed functions and the local "
                    + "package (see above). Run 'mvn package lambda:deploy' to deploy the local build, or drop "
                    + "-Dlambda.status.failOnDrift to only report it.");
        }
    }
}
