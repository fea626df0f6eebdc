package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsErrorTranslator;
import dev.lambdadeploy.publish.History;
import dev.lambdadeploy.publish.LayerArns;
import dev.lambdadeploy.publish.MissingFunction;
import dev.lambdadeploy.publish.image.ImageRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Reads functions (never their code, whose location is a signed URL) and what Lambda keeps about them; read-only. */
final class FunctionReader {

    private final LambdaClient lambda;
    private final String region;
    private final Map<String, String> layerShaCache = new LinkedHashMap<>();

    FunctionReader(LambdaClient lambda, String region) {
        this.lambda = lambda;
        this.region = region;
    }

    /**
     * @param packageLayerNames AWS names of the layers of the local package (managed even without history tags)
     */
    DeployedFunction read(String name, Set<String> packageLayerNames) {
        GetFunctionResponse f;
        try {
            f = lambda.getFunction(r -> r.functionName(name));
        } catch (ResourceNotFoundException e) {
            throw new LifecycleException(missingMessage(name));
        } catch (SdkException e) {
            throw AwsErrorTranslator.toException(e, "lambda:GetFunction", "function " + name + " in " + region);
        }
        FunctionConfiguration c = f.configuration();
        Map<String, String> tags = FunctionTags.of(lambda, f, name, region);
        Set<String> historyNames = History.managedLayerNames(tags);
        List<DeployedLayer> layers = new ArrayList<>();
        for (Layer l : c.layers()) {
            String layerName = LayerArns.name(l.arn());
            layers.add(new DeployedLayer(
                    layerName,
                    parseVersion(l.arn()),
                    l.arn(),
                    l.codeSize() == null ? 0 : l.codeSize(),
                    layerSha(l.arn()),
                    historyNames.contains(layerName) || packageLayerNames.contains(layerName)));
        }
        String imageUri = f.code() == null ? null : f.code().imageUri();
        String resolved = f.code() == null ? null : f.code().resolvedImageUri();
        // an image deployed by digest names it already; otherwise the digest is the one Lambda resolved the tag to
        String digest = ImageRef.pinnedDigest(imageUri);
        if (digest == null && resolved != null && resolved.contains("@")) {
            digest = resolved.substring(resolved.lastIndexOf('@') + 1);
        }
        String[] arn = c.functionArn().split(":");
        return new DeployedFunction(
                name,
                c.functionArn(),
                region,
                arn.length > 4 ? arn[4] : null,
                c.packageTypeAsString(),
                c.codeSha256(),
                c.codeSize() == null ? 0 : c.codeSize(),
                imageUri,
                digest,
                c.architecturesAsStrings(),
                c.stateAsString(),
                c.lastUpdateStatusAsString(),
                c.lastUpdateStatusReason(),
                c.lastModified(),
                layers,
                tags,
                versions(name),
                aliases(name));
    }

    /** Published versions, oldest first. */
    List<DeployedFunction.PublishedVersion> versions(String name) {
        List<DeployedFunction.PublishedVersion> out = new ArrayList<>();
        AwsCalls.call(
                        "lambda:ListVersionsByFunction",
                        "function " + name + " in " + region,
                        // paginators call AWS while iterating: collect inside, so failures are translated
                        () -> lambda.listVersionsByFunctionPaginator(r -> r.functionName(name)).versions().stream()
                                .toList())
                .forEach(v -> {
                    if (!"$LATEST".equals(v.version())) {
                        out.add(new DeployedFunction.PublishedVersion(
                                v.version(),
                                v.codeSha256(),
                                null,
                                v.layers().stream().map(Layer::arn).toList(),
                                v.description(),
                                v.lastModified()));
                    }
                });
        out.sort(Comparator.comparingLong(DeployedFunction.PublishedVersion::number));
        return out;
    }

    private Map<String, String> aliases(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        AwsCalls.call(
                        "lambda:ListAliases",
                        "function " + name + " in " + region,
                        () -> lambda.listAliasesPaginator(r -> r.functionName(name)).aliases().stream()
                                .toList())
                .forEach(a -> out.put(a.name(), a.functionVersion()));
        return out;
    }

    /** CodeSha256 of a layer version; {@code null} when it cannot be read (e.g. another account's layer). */
    String layerSha(String layerVersionArn) {
        return layerShaCache.computeIfAbsent(layerVersionArn, arn -> {
            try {
                var v = AwsCalls.call(
                        "lambda:GetLayerVersion",
                        "layer " + arn,
                        () -> lambda.getLayerVersion(
                                r -> r.layerName(LayerArns.unversioned(arn)).versionNumber(parseVersion(arn))));
                return v.content() == null ? null : v.content().codeSha256();
            } catch (AwsCallException e) {
                return null;
            }
        });
    }

    /** Functions are regional, so a missing one is most often a wrong region or a typo: say what the region has. */
    private String missingMessage(String name) {
        List<String> names = MissingFunction.names(lambda);
        String closest = MissingFunction.closest(name, names)
                .map(c -> " Did you mean " + c + "?")
                .orElse("");
        return "Function " + name + " does not exist in " + region + "." + closest + " Functions are regional: check "
                + "-Dlambda.region and -Dlambda.functionName (<functionNames>). "
                + MissingFunction.listing(region, names);
    }

    static long parseVersion(String layerVersionArn) {
        try {
            return Long.parseLong(LayerArns.version(layerVersionArn));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
