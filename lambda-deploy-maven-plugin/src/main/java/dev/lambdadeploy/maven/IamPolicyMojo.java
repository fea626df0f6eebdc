package dev.lambdadeploy.maven;

import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.iam.AccountLookup;
import dev.lambdadeploy.iam.GeneratedPolicy;
import dev.lambdadeploy.iam.PolicyBuilder;
import dev.lambdadeploy.iam.PolicyGoal;
import dev.lambdadeploy.iam.PolicyJson;
import dev.lambdadeploy.iam.PolicyRequest;
import dev.lambdadeploy.iam.PolicySummary;
import dev.lambdadeploy.manifest.ManifestIO;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ZipRecord;
import dev.lambdadeploy.publish.S3Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the least-privilege IAM policy for what this POM's configuration makes lambda:deploy, status, rollback and
 * prune call: target/lambda/iam-policy.json (ready for {@code aws iam put-role-policy}) and
 * target/lambda/iam-policy-by-goal.json (one policy per goal, for separate deploy and prune roles). Reads the layer
 * names from target/lambda/lambda-package.json, so run it after {@code package}: {@code mvn package lambda:iam-policy}.
 * The deploy settings are read with the same names and properties as lambda:deploy's.
 */
@Mojo(name = "iam-policy", threadSafe = true)
public class IamPolicyMojo extends AbstractAwsGoalMojo {

    /** Skips only this goal. */
    @Parameter(property = "lambda.iam-policy.skip", defaultValue = "false")
    private boolean skipIamPolicy;

    /** The goals the pipeline role runs, comma-separated: deploy, status, rollback, prune. */
    @Parameter(property = "lambda.iam.goals", defaultValue = "deploy,status,rollback,prune")
    private String iamGoals;

    /** The AWS account id for the ARNs; default: the caller's account from STS (needs credentials and network). */
    @Parameter(property = "lambda.iam.account")
    private String iamAccount;

    /** More layer names (without the layer prefix) prune may clean up, e.g. layers the package no longer has. */
    @Parameter
    private List<String> iamExtraLayers = new ArrayList<>();

    /** As for lambda:deploy: {@code auto}, {@code direct}, {@code s3} or {@code image}. */
    @Parameter(alias = "mode", property = "lambda.deploy.mode", defaultValue = "auto")
    private String deployMode;

    /** As for lambda:deploy: the ECR repository of image mode. */
    @Parameter(property = "lambda.image.repository")
    private String imageRepository;

    /** As for lambda:deploy: ECR lifecycle policy (keep the newest N images). */
    @Parameter(property = "lambda.image.keepNewestImages")
    private Integer keepNewestImages;

    /** As for lambda:deploy: the execution role (iam:PassRole is granted on exactly this ARN). */
    @Parameter(property = "lambda.role")
    private String role;

    /** As for lambda:deploy. */
    @Parameter(property = "lambda.publishVersion", defaultValue = "false")
    private boolean publishVersion;

    /** As for lambda:deploy (implies published versions). */
    @Parameter(property = "lambda.snapStart", defaultValue = "false")
    private boolean snapStart;

    /** As for lambda:deploy: create the deploy bucket when missing. */
    @Parameter(property = "lambda.deploy.createBucket", defaultValue = "false")
    private boolean createBucket;

    /** As for lambda:deploy. */
    @Parameter
    private List<String> layerShareAccounts = new ArrayList<>();

    /** As for lambda:deploy. */
    @Parameter(property = "lambda.deploy.layerShareOrganization")
    private String layerShareOrganization;

    /** As for lambda:deploy: publish layers only, touch no function. */
    @Parameter(property = "lambda.deploy.layersOnly", defaultValue = "false")
    private boolean layersOnly;

    /** As for lambda:deploy: the SSM Parameter Store prefix for the layer version ARNs. */
    @Parameter(property = "lambda.deploy.ssmPrefix")
    private String ssmPrefix;

    /** As for lambda:prune: the deploy bucket's expiry rule. */
    @Parameter(property = "lambda.prune.s3ExpireDays")
    private Integer s3ExpireDays;

    @Override
    protected String goal() {
        return "iam-policy";
    }

    @Override
    protected boolean skipGoal() {
        return skipIamPolicy;
    }

    @Override
    protected void run() throws MojoExecutionException {
        PolicyRequest request = request();
        GeneratedPolicy policy = PolicyBuilder.build(request);
        Path dir = outputDirectory.toPath();
        PolicyJson.writeFiles(policy, dir);
        String combined = PolicyJson.document(policy.combined());
        PolicySummary.render(policy, request, combined, relative(outputDirectory))
                .forEach(getLog()::info);
        if (PolicyJson.size(combined) > PolicyJson.INLINE_ROLE_POLICY_LIMIT) {
            getLog().warn("The policy is larger than IAM allows for a role's inline policies; attach "
                    + PolicyJson.BY_GOAL_FILE_NAME + "'s per-goal policies separately, or use fewer regions per role.");
        }
    }

    private PolicyRequest request() throws MojoExecutionException {
        AwsSettings aws = awsSettings();
        List<String> regions = regions(aws);
        List<String> functions = functionNameList(layersOnly);
        List<String> roles = new ArrayList<>();
        roles.add(blank(role));
        functions().forEach(f -> roles.add(blank(f.role)));
        boolean versions = publishVersion
                || snapStart
                || functions().stream()
                        .anyMatch(f -> Boolean.TRUE.equals(f.publishVersion) || Boolean.TRUE.equals(f.snapStart));
        String account = blank(iamAccount) != null ? blank(iamAccount) : AccountLookup.fromSts(aws, regions.get(0));
        return PolicyRequest.builder()
                .goals(PolicyGoal.parse(iamGoals, "<iamGoals> (lambda.iam.goals)"))
                .regions(regions)
                .account(account)
                .functionNames(functions)
                .roles(roles.stream().filter(r -> r != null).toList())
                .layerNames(layerNames())
                .shareLayers(!layerShareAccounts.isEmpty() || blank(layerShareOrganization) != null)
                .publishVersions(versions)
                .alias(blank(alias))
                .mode(deployMode(deployMode))
                .s3(new S3Settings(blank(deployBucket), deployPrefix, createBucket, 0, 0))
                .imageRepository(blank(imageRepository))
                .imageLifecyclePolicy(keepNewestImages != null)
                .s3ExpireRule(s3ExpireDays != null)
                .ssmPrefix(blank(ssmPrefix))
                .layersOnly(layersOnly)
                .build();
    }

    private List<Function> functions() {
        return functions == null ? List.of() : functions;
    }

    /** The AWS names of the package's layers (and the extra ones), from the manifest lambda:package wrote. */
    private List<String> layerNames() throws MojoExecutionException {
        Path manifestFile = outputDirectory.toPath().resolve(PackageManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            throw new MojoExecutionException("lambda:iam-policy scopes the policy to the package's layers, but "
                    + relative(manifestFile.toFile()) + " does not exist. Run it after packaging: "
                    + "mvn package lambda:iam-policy");
        }
        List<String> names = new ArrayList<>();
        try {
            for (ZipRecord z : ManifestIO.read(manifestFile).layers()) {
                names.add(prefix() + z.name());
            }
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException(
                    "Cannot read " + relative(manifestFile.toFile()) + " (" + e.getMessage()
                            + "). Run mvn package again.",
                    e);
        }
        iamExtraLayers.stream()
                .map(AbstractLambdaMojo::blank)
                .filter(n -> n != null)
                .forEach(n -> names.add(prefix() + n));
        return names;
    }

    private String prefix() {
        return layerPrefix == null ? "" : layerPrefix.trim();
    }
}
