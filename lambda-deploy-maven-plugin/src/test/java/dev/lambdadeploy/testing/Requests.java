package dev.lambdadeploy.testing;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Matchers for the AWS operations a deploy makes, by their REST paths. */
public final class Requests {

    private Requests() {}

    public static Predicate<RequestHead> any() {
        return h -> true;
    }

    public static Predicate<RequestHead> of(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return h -> h.method().equals(method) && p.matcher(h.path()).matches();
    }

    /** Lambda PublishLayerVersion: {@code POST /2018-10-31/layers/{name}/versions}. */
    public static Predicate<RequestHead> publishLayerVersion() {
        return of("POST", "/2018-10-31/layers/[^/]+/versions");
    }

    /** Lambda UpdateFunctionCode: {@code PUT /2015-03-31/functions/{name}/code}. */
    public static Predicate<RequestHead> updateFunctionCode() {
        return of("PUT", "/2015-03-31/functions/[^/]+/code");
    }

    /** Lambda UpdateFunctionConfiguration: {@code PUT /2015-03-31/functions/{name}/configuration}. */
    public static Predicate<RequestHead> updateFunctionConfiguration() {
        return of("PUT", "/2015-03-31/functions/[^/]+/configuration");
    }

    /** Any Lambda API call (their paths start with a date-versioned API prefix). */
    public static Predicate<RequestHead> lambdaApi() {
        return h -> h.path().matches("/20\\d\\d-\\d\\d-\\d\\d/.*");
    }

    /** S3 PutObject or UploadPart of any object (path-style: {@code PUT /bucket/key}). */
    public static Predicate<RequestHead> s3Upload() {
        return h -> h.method().equals("PUT")
                && h.path().matches("/[^/]+/.+")
                && !lambdaApiPath(h.path())
                && h.header("x-amz-copy-source") == null;
    }

    private static boolean lambdaApiPath(String path) {
        return path.matches("/20\\d\\d-\\d\\d-\\d\\d/.*");
    }
}
