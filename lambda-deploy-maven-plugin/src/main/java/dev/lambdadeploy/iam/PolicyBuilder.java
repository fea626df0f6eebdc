package dev.lambdadeploy.iam;

import dev.lambdadeploy.aws.Partitions;
import dev.lambdadeploy.config.ConfigException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.arns.Arn;

/**
 * The least-privilege policy for what the configured goals call: every statement is scoped to the ARNs of the
 * configured functions, the package's layers, the deploy bucket and prefix, the ECR repository and the SSM prefix,
 * in every configured region, in the region's partition. {@code *} only for the actions that have no resource type
 * in AWS's Service Authorization Reference (lambda:ListLayerVersions, lambda:ListFunctions,
 * ecr:GetAuthorizationToken), each in its own statement so no other action gets {@code *}.
 */
public final class PolicyBuilder {
    static final String LAYERS = "Layers";
    static final String LAYER_LISTING = "LayerListing";
    static final String FUNCTION_LISTING = "FunctionListing";
    static final String FUNCTIONS = "Functions";
    static final String REGION_FUNCTIONS = "RegionFunctions";
    static final String PASS_ROLE = "PassRole";
    static final String BUCKET = "Bucket";
    static final String OBJECTS = "Objects";
    static final String IMAGE_REPOSITORY = "ImageRepository";
    static final String ECR_LOGIN = "EcrLogin";
    static final String PARAMETERS = "Parameters";

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:[a-z-]+:iam::\\d{12}:role/.+");

    private PolicyBuilder() {}

    public static GeneratedPolicy build(PolicyRequest r) {
        validate(r);
        Map<PolicyGoal, List<Statement>> byGoal = new EnumMap<>(PolicyGoal.class);
        for (PolicyGoal g : r.goals()) {
            Goal b = new Goal(g, r);
            switch (g) {
                case DEPLOY -> b.deploy();
                case STATUS -> b.status();
                case ROLLBACK -> b.rollback();
                case PRUNE -> b.prune();
            }
            byGoal.put(g, b.statements());
        }
        return new GeneratedPolicy(byGoal);
    }

    private static void validate(PolicyRequest r) {
        if (r.regions().isEmpty()) {
            throw new ConfigException(
                    "<region> (lambda.region)",
                    "no region to write the policy for; set "
                            + "-Dlambda.region=eu-west-1 (comma-separated for several).");
        }
        if (r.account() == null) {
            throw new ConfigException(
                    "<iamAccount> (lambda.iam.account)",
                    "the AWS account id is unknown (it comes "
                            + "from STS GetCallerIdentity, which needs credentials and network). Give it: "
                            + "-Dlambda.iam.account=123456789012.");
        }
        if (!ACCOUNT.matcher(r.account()).matches()) {
            throw new ConfigException(
                    "<iamAccount> (lambda.iam.account)",
                    "'" + r.account() + "' is not a 12-digit "
                            + "AWS account id, e.g. -Dlambda.iam.account=123456789012.");
        }
        if (r.functionNames.isEmpty() && !(r.layersOnly && r.goals().equals(java.util.Set.of(PolicyGoal.DEPLOY)))) {
            throw new ConfigException(
                    "<functionNames> (lambda.functionName)",
                    "no function given; the policy is "
                            + "scoped to the functions the goals touch. Set -Dlambda.functionName=my-function"
                            + (r.layersOnly ? ", or, for a layers-only pipeline, -Dlambda.iam.goals=deploy." : "."));
        }
        for (String role : r.roles) {
            if (!ROLE_ARN.matcher(role).matches()) {
                throw new ConfigException(
                        "<role> (lambda.role)",
                        "'" + role + "' is not an IAM role ARN "
                                + "(arn:aws:iam::123456789012:role/my-lambda-role); deploy passes it to Lambda, so the "
                                + "policy grants iam:PassRole on exactly that ARN.");
            }
        }
        for (String region : r.regions()) {
            bucket(r, region); // fails early for a bucket name with a placeholder left in it
        }
    }

    /** The deploy bucket of {@code region}; fails when a placeholder is left that deploy could not resolve either. */
    static String bucket(PolicyRequest r, String region) {
        String bucket = r.s3.bucketFor(region, r.account());
        Matcher m = PLACEHOLDER.matcher(bucket);
        if (m.find()) {
            throw new ConfigException(
                    "<deployBucket> (lambda.deploy.bucket)",
                    "the bucket name '" + r.s3.bucket()
                            + "' still holds " + m.group() + " after replacing {region} and {account} ('" + bucket
                            + "'); only {region} and {account} are replaced. Fix the name, e.g. "
                            + "-Dlambda.deploy.bucket=lambda-deploy-{account}-{region}.");
        }
        return bucket;
    }

    /** The statements of one goal; resources for every region. */
    private static final class Goal {
        private final PolicyGoal goal;
        private final PolicyRequest r;
        private final Map<String, List<String>> actions = new LinkedHashMap<>();
        private final Map<String, List<String>> resources = new LinkedHashMap<>();

        Goal(PolicyGoal goal, PolicyRequest r) {
            this.goal = goal;
            this.r = r;
        }

        void deploy() {
            if (r.zips() && !r.layerNames.isEmpty()) {
                add(LAYER_LISTING, List.of("lambda:ListLayerVersions"), List.of("*"));
                add(LAYERS, List.of("lambda:PublishLayerVersion"), layers(false));
                // DeleteLayerVersion: a version whose CodeSha256 is not the built zip's is deleted before any use
                add(
                        LAYERS,
                        List.of("lambda:GetLayerVersion", "lambda:GetLayerVersionPolicy", "lambda:DeleteLayerVersion"),
                        layers(true));
                if (r.shareLayers) {
                    add(
                            LAYERS,
                            List.of("lambda:AddLayerVersionPermission", "lambda:RemoveLayerVersionPermission"),
                            layers(true));
                }
                if (r.ssmPrefix != null) {
                    add(PARAMETERS, List.of("ssm:GetParameter", "ssm:PutParameter"), parameters());
                }
            }
            if (!r.layersOnly) {
                // ListTags: GetFunction returns the history tags (the previous deployment) only with it
                add(
                        FUNCTIONS,
                        List.of(
                                "lambda:GetFunction",
                                "lambda:ListTags",
                                "lambda:GetFunctionConfiguration",
                                "lambda:UpdateFunctionCode",
                                "lambda:UpdateFunctionConfiguration",
                                "lambda:TagResource"),
                        functions());
                if (!r.roles.isEmpty()) {
                    // creating a function (or changing its role) passes the execution role to Lambda
                    // DeleteFunction: a function created from other bytes than built is deleted again
                    add(FUNCTIONS, List.of("lambda:CreateFunction", "lambda:DeleteFunction"), functions());
                    add(PASS_ROLE, List.of("iam:PassRole"), r.roles);
                }
                if (r.publishVersions || r.alias != null) {
                    // ListVersionsByFunction: after an ambiguous PublishVersion failure, what was published is read
                    // before trying again; DeleteFunction (of a version): one with other bytes than built
                    add(
                            FUNCTIONS,
                            List.of("lambda:PublishVersion", "lambda:ListVersionsByFunction", "lambda:DeleteFunction"),
                            functions());
                }
                if (r.alias != null) {
                    add(FUNCTIONS, List.of("lambda:GetAlias", "lambda:CreateAlias", "lambda:UpdateAlias"), functions());
                }
            }
            if (r.zips() && r.s3Transport()) {
                add(BUCKET, List.of("s3:ListBucket"), buckets());
                if (r.s3.createBucket()) {
                    // a created bucket is hardened at once (docs/deploy-trust.md)
                    add(
                            BUCKET,
                            List.of(
                                    "s3:CreateBucket",
                                    "s3:PutBucketPublicAccessBlock",
                                    "s3:PutBucketOwnershipControls",
                                    "s3:PutEncryptionConfiguration",
                                    "s3:PutBucketPolicy"),
                            buckets());
                }
                // GetObject: the HEAD before an upload, and Lambda reads the zip with the caller's permissions
                add(OBJECTS, List.of("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload"), objects());
            }
            if (r.image() && !r.layersOnly) {
                add(ECR_LOGIN, List.of("ecr:GetAuthorizationToken"), List.of("*"));
                add(
                        IMAGE_REPOSITORY,
                        List.of(
                                "ecr:DescribeRepositories",
                                "ecr:CreateRepository",
                                // the image push (Jib, registry API)
                                "ecr:BatchCheckLayerAvailability",
                                "ecr:InitiateLayerUpload",
                                "ecr:UploadLayerPart",
                                "ecr:CompleteLayerUpload",
                                "ecr:PutImage",
                                "ecr:BatchGetImage",
                                "ecr:GetDownloadUrlForLayer",
                                // Lambda checks, and sets when missing, the repository policy that lets it pull the
                                // image
                                "ecr:GetRepositoryPolicy",
                                "ecr:SetRepositoryPolicy"),
                        repositories());
                if (r.imageLifecyclePolicy) {
                    add(IMAGE_REPOSITORY, List.of("ecr:GetLifecyclePolicy", "ecr:PutLifecyclePolicy"), repositories());
                }
            }
        }

        void status() {
            readFunctions();
            readLayers();
        }

        void rollback() {
            readFunctions();
            readLayers();
            add(
                    FUNCTIONS,
                    List.of(
                            "lambda:GetFunctionConfiguration",
                            "lambda:UpdateFunctionCode",
                            "lambda:UpdateFunctionConfiguration",
                            "lambda:TagResource",
                            "lambda:UntagResource"),
                    functions());
            if (r.publishVersions || r.alias != null) {
                add(FUNCTIONS, List.of("lambda:PublishVersion"), functions());
            }
            if (r.alias != null) {
                add(FUNCTIONS, List.of("lambda:CreateAlias", "lambda:UpdateAlias"), functions());
            }
            if (r.zips() && r.s3Transport()) {
                // the earlier code in the deploy bucket: checked, then read by Lambda with the caller's permissions
                add(OBJECTS, List.of("s3:GetObject"), objects());
            }
            if (r.image()) {
                add(
                        IMAGE_REPOSITORY,
                        List.of(
                                "ecr:BatchGetImage",
                                "ecr:GetDownloadUrlForLayer",
                                "ecr:GetRepositoryPolicy",
                                "ecr:SetRepositoryPolicy"),
                        repositories());
            }
        }

        void prune() {
            readFunctions();
            // every version of every function in the region protects the layer versions and code it uses
            add(FUNCTION_LISTING, List.of("lambda:ListFunctions"), List.of("*"));
            if (!r.layerNames.isEmpty()) {
                add(LAYER_LISTING, List.of("lambda:ListLayerVersions"), List.of("*"));
                add(LAYERS, List.of("lambda:GetLayerVersion", "lambda:DeleteLayerVersion"), layers(true));
            }
            // prune looks for the deploy bucket even after direct deploys (earlier S3 deploys left code there)
            add(BUCKET, List.of("s3:ListBucket"), buckets());
            add(OBJECTS, List.of("s3:GetObject", "s3:DeleteObject"), objects());
            if (r.s3ExpireRule) {
                add(BUCKET, List.of("s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration"), buckets());
            }
            if (r.imageRepository != null) {
                add(
                        IMAGE_REPOSITORY,
                        List.of("ecr:DescribeRepositories", "ecr:DescribeImages", "ecr:BatchDeleteImage"),
                        repositories());
                // an image any function of the region runs (or may roll back to) is kept: prune reads every image
                // function's code and history tags, read-only, so this is the one function wildcard
                add(REGION_FUNCTIONS, List.of("lambda:GetFunction", "lambda:ListTags"), allFunctions());
            }
        }

        private void readFunctions() {
            add(
                    FUNCTIONS,
                    List.of(
                            "lambda:GetFunction",
                            "lambda:ListTags",
                            "lambda:ListVersionsByFunction",
                            "lambda:ListAliases"),
                    functions());
        }

        private void readLayers() {
            if (!r.layerNames.isEmpty() && r.zips()) {
                add(LAYERS, List.of("lambda:GetLayerVersion"), layers(true));
            }
        }

        private void add(String category, List<String> a, List<String> res) {
            actions.computeIfAbsent(category, k -> new ArrayList<>()).addAll(a);
            resources.computeIfAbsent(category, k -> new ArrayList<>()).addAll(res);
        }

        List<Statement> statements() {
            List<Statement> out = new ArrayList<>();
            actions.forEach((category, a) -> out.add(new Statement(
                    goal.sidPrefix() + category,
                    category,
                    a,
                    resources.get(category),
                    PASS_ROLE.equals(category)
                            ? Map.of("StringEquals", Map.of("iam:PassedToService", "lambda.amazonaws.com"))
                            : Map.of())));
            return out;
        }

        /** {@code layer:<name>} (publish) or {@code layer:<name>:*} (its versions). */
        private List<String> layers(boolean versions) {
            List<String> out = new ArrayList<>();
            for (String region : r.regions()) {
                for (String name : r.layerNames) {
                    out.add(arn(region, "lambda", "layer:" + name + (versions ? ":*" : "")));
                }
            }
            return out;
        }

        /** The function and its versions and aliases ({@code function:<name>:*}). */
        private List<String> functions() {
            List<String> out = new ArrayList<>();
            for (String region : r.regions()) {
                for (String name : r.functionNames) {
                    out.add(arn(region, "lambda", "function:" + name));
                    out.add(arn(region, "lambda", "function:" + name + ":*"));
                }
            }
            return out;
        }

        private List<String> allFunctions() {
            return r.regions().stream()
                    .map(region -> arn(region, "lambda", "function:*"))
                    .toList();
        }

        private List<String> buckets() {
            return r.regions().stream()
                    .map(region -> s3Arn(region, bucket(r, region)))
                    .distinct()
                    .toList();
        }

        private List<String> objects() {
            String prefix = r.s3.prefix().isEmpty() ? "" : r.s3.prefix() + "/";
            return r.regions().stream()
                    .map(region -> s3Arn(region, bucket(r, region) + "/" + prefix + "*"))
                    .distinct()
                    .toList();
        }

        private List<String> repositories() {
            return r.regions().stream()
                    .map(region -> arn(region, "ecr", "repository/" + r.imageRepository))
                    .toList();
        }

        /** {@code parameter/<prefix>/*}: the parameters under the prefix, nothing else of the account. */
        private List<String> parameters() {
            String prefix = r.ssmPrefix.replaceAll("^/+|/+$", "");
            return r.regions().stream()
                    .map(region -> arn(region, "ssm", "parameter/" + prefix + "/*"))
                    .toList();
        }

        private String arn(String region, String service, String resource) {
            return Arn.builder()
                    .partition(Partitions.partitionOf(region))
                    .service(service)
                    .region(region)
                    .accountId(r.account())
                    .resource(resource)
                    .build()
                    .toString();
        }

        /** S3 ARNs have neither region nor account, but the partition of the bucket's region. */
        private static String s3Arn(String region, String resource) {
            return Arn.builder()
                    .partition(Partitions.partitionOf(region))
                    .service("s3")
                    .region("")
                    .accountId("")
                    .resource(resource)
                    .build()
                    .toString();
        }
    }
}
