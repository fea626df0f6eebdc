package dev.lambdadeploy.maven;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.publish.DeployException;
import dev.lambdadeploy.publish.DeployRequest;
import dev.lambdadeploy.publish.DeployResult;
import dev.lambdadeploy.publish.DeployResultIO;
import dev.lambdadeploy.publish.FunctionOverride;
import dev.lambdadeploy.publish.FunctionSettings;
import dev.lambdadeploy.publish.GitCommit;
import dev.lambdadeploy.publish.LambdaDeployer;
import dev.lambdadeploy.publish.LayerSettings;
import dev.lambdadeploy.publish.ModuleOutcome;
import dev.lambdadeploy.publish.ReactorResult;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.publish.image.BaseImage;
import dev.lambdadeploy.publish.image.EcrRepositories;
import dev.lambdadeploy.publish.image.ImageException;
import dev.lambdadeploy.publish.image.ImageFormat;
import dev.lambdadeploy.publish.image.ImageSettings;
import dev.lambdadeploy.report.DeployProgress;
import dev.lambdadeploy.report.DeploySummary;
import dev.lambdadeploy.report.ReactorSummary;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the layers and function code that {@code lambda:package} built (target/lambda/lambda-package.json) and
 * points the functions at them: skips what Lambda already has (same CodeSha256), waits for every update to finish,
 * optionally publishes a version and moves an alias. Writes target/lambda/deploy-result.json.
 */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployMojo extends AbstractAwsGoalMojo {

    /** Skips only this goal. */
    @Parameter(property = "lambda.deploy.skip", defaultValue = "false")
    private boolean skipDeploy;

    /** Handler, e.g. {@code com.example.Handler::handleRequest}; set on every function (required to create one). */
    @Parameter(property = "lambda.handler")
    private String handler;

    /** Runtime, e.g. {@code java21}; set when configured, {@code java21} for new functions and layers otherwise. */
    @Parameter(property = "lambda.runtime")
    private String runtime;

    /** Memory in MB. */
    @Parameter(property = "lambda.memorySize")
    private Integer memorySize;

    /** Timeout in seconds. */
    @Parameter(property = "lambda.timeout")
    private Integer timeout;

    /** Environment variables to set (others on the function are kept). */
    @Parameter
    private Map<String, String> environment = new HashMap<>();

    /** Value of JAVA_TOOL_OPTIONS, e.g. {@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1} for faster cold starts. */
    @Parameter(property = "lambda.javaToolOptions")
    private String javaToolOptions;

    /** Execution role ARN; with {@code handler} set, missing functions are created instead of failing the deploy. */
    @Parameter(property = "lambda.role")
    private String role;

    /** Function description. */
    @Parameter(property = "lambda.description")
    private String description;

    /** Publish a function version after a change. */
    @Parameter(property = "lambda.publishVersion", defaultValue = "false")
    private boolean publishVersion;

    /** Turn on SnapStart (ApplyOn PublishedVersions; implies publishVersion). */
    @Parameter(property = "lambda.snapStart", defaultValue = "false")
    private boolean snapStart;

    /**
     * {@code auto} (direct when a zip fits in 52,428,800 bytes, else S3; a container image when function + layers
     * exceed 250 MB unzipped and {@code imageRepository} is set), {@code direct}, {@code s3} or {@code image}.
     * Also accepted as {@code <mode>}.
     */
    @Parameter(alias = "mode", property = "lambda.deploy.mode", defaultValue = "auto")
    private String deployMode;

    /** ECR repository for container images (image mode); created when absent. */
    @Parameter(property = "lambda.image.repository")
    private String imageRepository;

    /**
     * Registry host to push the image to instead of the account's ECR registry (a local registry, a proxy); the
     * login token still comes from ECR and Lambda still gets the ECR repository URI.
     */
    @Parameter(property = "lambda.image.registry")
    private String imageRegistry;

    /**
     * Base image: a registry reference (default: {@code public.ecr.aws/lambda/java:21}, by {@code runtime}),
     * {@code tar:path} (docker save tarball or OCI archive) or {@code oci:path} (OCI layout folder).
     */
    @Parameter(property = "lambda.image.baseImage")
    private String baseImage;

    /** Allow registries without trusted HTTPS (plain HTTP, self-signed); only for registries you trust. */
    @Parameter(property = "lambda.image.allowInsecureRegistries", defaultValue = "false")
    private boolean allowInsecureRegistries;

    /** ECR lifecycle policy on the repository: keep only the newest N images. */
    @Parameter(property = "lambda.image.keepNewestImages")
    private Integer keepNewestImages;

    /**
     * Make the tags of an ECR repository the plugin creates immutable. Functions are pinned by digest either way; with
     * immutable tags a re-deploy of the same version with other content (e.g. a SNAPSHOT) fails at the push.
     */
    @Parameter(property = "lambda.image.immutableTags", defaultValue = "false")
    private boolean imageImmutableTags;

    /** KMS key an ECR repository the plugin creates is encrypted with; default AES256. */
    @Parameter(property = "lambda.image.kmsKey")
    private String imageKmsKey;

    /** Scan on push for a repository the plugin creates. */
    @Parameter(property = "lambda.image.scanOnPush", defaultValue = "true")
    private boolean scanOnPush;

    /** Image manifest format: {@code docker} (V2.2) or {@code oci}. */
    @Parameter(property = "lambda.image.format", defaultValue = "docker")
    private String imageFormat;

    /**
     * The size budgets of lambda:package (configure them at plugin level to share them); in image mode the
     * {@code image-size} budgets are checked against the pushed image before any function changes.
     */
    @Parameter
    private List<Budget> budgets = new ArrayList<>();

    /**
     * Create the bucket (in the deploy region) when it does not exist. A created bucket is hardened: all four public
     * access blocks, object ownership BucketOwnerEnforced, default encryption (SSE-S3, or SSE-KMS with
     * {@code deployBucketKmsKey}) and a bucket policy denying requests without TLS.
     */
    @Parameter(property = "lambda.deploy.createBucket", defaultValue = "false")
    private boolean createBucket;

    /** KMS key (id, ARN or alias) a bucket the plugin creates encrypts with by default; default SSE-S3. */
    @Parameter(property = "lambda.deploy.bucketKmsKey")
    private String deployBucketKmsKey;

    /** Compatible runtimes of published layers; default: the function runtime (java21). */
    @Parameter
    private List<String> layerRuntimes = new ArrayList<>();

    /** License info of published layers (SPDX id or URL). */
    @Parameter(property = "lambda.deploy.layerLicense")
    private String layerLicense;

    /** Account ids allowed to use new layer versions (AddLayerVersionPermission). */
    @Parameter
    private List<String> layerShareAccounts = new ArrayList<>();

    /**
     * Allow {@code *} in {@code layerShareAccounts}: new layer versions shared with every AWS account (public). Off,
     * a {@code *} is a configuration error; on, the deploy prints that the layers are public.
     */
    @Parameter(property = "lambda.layers.allowPublic", defaultValue = "false")
    private boolean layerAllowPublic;

    /** Organization id ({@code o-...}) allowed to use new layer versions; printed by every deploy. */
    @Parameter(property = "lambda.deploy.layerShareOrganization")
    private String layerShareOrganization;

    /** Longest wait, in seconds, for a function update to finish. */
    @Parameter(property = "lambda.deploy.waitTimeout", defaultValue = "300")
    private int waitTimeout;

    /** Record what was deployed (and what was there before) as function tags, for status and rollback. */
    @Parameter(property = "lambda.deploy.recordHistory", defaultValue = "true")
    private boolean recordHistory;

    /** Print the plan (read-only AWS calls) and change nothing. */
    @Parameter(property = "lambda.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * How many functions are deployed at once in the whole build: across the regions and functions of a module,
     * and across the modules of a reactor built with {@code -T}.
     */
    @Parameter(property = "lambda.deploy.concurrency", defaultValue = "4")
    private int concurrency;

    /**
     * Fail the build as soon as one module's deploy fails. By default the other modules of a reactor are still
     * deployed and the build fails once at its end, listing every failed function and the state it was left in.
     */
    @Parameter(property = "lambda.deploy.failFast", defaultValue = "false")
    private boolean failFast;

    /**
     * Publish (or reuse) the layers only and touch no function, for functions owned by CloudFormation, CDK, SAM or
     * Terraform: they read the new layer version ARNs from the outputs (deploy-result.json, GitHub step outputs, SSM).
     */
    @Parameter(property = "lambda.deploy.layersOnly", defaultValue = "false")
    private boolean layersOnly;

    /**
     * SSM Parameter Store prefix: each layer's newest version ARN goes to {@code <prefix>/<layer>/arn} in its region,
     * e.g. {@code /lambda-deploy} for {@code {{resolve:ssm:/lambda-deploy/deps/arn}}} in CloudFormation.
     */
    @Parameter(property = "lambda.deploy.ssmPrefix")
    private String ssmPrefix;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Override
    protected String goal() {
        return "deploy";
    }

    @Override
    protected boolean skipGoal() {
        return skipDeploy;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (concurrency < 1) {
            throw new ConfigException(
                    "<concurrency> (lambda.deploy.concurrency)",
                    "must be at least 1, was " + concurrency + "; e.g. -Dlambda.deploy.concurrency=4");
        }
        ReactorDeploy reactor = ReactorDeploy.of(session, concurrency);
        DeployResult result = null;
        String error = null;
        try {
            DeployRequest request = request(reactor);
            SdkLogging.quietSecretBearingLoggers();
            MavenBuildLog log = new MavenBuildLog(getLog());
            result = new LambdaDeployer(log, new DeployProgress(log)).deploy(request);
            handOutputs(result, request);
        } catch (RuntimeException e) {
            if (!(e instanceof DeployException
                    || e instanceof AwsCallException
                    || e instanceof ImageException
                    || e instanceof ConfigException)) {
                // not a deploy failure but a bug or an environment fault: counted, then failed with its stack
                reactor.finish(project, new ModuleOutcome(project.getArtifactId(), null, String.valueOf(e)));
                throw new MojoExecutionException("lambda:deploy of " + project.getArtifactId() + " failed: " + e, e);
            }
            error = e.getMessage();
            if (e instanceof ConfigException || failFast) {
                reactor.finish(project, new ModuleOutcome(project.getArtifactId(), null, error));
                if (e instanceof ConfigException c) {
                    throw c;
                }
                throw new MojoFailureException(e.getMessage(), e);
            }
        }
        if (result != null) {
            DeploySummary.render(result).forEach(getLog()::info);
            getLog().info("Deploy result: " + relative(outputDirectory) + File.separator + DeployResult.FILE_NAME);
        }
        ModuleOutcome outcome = new ModuleOutcome(project.getArtifactId(), result, error);
        ReactorDeploy.Completion done = reactor.finish(project, outcome);
        writeReactorResult(reactor);
        if (done.last() && done.outcomes().size() > 1) {
            ReactorSummary.render(done.outcomes()).forEach(getLog()::info);
        }
        if (!outcome.failed()) {
            return;
        }
        String failure = String.join(" | ", outcome.failures());
        if (failFast) {
            // an unexpected exception behind a failure keeps its stack for mvn -e; AWS failures stay one line
            throw new MojoFailureException("lambda:deploy failed: " + failure, outcome.cause());
        }
        if (done.last() && !reactor.hasDeferredFailure()) {
            // the last (or only) deploy of the build: fail here, with every failure of the build
            throw new MojoFailureException(
                    DeferredDeployFailure.describe(done.outcomes()), DeferredDeployFailure.cause(done.outcomes()));
        }
        boolean[] created = {false};
        DeferredDeployFailure deferred = reactor.failure(reactor::outcomes, created);
        if (created[0] && session != null) {
            session.getResult().addException(deferred);
        }
        getLog().error("lambda:deploy of " + project.getArtifactId() + " failed: " + failure + " The other modules "
                + "are still deployed; the build fails at its end (-Dlambda.deploy.failFast=true stops at once).");
    }

    /** The outputs for the next pipeline step (GitHub step outputs, SSM); a failure here fails this module. */
    private void handOutputs(DeployResult result, DeployRequest request) {
        try {
            dev.lambdadeploy.outputs.DeployOutputs.publish(
                    result, request.aws(), blank(ssmPrefix), System.getenv(), new MavenBuildLog(getLog()));
        } catch (AwsCallException | java.io.UncheckedIOException e) {
            throw new DeployException(
                    "lambda:deploy deployed, but could not hand the outputs on: " + e.getMessage(), e);
        }
    }

    @Override
    protected void skipped() {
        ReactorDeploy reactor = ReactorDeploy.of(session, Math.max(1, concurrency));
        ReactorDeploy.Completion done = reactor.finish(project, null);
        if (done.last() && done.outcomes().size() > 1) {
            writeReactorResult(reactor);
            ReactorSummary.render(done.outcomes()).forEach(getLog()::info);
        }
    }

    /** The reactor's aggregate result, rewritten after each module so it is complete however the build ends. */
    private void writeReactorResult(ReactorDeploy reactor) {
        if (session == null
                || session.getTopLevelProject() == null
                || session.getProjects().size() < 2) {
            return;
        }
        java.nio.file.Path file = java.nio.file.Path.of(
                session.getTopLevelProject().getBuild().getDirectory(), "lambda", ReactorResult.FILE_NAME);
        try {
            synchronized (reactor) {
                DeployResultIO.write(ReactorResult.of(reactor.outcomes()), file);
            }
        } catch (java.io.IOException e) {
            getLog().warn("Could not write " + file + ": " + e.getMessage());
        }
    }

    private DeployRequest request(ReactorDeploy reactor) {
        AwsSettings aws = awsSettings();
        List<String> names = functionNameList(layersOnly);
        List<String> regions = regions(aws);
        Duration wait = waitTimeout(waitTimeout);
        FunctionSettings function = FunctionSettings.builder()
                .handler(blank(handler))
                .runtime(blank(runtime))
                .memorySize(memorySize)
                .timeout(timeout)
                .environment(environment)
                .javaToolOptions(blank(javaToolOptions))
                .role(blank(role))
                .description(blank(description))
                .publishVersion(publishVersion)
                .alias(blank(alias))
                .snapStart(snapStart)
                .build();
        return DeployRequest.builder(outputDirectory.toPath())
                .staleIfNewer(classesDirectory == null ? List.of() : List.of(classesDirectory.toPath()))
                .expectedArtifact(project.getGroupId() + ":" + project.getArtifactId())
                .regions(regions)
                .functionNames(names)
                .function(function)
                .overrides(overrides())
                .layers(new LayerSettings(
                        layerPrefix,
                        layerRuntimes,
                        blank(layerLicense),
                        layerShareAccounts,
                        blank(layerShareOrganization),
                        layerAllowPublic))
                .mode(deployMode(deployMode))
                .s3(new S3Settings(
                        blank(deployBucket),
                        deployPrefix,
                        createBucket,
                        0,
                        0,
                        blank(deployBucketOwner),
                        blank(deployBucketKmsKey)))
                .image(imageSettings())
                .aws(aws)
                .dryRun(dryRun)
                .recordHistory(recordHistory)
                .waitTimeout(wait)
                .layersOnly(layersOnly)
                .gitCommit(GitCommit.find(
                                project.getBasedir() == null
                                        ? null
                                        : project.getBasedir().toPath(),
                                System.getenv())
                        .orElse(null))
                .session(reactor.fleet())
                .build();
    }

    /** The {@code <functions>} entries as engine overrides, by function name. */
    private Map<String, FunctionOverride> overrides() {
        Map<String, FunctionOverride> m = new LinkedHashMap<>();
        for (Function f : functions) {
            String name = blank(f.name);
            if (m.containsKey(name)) {
                throw new ConfigException(
                        "<functions><function><name>",
                        "function " + name + " is listed twice; " + "give each function one <function> entry.");
            }
            m.put(
                    name,
                    new FunctionOverride(
                            blank(f.handler),
                            f.memorySize,
                            f.timeout,
                            f.environment,
                            blank(f.javaToolOptions),
                            blank(f.role),
                            blank(f.description),
                            f.publishVersion,
                            f.snapStart));
        }
        return m;
    }

    private ImageSettings imageSettings() {
        List<dev.lambdadeploy.budget.Budget> imageBudgets = Budget.specs(budgets).stream()
                .map(dev.lambdadeploy.budget.Budget::of)
                .toList();
        return new ImageSettings(
                imageRepository,
                imageRegistry,
                blank(baseImage) == null
                        ? null
                        : BaseImage.parse(
                                baseImage, runtime, project.getBasedir().toPath()),
                allowInsecureRegistries,
                new EcrRepositories.Settings(
                        scanOnPush, keepNewestImages, imageImmutableTags, blank(imageKmsKey), null),
                ImageFormat.parse(imageFormat, "<imageFormat> (lambda.image.format)"),
                imageBudgets);
    }
}
