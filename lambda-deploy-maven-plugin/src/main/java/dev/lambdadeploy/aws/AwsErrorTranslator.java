package dev.lambdadeploy.aws;

import dev.lambdadeploy.limits.LambdaLimits;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns AWS SDK failures into messages that say what happened and what to do about it. One place for every known
 * AWS error shape, so it can be tested against recorded or stubbed AWS responses. Messages never contain credentials
 * or signed URLs: only AWS's error code, its message and the request id.
 */
public final class AwsErrorTranslator {
    private static final Pattern NOT_AUTHORIZED =
            Pattern.compile("not authorized to perform:?\\s*([a-z0-9-]+:[A-Za-z0-9]+)");
    private static final Pattern WRONG_REGION = Pattern.compile("(?:expecting|the region)\\s*'([a-z0-9-]+)'");

    /** S3 operations whose IAM action has another name. */
    private static final Map<String, String> IAM_ACTIONS = Map.of(
            "s3:HeadBucket", "s3:ListBucket",
            "s3:HeadObject", "s3:GetObject",
            "s3:CreateMultipartUpload", "s3:PutObject",
            "s3:UploadPart", "s3:PutObject",
            "s3:CompleteMultipartUpload", "s3:PutObject",
            "s3:AbortMultipartUpload", "s3:AbortMultipartUpload");

    private AwsErrorTranslator() {}

    public static AwsCallException toException(SdkException e, String operation, String resource) {
        String code = e instanceof AwsServiceException s && s.awsErrorDetails() != null
                ? s.awsErrorDetails().errorCode()
                : null;
        return new AwsCallException(translate(e, operation, resource), operation, code, e);
    }

    /**
     * @param operation IAM-style name of the failed call ({@code lambda:PublishLayerVersion}, {@code s3:PutObject})
     * @param resource  what the call was about ({@code layer 'deps' in eu-west-1}); may be {@code null}
     */
    public static String translate(SdkException e, String operation, String resource) {
        String what = operation + (resource == null || resource.isBlank() ? "" : " (" + resource + ")");
        if (e instanceof AwsServiceException s) {
            return translateService(s, operation, what);
        }
        String msg = String.valueOf(e.getMessage());
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("credentials") && (lower.contains("unable to load") || lower.contains("no credentials"))) {
            return what + " failed: no AWS credentials found. Provide them the standard way: AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) in the environment, a profile "
                    + "(-Dlambda.profile=<name> or AWS_PROFILE; run 'aws sso login --profile <name>' for SSO), web identity "
                    + "(AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE in CI) or a container/instance role.";
        }
        if (msg.contains("Unable to execute HTTP request") || msg.contains("Connect") || msg.contains("timed out")) {
            return what + " failed: could not reach AWS (" + firstLine(msg)
                    + "). Check the network, proxy settings and "
                    + "-Dlambda.endpoint if you use one; the SDK already retried.";
        }
        return what + " failed: " + firstLine(msg);
    }

    private static String translateService(AwsServiceException s, String operation, String what) {
        AwsErrorDetails d = s.awsErrorDetails();
        String code = d == null || d.errorCode() == null ? "" : d.errorCode();
        String awsMessage = d == null || d.errorMessage() == null ? String.valueOf(s.getMessage()) : d.errorMessage();
        int status = s.statusCode();
        String aws = " [AWS: " + (code.isEmpty() ? "HTTP " + status : code) + ": " + awsMessage
                + (s.requestId() == null ? "" : ", request id " + s.requestId()) + "]";

        if ("RequestEntityTooLargeException".equals(code) || status == 413) {
            return what + " was refused: the zip is too large for a direct upload (Lambda accepts at most "
                    + LambdaLimits.DIRECT_UPLOAD_ZIPPED + " bytes zipped in the request). Upload through S3 instead: "
                    + "-Dlambda.deploy.mode=s3 (or auto) with <deployBucket> / -Dlambda.deploy.bucket=<bucket>." + aws;
        }
        if (awsMessage.contains("Unzipped size must be smaller than")
                || awsMessage.contains("combined with layers exceeds the maximum allowed size")
                || awsMessage.contains("Layers consume more than the available size")) {
            return what + " was refused: the function and all its layers together exceed Lambda's "
                    + LambdaLimits.TOTAL_UNZIPPED
                    + " bytes (250 MB) unzipped. Make the package smaller (see the size report of lambda:package and "
                    + "remove or <exclude> the biggest dependencies), drop layers the function does not need, "
                    + "or deploy it as a container image (up to 10 GB)." + aws;
        }
        if (code.startsWith("AccessDenied")
                || "UnauthorizedOperation".equals(code)
                || "Forbidden".equals(code)
                || (status == 403 && !code.equals("SignatureDoesNotMatch") && !code.contains("Token"))) {
            Matcher m = NOT_AUTHORIZED.matcher(awsMessage);
            String action = m.find() ? m.group(1) : IAM_ACTIONS.getOrDefault(operation, operation);
            return what + " was denied: the AWS identity used for the deploy lacks the IAM permission '" + action
                    + "'. Allow " + action + " on that resource in its IAM policy (or use -Dlambda.profile for an "
                    + "identity that has it)." + aws;
        }
        if ("ExpiredToken".equals(code)
                || "ExpiredTokenException".equals(code)
                || "InvalidClientTokenId".equals(code)
                || "UnrecognizedClientException".equals(code)
                || "SignatureDoesNotMatch".equals(code)) {
            return what + " failed: AWS rejected the credentials (expired or invalid). Refresh them, e.g. "
                    + "'aws sso login', new session credentials in the environment, or another -Dlambda.profile." + aws;
        }
        if (status == 301
                || "PermanentRedirect".equals(code)
                || "AuthorizationHeaderMalformed".equals(code)
                || "IllegalLocationConstraintException".equals(code)) {
            String bucketRegion =
                    s.awsErrorDetails() == null || s.awsErrorDetails().sdkHttpResponse() == null
                            ? null
                            : s.awsErrorDetails()
                                    .sdkHttpResponse()
                                    .firstMatchingHeader("x-amz-bucket-region")
                                    .orElse(null);
            if (bucketRegion == null) {
                Matcher m = WRONG_REGION.matcher(awsMessage);
                bucketRegion = m.find() ? m.group(1) : null;
            }
            return what + " failed: the S3 bucket is in another region"
                    + (bucketRegion == null ? "" : " (" + bucketRegion + ")")
                    + ". Lambda publishes code only from a bucket in the function's own region: use one bucket per "
                    + "region, e.g. <deployBucket>my-artifacts-{region}</deployBucket>." + aws;
        }
        if (s.isThrottlingException()
                || "TooManyRequestsException".equals(code)
                || "ThrottlingException".equals(code)
                || "SlowDown".equals(code)
                || status == 429) {
            return what + " was throttled by AWS and still failed after the SDK's retries. Re-run the deploy (it skips "
                    + "what is already done), deploy fewer regions at once, or use -Dlambda.retryMode=adaptive." + aws;
        }
        if ("ResourceConflictException".equals(code)) {
            return what + " failed: another update of this resource is still in progress and did not finish in time. "
                    + "Wait until the function's LastUpdateStatus is Successful and re-run the deploy." + aws;
        }
        if ("NoSuchBucket".equals(code)) {
            return what
                    + " failed: the S3 bucket does not exist. Create it in the deploy region or allow the plugin to "
                    + "create it with -Dlambda.deploy.createBucket=true." + aws;
        }
        if ("BucketAlreadyExists".equals(code)) {
            return what + " failed: the bucket name is taken by another AWS account (bucket names are global). Choose "
                    + "another <deployBucket>." + aws;
        }
        if (status >= 500) {
            return what + " failed with an AWS service error after the SDK's retries. Re-run the deploy; it skips what "
                    + "is already done." + aws;
        }
        return what + " failed." + aws;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
