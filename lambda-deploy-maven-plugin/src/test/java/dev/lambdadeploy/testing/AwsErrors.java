package dev.lambdadeploy.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * AWS's documented error responses, for the errors moto_server never produces (size limits, AccessDenied,
 * throttling). Lambda speaks REST-JSON (error type in {@code x-amzn-ErrorType}), S3 speaks XML.
 */
public final class AwsErrors {

    private AwsErrors() {}

    public static Fault lambda(Predicate<RequestHead> on, int status, String type, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amzn-ErrorType", type);
        headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
        if (status == 429) {
            headers.put("Retry-After", "1");
        }
        return Fault.respond(
                on, status, headers, "{\"Type\":\"User\",\"Message\":\"" + message.replace("\"", "\\\"") + "\"}");
    }

    /** What Lambda answers when a direct upload is over the 50 MB request limit. */
    public static Fault requestEntityTooLarge(Predicate<RequestHead> on, String operation) {
        return lambda(
                on,
                413,
                "RequestEntityTooLargeException",
                "Request must be smaller than 70167211 bytes for the " + operation + " operation");
    }

    /** What Lambda answers when function + layers are over 262,144,000 bytes unzipped. */
    public static Fault layersTooLarge(Predicate<RequestHead> on) {
        return lambda(
                on,
                400,
                "InvalidParameterValueException",
                "Layers consume more than the available size of 262144000 bytes");
    }

    public static Fault unzippedTooLarge(Predicate<RequestHead> on) {
        return lambda(on, 400, "InvalidParameterValueException", "Unzipped size must be smaller than 262144000 bytes");
    }

    public static Fault lambdaAccessDenied(Predicate<RequestHead> on, String action, String resourceArn) {
        return lambda(
                on,
                403,
                "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/ci/session "
                        + "is not authorized to perform: " + action + " on resource: " + resourceArn
                        + " because no identity-based policy allows the " + action + " action");
    }

    public static Fault lambdaThrottled(Predicate<RequestHead> on) {
        return lambda(on, 429, "TooManyRequestsException", "Rate exceeded");
    }

    public static Fault lambdaServiceError(Predicate<RequestHead> on) {
        return lambda(on, 500, "ServiceException", "An internal error occurred");
    }

    public static Fault s3(Predicate<RequestHead> on, int status, String code, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/xml");
        headers.put("x-amz-request-id", "0123456789ABCDEF");
        return Fault.respond(
                on,
                status,
                headers,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                        + "</Message><RequestId>0123456789ABCDEF</RequestId></Error>");
    }

    public static Fault s3SlowDown(Predicate<RequestHead> on) {
        return s3(on, 503, "SlowDown", "Please reduce your request rate.");
    }

    public static Fault s3AccessDenied(Predicate<RequestHead> on) {
        return s3(on, 403, "AccessDenied", "Access Denied");
    }

    /**
     * What S3 answers for a request on {@code bucket} whose {@code x-amz-expected-bucket-owner} names another account
     * than {@code owner} (the bucket's real owner): 403 AccessDenied. moto does not check that header, so this stands
     * in for S3; requests without the header pass, as they do on S3 (which is the risk the header removes).
     */
    public static Fault s3BucketOwnedBy(String bucket, String owner) {
        return s3(
                h -> {
                    String expected = h.header("x-amz-expected-bucket-owner");
                    return (h.path().equals("/" + bucket) || h.path().startsWith("/" + bucket + "/"))
                            && expected != null
                            && !expected.equals(owner);
                },
                403,
                "AccessDenied",
                "Access Denied");
    }

    /** What S3 answers when the bucket lives in another region than the client's. */
    public static Fault s3WrongRegion(Predicate<RequestHead> on, String bucketRegion) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/xml");
        headers.put("x-amz-bucket-region", bucketRegion);
        return Fault.respond(
                on,
                301,
                headers,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                        + "PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using "
                        + "the specified endpoint. Please send all future requests to this endpoint.</Message></Error>");
    }
}
