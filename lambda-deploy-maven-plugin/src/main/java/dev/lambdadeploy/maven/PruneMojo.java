package dev.lambdadeploy.maven;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.lifecycle.LifecycleException;
import dev.lambdadeploy.lifecycle.PruneRequest;
import dev.lambdadeploy.lifecycle.PruneResult;
import dev.lambdadeploy.lifecycle.Pruner;
import java.io.File;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes layer versions older than the newest N and their deploy-bucket objects, old function-code objects, and
 * untagged or old images of the image-mode ECR repositories, never anything a function, published version, alias or
 * the rollback target uses. A dry run unless
 * {@code -Dlambda.prune.delete=true}. Writes target/lambda/prune-result.json.
 */
@Mojo(name = "prune", threadSafe = true)
public class PruneMojo extends AbstractAwsGoalMojo {

    /** Skips only this goal. */
    @Parameter(property = "lambda.prune.skip", defaultValue = "false")
    private boolean skipPrune;

    /** How many of the newest versions of each layer (and function-code objects) to keep, at least 1. */
    @Parameter(property = "lambda.prune.keep", defaultValue = "3")
    private int keep;

    /** Really delete. Default false: print what would be deleted and the bytes that would be freed. */
    @Parameter(property = "lambda.prune.delete", defaultValue = "false")
    private boolean delete;

    /**
     * Also install an S3 lifecycle rule on the deploy bucket that expires the plugin's objects after this many days
     * (Lambda keeps its own copy of published code; only rollback sources expire). Unset: no rule.
     */
    @Parameter(property = "lambda.prune.s3ExpireDays")
    private Integer s3ExpireDays;

    /**
     * The ECR repository of image mode, as for lambda:deploy: its untagged images and tagged ones older than the
     * newest {@code keepImages} go, never an image a function, published version, alias or rollback target uses.
     * The repositories the configured image functions point at are pruned without it.
     */
    @Parameter(property = "lambda.image.repository")
    private String imageRepository;

    /** How many of the newest tagged images to keep per ECR repository, at least 1; default: {@code keep}. */
    @Parameter(property = "lambda.prune.keepImages")
    private Integer keepImages;

    @Override
    protected String goal() {
        return "prune";
    }

    @Override
    protected boolean skipGoal() {
        return skipPrune;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (keep < 1) {
            throw new ConfigException(
                    "<keep> (lambda.prune.keep)",
                    "must be at least 1 (the newest layer version " + "is always kept), e.g. -Dlambda.prune.keep=3");
        }
        if (s3ExpireDays != null && s3ExpireDays < 1) {
            throw new ConfigException("<s3ExpireDays> (lambda.prune.s3ExpireDays)", "must be at least 1 day, e.g. 90");
        }
        if (keepImages != null && keepImages < 1) {
            throw new ConfigException(
                    "<keepImages> (lambda.prune.keepImages)",
                    "must be at least 1 (the newest "
                            + "tagged image is always kept), e.g. -Dlambda.prune.keepImages=5; leave it out to use <keep>");
        }
        SdkLogging.quietSecretBearingLoggers();
        PruneResult result;
        try {
            result = new Pruner(new MavenBuildLog(getLog()))
                    .prune(new PruneRequest(scope(), keep, delete, s3ExpireDays, blank(imageRepository), keepImages));
        } catch (LifecycleException | AwsCallException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        Pruner.summary(result).forEach(getLog()::info);
        getLog().info("Prune result: " + relative(outputDirectory) + File.separator + PruneResult.FILE_NAME);
        if (result.failed()) {
            throw new MojoFailureException("lambda:prune failed in "
                    + result.regions().stream()
                            .filter(r -> r.error() != null)
                            .map(r -> r.region() + ": " + r.error())
                            .collect(Collectors.joining("; ")));
        }
    }
}
