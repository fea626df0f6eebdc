package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.publish.History;
import dev.lambdadeploy.publish.image.ImageRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PackageType;

/**
 * Every image an image function of the region still needs: the image of {@code $LATEST} and of each published
 * version (aliases point at versions), as its {@code ImageUri} and the digest Lambda resolved it to, and the
 * rollback target ({@code previous-image-uri} history tag) and current image tag of every image function.
 * ListFunctions carries no image URI, so this is one GetFunction per image function version; read-only.
 */
final class ImageReferences {
    /** digest ({@code sha256:...}) → why it is needed. */
    private final Map<String, String> digests = new LinkedHashMap<>();
    /** {@code repository:tag} → why it is needed, for references by tag. */
    private final Map<String, String> tags = new LinkedHashMap<>();
    /** Digests known only by their start (a history tag cut at 256 characters) -> why. */
    private final Map<String, String> digestPrefixes = new LinkedHashMap<>();

    static ImageReferences read(LambdaClient lambda, String region, List<FunctionConfiguration> allVersions) {
        ImageReferences refs = new ImageReferences();
        for (FunctionConfiguration c : allVersions) {
            if (c.packageType() != PackageType.IMAGE) {
                continue;
            }
            String name = c.functionName();
            String version = c.version() == null ? "$LATEST" : c.version();
            boolean latest = "$LATEST".equals(version);
            GetFunctionResponse f;
            try {
                f = AwsCalls.call(
                        "lambda:GetFunction",
                        "version " + version + " of " + name + " in " + region,
                        () -> latest
                                ? lambda.getFunction(r -> r.functionName(name))
                                : lambda.getFunction(r -> r.functionName(name).qualifier(version)));
            } catch (AwsCallException e) {
                if ("ResourceNotFoundException".equals(e.errorCode())) {
                    continue; // deleted since ListFunctions: it needs nothing any more
                }
                throw e;
            }
            String what = latest
                    ? "function " + name
                    : "published version " + version + " of " + name + " (aliases point at versions)";
            if (f.code() != null) {
                refs.add(f.code().imageUri(), "image of " + what);
                refs.add(f.code().resolvedImageUri(), "image of " + what);
            }
            if (latest) {
                Map<String, String> history = FunctionTags.of(lambda, f, name, region);
                refs.add(
                        history.get(History.PREVIOUS_IMAGE_URI),
                        "rollback target of " + name + " (" + History.PREVIOUS_IMAGE_URI + " tag)");
                refs.add(
                        history.get(History.IMAGE_URI),
                        "deployed image of " + name + " (" + History.IMAGE_URI + " tag)");
            }
        }
        return refs;
    }

    /** Adds a reference; anything unparseable protects nothing (and no image matches it). */
    void add(String uri, String why) {
        ImageRef ref = ImageRef.parse(uri);
        if (ref == null) {
            return;
        }
        if (ref.digest() != null && !ref.digest().matches("sha256:[0-9a-f]{64}")) {
            // cut short (a tag value holds 256 characters): keep every image whose digest starts like it
            digestPrefixes.putIfAbsent(ref.digest(), why + "; its digest was cut short, so every image it may be");
        } else if (ref.digest() != null) {
            digests.putIfAbsent(ref.digest(), why);
        } else if (ref.tag() != null) {
            tags.putIfAbsent(ref.repository() + ":" + ref.tag(), why);
        } else {
            tags.putIfAbsent(ref.repository() + ":latest", why); // no tag means :latest
        }
    }

    /**
     * Why the image is still needed, or {@code null}. Digests protect in every repository (the same digest is the
     * same image), tags only in their own repository.
     */
    String neededBy(String repository, String digest, List<String> imageTags) {
        String why = digests.get(digest);
        if (why != null) {
            return why;
        }
        for (Map.Entry<String, String> p : digestPrefixes.entrySet()) {
            if (digest.startsWith(p.getKey())) {
                return p.getValue();
            }
        }
        for (String t : imageTags) {
            why = tags.get(repository + ":" + t);
            if (why != null) {
                return why;
            }
        }
        return null;
    }
}
