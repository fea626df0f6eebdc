package dev.lambdadeploy.publish.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;

/** Turns what Jib throws into an {@link ImageException} that says which registry or setting to fix, and how. */
final class JibErrors {
    static final String INSECURE_ELEMENT = "<allowInsecureRegistries> (lambda.image.allowInsecureRegistries)";
    static final String REGISTRY_ELEMENT = "<imageRegistry> (lambda.image.registry)";

    private JibErrors() {}

    static ImageException translate(Throwable thrown, ImageRequest request) {
        Throwable e = thrown;
        while (e instanceof ExecutionException && e.getCause() != null) {
            e = e.getCause();
        }
        String target = request.repositoryReference();
        String base = request.baseImage().describe();
        if (e instanceof ImageException ie) {
            return ie;
        }
        if (e instanceof RegistryCredentialsNotSentException) {
            return new ImageException(
                    INSECURE_ELEMENT,
                    "the registry answered over plain HTTP and Jib does not send "
                            + "credentials over plain HTTP (" + e.getMessage()
                            + "). Use an HTTPS registry; only for a trusted "
                            + "local registry run Maven with -DsendCredentialsOverHttp=true (e.g. in MAVEN_OPTS).",
                    e);
        }
        if (e instanceof InsecureRegistryException) {
            return new ImageException(
                    INSECURE_ELEMENT,
                    "the registry has no trusted HTTPS certificate or speaks plain "
                            + "HTTP (" + e.getMessage()
                            + "). Only for a registry you trust (e.g. a local test registry), set "
                            + "<allowInsecureRegistries>true</allowInsecureRegistries> or -Dlambda.image.allowInsecureRegistries=true.",
                    e);
        }
        if (e instanceof RegistryUnauthorizedException u) {
            return new ImageException(
                    null,
                    "the registry refused access to " + u.getImageReference() + " ("
                            + firstLine(e.getMessage()) + "). "
                            + "For ECR, the AWS credentials need ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability, "
                            + "ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload and ecr:PutImage; for "
                            + "another registry check the user name and password it was given.",
                    e);
        }
        if (e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || e instanceof SocketTimeoutException) {
            return new ImageException(
                    REGISTRY_ELEMENT,
                    "cannot reach the registry for " + target + " or the base "
                            + "image " + base + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + "). Check the "
                            + "host and port, the network or proxy, and that the registry is running.",
                    e);
        }
        if (e instanceof CacheDirectoryCreationException) {
            return new ImageException(
                    "<outputDirectory> (lambda.outputDirectory)",
                    "cannot create Jib's " + "cache folder " + request.cacheDirectory() + ": " + e.getMessage(),
                    e);
        }
        String type = e.getClass().getSimpleName();
        if (type.equals("PlatformNotFoundInBaseImageException")
                || type.equals("UnlistedPlatformInManifestListException")) {
            return architecture(request, e.getMessage(), e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("MANIFEST_UNKNOWN") || message.contains("manifest unknown")) {
            return new ImageException(
                    BaseImage.ELEMENT,
                    "the base image " + base + " does not exist (" + firstLine(message)
                            + "). Check its name and tag, e.g. public.ecr.aws/lambda/java:21.",
                    e);
        }
        return new ImageException(
                null,
                "building or pushing " + target + " on " + base + " failed: " + type + ": " + firstLine(message),
                e);
    }

    static ImageException architecture(ImageRequest request, String detail, Throwable cause) {
        return new ImageException(
                BaseImage.ELEMENT,
                detail + ". The function's <architecture> is "
                        + request.architecture() + "; use a base image built for it (the AWS base images list both "
                        + "x86_64 and arm64), or change <architecture>.",
                cause);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
