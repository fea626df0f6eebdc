package dev.lambdadeploy.maven;

import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.aws.RetryStrategyMode;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.lifecycle.LifecycleScope;
import dev.lambdadeploy.publish.S3Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The AWS parameters lambda:deploy, status, rollback and prune share (same properties, same meaning), so a POM
 * configured for deploy needs nothing more for the others.
 */
abstract class AbstractAwsGoalMojo extends AbstractLambdaMojo {

    /** AWS region(s), comma-separated; default: the SDK's region chain (AWS_REGION, profile). */
    @Parameter(property = "lambda.region")
    private String region;

    /** Named AWS profile (~/.aws/config, SSO included); default: the default credentials chain. */
    @Parameter(property = "lambda.profile")
    private String profile;

    /** Endpoint override for every AWS service (LocalStack, moto), e.g. {@code http://127.0.0.1:5000}. */
    @Parameter(property = "lambda.endpoint")
    private String endpoint;

    /** Function name(s), comma-separated. */
    @Parameter(property = "lambda.functionName")
    private String functionName;

    /** More function names, as a list in the POM. */
    @Parameter
    private List<String> functionNames = new ArrayList<>();

    /**
     * Functions with settings of their own: {@code <function>} with {@code <name>} and any of {@code <handler>},
     * {@code <memorySize>}, {@code <timeout>}, {@code <environment>}, {@code <javaToolOptions>}, {@code <role>},
     * {@code <description>}, {@code <publishVersion>}, {@code <snapStart>}; what is left out is the plugin-level
     * setting. They are deployed (and checked, rolled back, pruned) with the other configured functions.
     */
    @Parameter
    protected List<Function> functions = new ArrayList<>();

    /** Alias that lambda:deploy moves; rollback moves it too. */
    @Parameter(property = "lambda.alias")
    protected String alias;

    /** The deploy bucket ({@code {region}} and {@code {account}} are replaced); default lambda-deploy-{account}-{region}. */
    @Parameter(property = "lambda.deploy.bucket")
    protected String deployBucket;

    /**
     * The 12-digit account that must own the deploy bucket; every S3 request names it (ExpectedBucketOwner), so S3
     * refuses the request when the bucket belongs to anyone else. Default: the deploying identity's own account.
     */
    @Parameter(property = "lambda.deploy.bucketOwner")
    protected String deployBucketOwner;

    /** Key prefix of the deploy bucket's objects. */
    @Parameter(property = "lambda.deploy.prefix", defaultValue = "lambda-deploy")
    protected String deployPrefix;

    /** Prefix of layer names in Lambda, as for lambda:deploy. */
    @Parameter(property = "lambda.deploy.layerPrefix", defaultValue = "")
    protected String layerPrefix;

    /** SDK retry strategy: {@code standard} or {@code adaptive}. */
    @Parameter(property = "lambda.retryMode", defaultValue = "standard")
    private String retryMode;

    /**
     * Attempts each AWS call gets, retries included (throttling, 5xx, reset connections). Default: the
     * {@code aws.maxAttempts} system property, AWS_MAX_ATTEMPTS or the profile's {@code max_attempts} when set, else
     * 8, so that a burst of throttling does not fail a release. Calls that are not idempotent (PublishLayerVersion,
     * PublishVersion, CreateFunction) are retried only after checking that the failed attempt created nothing.
     */
    @Parameter(property = "lambda.aws.maxAttempts")
    private Integer maxAttempts;

    protected LifecycleScope scope() {
        AwsSettings aws = awsSettings();
        return new LifecycleScope(
                outputDirectory.toPath(),
                regions(aws),
                functionNameList(),
                aws,
                layerPrefix,
                new S3Settings(blank(deployBucket), deployPrefix, false, 0, 0, blank(deployBucketOwner), null),
                project.getArtifactId() + "-function",
                blank(alias));
    }

    protected AwsSettings awsSettings() {
        return new AwsSettings(
                profile,
                endpoint(),
                RetryStrategyMode.parse(retryMode, "<retryMode> (lambda.retryMode)"),
                null,
                maxAttempts);
    }

    /** The configured functions; fails naming the POM element when there is none. */
    protected List<String> functionNameList() {
        LinkedHashSet<String> names = new LinkedHashSet<>(split(functionName));
        functionNames.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        for (int i = 0; i < functions.size(); i++) {
            String name = blank(functions.get(i).name);
            if (name == null) {
                throw new ConfigException(
                        "<functions><function>[" + (i + 1) + "]<name>",
                        "every <function> needs "
                                + "the Lambda function's <name>, e.g. <function><name>orders-api</name>...</function>.");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new ConfigException(
                    "<functionNames> (lambda.functionName)",
                    "no function given. Set "
                            + "-Dlambda.functionName=my-function (comma-separated for several), "
                            + "<functionNames><functionName>my-function</functionName></functionNames> or "
                            + "<functions><function><name>my-function</name></function></functions>.");
        }
        return new ArrayList<>(names);
    }

    /** The configured functions; publishing layers only (lambda:deploy, lambda:iam-policy) needs none. */
    protected List<String> functionNameList(boolean layersOnly) {
        try {
            return functionNameList();
        } catch (ConfigException noFunction) {
            if (!layersOnly) {
                throw noFunction;
            }
            return List.of();
        }
    }

    /** The configured regions, or the SDK's default region chain. */
    protected List<String> regions(AwsSettings aws) {
        List<String> regions = split(region);
        return regions.isEmpty()
                ? List.of(AwsClientFactory.defaultRegion(aws.profile(), "<region> (lambda.region)"))
                : regions;
    }

    private URI endpoint() {
        if (blank(endpoint) == null) {
            return null;
        }
        try {
            URI uri = new URI(endpoint.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(endpoint, "scheme and host required");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(
                    "<endpoint> (lambda.endpoint)",
                    "'" + endpoint + "' is not a URL; use e.g. " + "-Dlambda.endpoint=http://127.0.0.1:5000");
        }
    }

    private static List<String> split(String csv) {
        return csv == null
                ? List.of()
                : Arrays.stream(csv.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** {@code <waitTimeout>} of lambda:deploy and lambda:rollback, which wait for every update alike. */
    static Duration waitTimeout(int seconds) {
        if (seconds <= 0) {
            throw new ConfigException(
                    "<waitTimeout> (lambda.deploy.waitTimeout)", "must be a positive number of seconds");
        }
        return Duration.ofSeconds(seconds);
    }
}
