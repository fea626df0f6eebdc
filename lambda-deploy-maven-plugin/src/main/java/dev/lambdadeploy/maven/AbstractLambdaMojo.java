package dev.lambdadeploy.maven;

import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.publish.DeployMode;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * What every goal shares, in the spirit of Jib's {@code JibPluginConfiguration}: {@code lambda.skip} skips every
 * goal, each goal has its own skip too, a project with packaging {@code pom} is skipped, and a skipped goal says why
 * in one log line; every goal works in the same {@code outputDirectory}. Configuration errors become failures that
 * name the POM element.
 */
abstract class AbstractLambdaMojo extends AbstractMojo {
    /** Skips every goal of this plugin. */
    @Parameter(property = "lambda.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Where lambda:package writes the zips and lambda-package.json; the other goals read them there and write their
     * results here too.
     */
    @Parameter(property = "lambda.outputDirectory", defaultValue = "${project.build.directory}/lambda", required = true)
    protected File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        prepare();
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

    /** Why this goal is skipped here (its own skip flag, or a project without Lambda code), or {@code null} to run. */
    private String skipReason() {
        if (skipGoal()) {
            return "lambda." + goal() + ".skip=true";
        }
        if ("pom".equals(project.getPackaging())) {
            return "project " + project.getArtifactId() + " has packaging 'pom', which has no Lambda code";
        }
        return null;
    }

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
    private List<RemoteRepository> pluginRepositories;

    @Component
    private RepositorySystem repositorySystem;

    /**
     * Runs first, skipped or not (a skipped deploy may still finish the reactor's deploy): the AWS SDK and Jib into
     * the plugin's class realm before anything uses them (see {@link AwsRuntime}).
     */
    private void prepare() throws MojoExecutionException {
        if (usesAwsSdk()) {
            AwsRuntime.ensureLoaded(goal(), plugin, repositorySystem, repositorySession, pluginRepositories, getLog());
        }
    }

    /**
     * Whether this goal uses the AWS SDK or Jib: every goal but lambda:package (invoke and analyze too, for the ARNs of
     * the local run in the region's partition).
     */
    protected boolean usesAwsSdk() {
        return true;
    }

    /** Called when this execution is skipped (a reactor-wide goal counts skipped modules too). */
    protected void skipped() throws MojoExecutionException, MojoFailureException {}

    /** Goal name for messages; its own skip property is {@code lambda.<goal>.skip}. */
    protected abstract String goal();

    /** Skips only this goal. */
    protected abstract boolean skipGoal();

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** A path as the user knows it: relative to the project's directory when inside it. */
    protected String relative(File f) {
        try {
            return project.getBasedir().toPath().relativize(f.toPath()).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            return f.getPath();
        }
    }

    /** {@code <deployMode>}, read alike by lambda:package, lambda:deploy and lambda:iam-policy. */
    static DeployMode deployMode(String value) {
        return DeployMode.parse(value, "<deployMode> (lambda.deploy.mode)");
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
