package dev.lambdadeploy.publish;

import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.report.ByteSizes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionContentInput;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;

/**
 * Publishes one layer in one region unless its latest version already holds the same zip (CodeSha256) for the same
 * runtimes and architectures; then that version is reused: no upload, no new version.
 */
final class LayerPublisher {
    private final LambdaClient lambda;
    private final String region;
    private final BuildLog log;

    LayerPublisher(LambdaClient lambda, String region, BuildLog log) {
        this.lambda = lambda;
        this.region = region;
        this.log = log;
    }

    /** What the layer's latest version is and whether it already matches; read-only. */
    LayerState inspect(PlannedZip zip, List<String> runtimes, String architecture) {
        String resource = "layer " + zip.awsName() + " in " + region;
        List<LayerVersionsListItem> versions = AwsCalls.call("lambda:ListLayerVersions", resource,
                () -> lambda.listLayerVersions(r -> r.layerName(zip.awsName())).layerVersions());
        Optional<LayerVersionsListItem> latest = versions.stream().max(Comparator.comparing(LayerVersionsListItem::version));
        if (latest.isEmpty()) {
            return new LayerState(null, null, "no version published yet");
        }
        long version = latest.get().version();
        GetLayerVersionResponse v = AwsCalls.call("lambda:GetLayerVersion", resource,
                () -> lambda.getLayerVersion(r -> r.layerName(zip.awsName()).versionNumber(version)));
        String deployedSha = v.content() == null ? null : v.content().codeSha256();
        if (!zip.codeSha256().equals(deployedSha)) {
            return new LayerState(v.layerVersionArn(), version, "content changed since version " + version);
        }
        if (!new HashSet<>(v.compatibleRuntimesAsStrings()).equals(new HashSet<>(runtimes))) {
            return new LayerState(v.layerVersionArn(), version, "compatible runtimes changed from "
                    + v.compatibleRuntimesAsStrings() + " to " + runtimes);
        }
        if (!Set.copyOf(v.compatibleArchitecturesAsStrings()).equals(Set.of(architecture))) {
            return new LayerState(v.layerVersionArn(), version, "compatible architectures changed from "
                    + v.compatibleArchitecturesAsStrings() + " to [" + architecture + "]");
        }
        return new LayerState(v.layerVersionArn(), version, null);
    }

    /** Publishes a new version from the zip (direct) or from the uploaded S3 object. */
    PublishLayerVersionResponse publish(PlannedZip zip, S3Location s3, List<String> runtimes, String architecture,
            String description, LayerSettings settings) {
        LayerVersionContentInput content;
        if (s3 != null) {
            content = LayerVersionContentInput.builder().s3Bucket(s3.bucket()).s3Key(s3.key()).build();
        } else {
            log.info("[" + region + "] uploading layer " + zip.awsName() + " directly (" + ByteSizes.human(zip.zippedBytes()) + ")");
            content = LayerVersionContentInput.builder().zipFile(SdkBytes.fromByteArrayUnsafe(read(zip))).build();
        }
        String resource = "layer " + zip.awsName() + " in " + region;
        PublishLayerVersionResponse published = AwsCalls.call("lambda:PublishLayerVersion", resource,
                () -> lambda.publishLayerVersion(r -> r.layerName(zip.awsName()).content(content)
                        .compatibleRuntimesWithStrings(runtimes).compatibleArchitecturesWithStrings(architecture)
                        .description(description).licenseInfo(settings.license())));
        share(published, settings, resource);
        return published;
    }

    private void share(PublishLayerVersionResponse v, LayerSettings settings, String resource) {
        int n = 0;
        for (String account : settings.shareWithAccounts()) {
            String sid = "lambda-deploy-" + (++n);
            AwsCalls.run("lambda:AddLayerVersionPermission", resource, () -> lambda.addLayerVersionPermission(r -> r
                    .layerName(v.layerArn()).versionNumber(v.version()).statementId(sid)
                    .action("lambda:GetLayerVersion").principal(account)));
        }
        if (settings.shareWithOrganization() != null) {
            AwsCalls.run("lambda:AddLayerVersionPermission", resource, () -> lambda.addLayerVersionPermission(r -> r
                    .layerName(v.layerArn()).versionNumber(v.version()).statementId("lambda-deploy-org")
                    .action("lambda:GetLayerVersion").principal("*")
                    .organizationId(settings.shareWithOrganization())));
        }
    }

    static byte[] read(PlannedZip zip) {
        try {
            return Files.readAllBytes(zip.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest version ({@code null} when none) and why it cannot be reused ({@code null}: it can). */
    record LayerState(String latestArn, Long latestVersion, String changeReason) {
        boolean upToDate() {
            return changeReason == null;
        }
    }
}
