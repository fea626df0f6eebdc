package dev.lambdadeploy.maven;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.lifecycle.LambdaRollback;
import dev.lambdadeploy.lifecycle.LifecycleException;
import dev.lambdadeploy.lifecycle.RollbackRequest;
import dev.lambdadeploy.lifecycle.RollbackResult;
import java.io.File;
import java.time.Duration;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Returns the functions to the previous deployment (code and layer versions; the alias too when configured) without
 * rebuilding, or to a named one; waits for every update like lambda:deploy. Writes target/lambda/rollback-result.json.
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AbstractAwsGoalMojo {

    /** Skips only this goal. */
    @Parameter(property = "lambda.rollback.skip", defaultValue = "false")
    private boolean skipRollback;

    /**
     * Where to go: a published version number, an alias name or a deploy id (the git commit recorded by the deploy,
     * 7+ hex characters). Default: the deployment before the current one.
     */
    @Parameter(property = "lambda.rollback.to")
    private String to;

    /** Longest wait, in seconds, for a function update to finish. */
    @Parameter(property = "lambda.deploy.waitTimeout", defaultValue = "300")
    private int waitTimeout;

    @Override
    protected String goal() {
        return "rollback";
    }

    @Override
    protected boolean skipGoal() {
        return skipRollback;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Duration wait = waitTimeout(waitTimeout);
        SdkLogging.quietSecretBearingLoggers();
        RollbackResult result;
        try {
            result = new LambdaRollback(new MavenBuildLog(getLog()))
                    .rollback(new RollbackRequest(scope(), to, wait, null));
        } catch (LifecycleException | AwsCallException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        for (RollbackResult.RegionRollback r : result.regions()) {
            for (RollbackResult.FunctionRollback f : r.functions()) {
                getLog().info("  " + r.region() + " " + f.name() + ": rolled back to the " + f.target() + " (code "
                        + (f.toImageUri() != null ? f.toImageUri() : f.toCodeSha256()) + " from " + f.codeSource()
                        + ", " + f.toLayers().size() + " layer(s))"
                        + (f.aliasVersion() == null ? "" : ", alias " + f.alias() + " -> version " + f.aliasVersion()));
            }
        }
        getLog().info("Rollback result: " + relative(outputDirectory) + File.separator + RollbackResult.FILE_NAME);
        if (result.failed()) {
            throw new MojoFailureException("lambda:rollback failed in "
                    + result.regions().stream()
                            .filter(r -> r.error() != null)
                            .map(r -> r.region() + ": " + r.error())
                            .collect(Collectors.joining("; ")));
        }
        getLog().info("Rolled back "
                + result.regions().stream().mapToInt(r -> r.functions().size()).sum()
                + " function(s); 'mvn lambda:status' shows what runs now.");
    }
}
