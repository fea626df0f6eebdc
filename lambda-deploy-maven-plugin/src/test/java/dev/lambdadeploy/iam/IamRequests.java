package dev.lambdadeploy.iam;

import dev.lambdadeploy.aws.Partitions;
import dev.lambdadeploy.testing.AwsCallRecorder.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentInput;

/**
 * What IAM evaluates for a recorded SDK call: the action and the resource ARN, following AWS's Service Authorization
 * Reference, plus what AWS checks on the caller's behalf without a call of its own (lambda:ListTags for the tags in
 * GetFunction's answer, iam:PassRole for a function's role, lambda:GetLayerVersion for each layer a function is given, s3:GetObject for code Lambda reads from S3).
 * A call this table does not know fails the test, so a new AWS call in the engine cannot go unchecked.
 */
final class IamRequests {
    /** One authorization IAM makes. */
    record Authorization(String action, String resource, Call call) {
        @Override
        public String toString() {
            return action + " on " + resource + " (" + call + ")";
        }
    }

    private static final Map<String, String> S3_ACTIONS = Map.ofEntries(
            Map.entry("HeadBucket", "s3:ListBucket"),
            Map.entry("ListObjectsV2", "s3:ListBucket"),
            Map.entry("HeadObject", "s3:GetObject"),
            Map.entry("GetObject", "s3:GetObject"),
            Map.entry("PutObject", "s3:PutObject"),
            Map.entry("CreateMultipartUpload", "s3:PutObject"),
            Map.entry("UploadPart", "s3:PutObject"),
            Map.entry("CompleteMultipartUpload", "s3:PutObject"),
            Map.entry("AbortMultipartUpload", "s3:AbortMultipartUpload"),
            Map.entry("CreateBucket", "s3:CreateBucket"),
            Map.entry("PutPublicAccessBlock", "s3:PutBucketPublicAccessBlock"),
            Map.entry("PutBucketOwnershipControls", "s3:PutBucketOwnershipControls"),
            Map.entry("PutBucketEncryption", "s3:PutEncryptionConfiguration"),
            Map.entry("PutBucketPolicy", "s3:PutBucketPolicy"),
            Map.entry("DeleteObject", "s3:DeleteObject"),
            Map.entry("GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration"),
            Map.entry("PutBucketLifecycleConfiguration", "s3:PutLifecycleConfiguration"));

    private IamRequests() {}

    static List<Authorization> of(Call c, String account) {
        List<Authorization> out = new ArrayList<>();
        switch (c.service().toUpperCase(java.util.Locale.ROOT)) {
            case "LAMBDA" -> lambda(c, account, out);
            case "S3" -> {
                String action = S3_ACTIONS.get(c.operation());
                if (action == null) {
                    throw new AssertionError("no IAM mapping for S3 " + c.operation() + ": add it to IamRequests");
                }
                String key = c.field("Key", String.class);
                out.add(new Authorization(
                        action, s3(c.region(), c.field("Bucket", String.class) + (key == null ? "" : "/" + key)), c));
            }
            case "ECR" -> {
                if ("GetAuthorizationToken".equals(c.operation())) {
                    out.add(new Authorization("ecr:GetAuthorizationToken", "*", c));
                    break;
                }
                List<String> names = new ArrayList<>();
                String name = c.field("repositoryName", String.class);
                if (name != null) {
                    names.add(name);
                } else {
                    @SuppressWarnings("unchecked")
                    List<String> many = c.field("repositoryNames", List.class);
                    if (many == null || many.isEmpty()) {
                        throw new AssertionError("ECR " + c.operation() + " without a repository: all repositories");
                    }
                    names.addAll(many);
                }
                names.forEach(n -> out.add(new Authorization(
                        "ecr:" + c.operation(), arn(c.region(), account, "ecr", "repository/" + n), c)));
            }
            case "SSM" ->
                out.add(new Authorization(
                        "ssm:" + c.operation(),
                        arn(
                                c.region(),
                                account,
                                "ssm",
                                "parameter/" + c.field("Name", String.class).replaceFirst("^/", "")),
                        c));
            case "STS" -> {
                if (!"GetCallerIdentity".equals(c.operation())) {
                    throw new AssertionError("no IAM mapping for STS " + c.operation());
                }
                // GetCallerIdentity needs no permission (AWS: "No permissions are required")
            }
            default -> throw new AssertionError("no IAM mapping for " + c + ": add it to IamRequests");
        }
        return out;
    }

    private static void lambda(Call c, String account, List<Authorization> out) {
        String op = c.operation();
        String action = "lambda:" + op;
        switch (op) {
            case "ListFunctions", "ListLayerVersions", "ListLayers" -> out.add(new Authorization(action, "*", c));
            case "PublishLayerVersion" -> {
                out.add(new Authorization(action, layer(c, account, null), c));
                LayerVersionContentInput content = c.field("Content", LayerVersionContentInput.class);
                if (content != null && content.s3Bucket() != null) {
                    out.add(new Authorization(
                            "s3:GetObject", s3(c.region(), content.s3Bucket() + "/" + content.s3Key()), c));
                }
            }
            case "GetLayerVersion",
                    "DeleteLayerVersion",
                    "GetLayerVersionPolicy",
                    "AddLayerVersionPermission",
                    "RemoveLayerVersionPermission" ->
                out.add(new Authorization(action, layer(c, account, c.field("VersionNumber", Long.class)), c));
            case "TagResource", "UntagResource", "ListTags" ->
                out.add(new Authorization(action, c.field("Resource", String.class), c));
            default -> {
                String name = c.field("FunctionName", String.class);
                if (name == null) {
                    throw new AssertionError("no IAM mapping for Lambda " + op + ": add it to IamRequests");
                }
                String qualifier = c.field("Qualifier", String.class);
                out.add(new Authorization(action, function(c.region(), account, name, qualifier), c));
                if ("GetFunction".equals(op)) {
                    // GetFunction returns the tags only to a caller allowed lambda:ListTags (else a TagsError)
                    out.add(new Authorization("lambda:ListTags", function(c.region(), account, name, qualifier), c));
                }
                implied(c, out);
            }
        }
    }

    /** What Lambda authorizes on the caller for CreateFunction / UpdateFunctionConfiguration / UpdateFunctionCode. */
    @SuppressWarnings("unchecked")
    private static void implied(Call c, List<Authorization> out) {
        String role = c.field("Role", String.class);
        if (role != null) {
            out.add(new Authorization("iam:PassRole", role, c));
        }
        List<String> layers = c.field("Layers", List.class);
        if (layers != null) {
            layers.forEach(arn -> out.add(new Authorization("lambda:GetLayerVersion", arn, c)));
        }
        String bucket = c.field("S3Bucket", String.class);
        FunctionCode code = c.field("Code", FunctionCode.class);
        if (code != null && code.s3Bucket() != null) {
            out.add(new Authorization("s3:GetObject", s3(c.region(), code.s3Bucket() + "/" + code.s3Key()), c));
        } else if (bucket != null) {
            out.add(new Authorization(
                    "s3:GetObject", s3(c.region(), bucket + "/" + c.field("S3Key", String.class)), c));
        }
    }

    private static String function(String region, String account, String name, String qualifier) {
        if (name.startsWith("arn:")) {
            return qualifier == null ? name : name + ":" + qualifier;
        }
        // "name:version" (partial ARN) or "name" with a Qualifier
        String full = qualifier == null ? name : name + ":" + qualifier;
        return arn(region, account, "lambda", "function:" + full);
    }

    private static String layer(Call c, String account, Long version) {
        String name = c.field("LayerName", String.class);
        String base = name.startsWith("arn:") ? name : arn(c.region(), account, "lambda", "layer:" + name);
        return version == null ? base : base + ":" + version;
    }

    private static String arn(String region, String account, String service, String resource) {
        return Arn.builder()
                .partition(Partitions.partitionOf(region))
                .service(service)
                .region(region)
                .accountId(account)
                .resource(resource)
                .build()
                .toString();
    }

    private static String s3(String region, String resource) {
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
