package dev.lambdadeploy.maven;

import dev.lambdadeploy.config.ConfigException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Common skip handling: {@code lambda.skip} skips every goal, each goal has its own skip too, and a skipped goal
 * says why in one log line. Configuration errors become failures that name the POM element.
 */
abstract class AbstractLambdaMojo extends AbstractMojo {
    /** Skips every goal of this plugin. */
    @Parameter(property = "lambda.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("lambda:" + goal() + " skipped (lambda.skip=true)");
            skipped();
            return;
        }
        String reason = skipReason();
        if (reason != null) {
            getLog().info("lambda:" + goal() + " skipped: " + reason);
            skipped();
            return;
        }
        try {
            run();
        } catch (ConfigException e) {
            throw new MojoExecutionException(
                    "Invalid configuration of lambda-deploy-maven-plugin: " + e.getMessage(), e);
        }
    }

    /** Called when this execution is skipped (a reactor-wide goal counts skipped modules too). */
    protected void skipped() throws MojoExecutionException, MojoFailureException {}

    /** Goal name for messages. */
    protected abstract String goal();

    /** Why this goal is skipped here, or {@code null} to run. */
    protected abstract String skipReason();

    protected abstract void run() throws MojoExecutionException, MojoFailureException;
}
