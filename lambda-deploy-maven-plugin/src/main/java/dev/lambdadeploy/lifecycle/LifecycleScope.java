package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.publish.S3Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What status, rollback and prune look at, with the same meaning as for lambda:deploy: the functions in each region,
 * how to reach AWS, the layer name prefix, the deploy bucket and the S3 folder of the function code
 * ({@code <artifactId>-function}), the alias deploy moves, and {@code target/lambda/} for the local package and
 * the result files.
 */
public record LifecycleScope(
        Path outputDirectory,
        List<String> regions,
        List<String> functionNames,
        AwsSettings aws,
        String layerPrefix,
        S3Settings s3,
        String codeFolder,
        String alias) {

    public LifecycleScope {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        regions = List.copyOf(regions);
        functionNames = List.copyOf(functionNames);
        aws = aws == null ? AwsSettings.defaults() : aws;
        layerPrefix = layerPrefix == null ? "" : layerPrefix.trim();
        s3 = s3 == null ? S3Settings.defaults() : s3;
        if (regions.isEmpty() || functionNames.isEmpty()) {
            throw new IllegalArgumentException("at least one region and one function");
        }
    }

    public String layerName(String manifestName) {
        return layerPrefix + manifestName;
    }
}
