package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.publish.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lambda:status} without Maven: reads every function in every region (read-only), compares it with the local
 * package when there is one, and writes {@code status.json}. Unknown functions are reported per function, so one
 * typo does not hide the state of the others.
 */
public final class StatusChecker {

    public StatusResult check(LifecycleScope scope) {
        Optional<LocalPackage> local = LocalPackage.read(scope);
        LocalImageBuild image =
                local.map(l -> LocalImageBuild.read(scope.outputDirectory(), l)).orElse(null);
        Set<String> packageLayers = local.map(l -> l.layerShas().keySet()).orElse(Set.of());
        List<StatusResult.RegionStatus> regions = new ArrayList<>();
        try (AwsClientFactory factory = new AwsClientFactory(scope.aws())) {
            for (String region : scope.regions()) {
                try (AwsClients aws = factory.clients(region)) {
                    FunctionReader reader = new FunctionReader(aws.lambda(), region);
                    List<StatusResult.FunctionStatus> functions = new ArrayList<>();
                    for (String name : scope.functionNames()) {
                        try {
                            functions.add(status(reader.read(name, packageLayers), local.orElse(null), image));
                        } catch (LifecycleException | AwsCallException e) {
                            functions.add(StatusResult.FunctionStatus.failed(name, e.getMessage()));
                        }
                    }
                    regions.add(new StatusResult.RegionStatus(region, functions));
                }
            }
        }
        boolean drift = regions.stream()
                .flatMap(r -> r.functions().stream())
                .anyMatch(f -> !f.drift().isEmpty());
        StatusResult result = new StatusResult(
                StatusResult.SCHEMA_VERSION,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                local.map(l -> l.manifest().project()).orElse(null),
                local.map(l -> l.manifestFile().toString()).orElse(null),
                drift,
                regions);
        try {
            LifecycleJson.write(result, scope.outputDirectory().resolve(StatusResult.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** @param image the local image build, {@code null} when there is no local package */
    static StatusResult.FunctionStatus status(DeployedFunction f, LocalPackage local, LocalImageBuild image) {
        List<String> drift = new ArrayList<>();
        List<StatusResult.LayerStatus> layers = new ArrayList<>();
        String localSha = local == null ? null : local.functionSha();
        StatusResult.LocalImage localImage = null;
        if (f.image()) {
            // the zips say nothing about an image's digest: compare with the image this checkout built from them
            localSha = null;
            if (image != null) {
                localImage = image.compare(f, drift);
            }
        } else if (localSha != null && !localSha.equals(f.codeSha256())) {
            drift.add("code: deployed CodeSha256 " + f.codeSha256() + ", local build " + localSha
                    + " (lambda:deploy would update it)");
        }
        Map<String, String> localLayers = local == null ? Map.of() : local.layerShas();
        for (DeployedLayer l : f.layers()) {
            String localLayer = localLayers.get(l.name());
            String state;
            if (localLayer != null) {
                state = localLayer.equals(l.codeSha256()) ? "in-sync" : "differs";
                if (!localLayer.equals(l.codeSha256())) {
                    drift.add("layer " + l.name() + ": deployed version " + l.version()
                            + ", local build differs (lambda:deploy would publish a new version)");
                }
            } else if (l.managed()) {
                state = local == null ? "managed" : "not-in-package";
                if (local != null) {
                    drift.add("layer " + l.name() + ": deployed version " + l.version()
                            + ", no longer in the local package (lambda:deploy would remove it)");
                }
            } else {
                state = "foreign";
            }
            layers.add(new StatusResult.LayerStatus(
                    l.name(), l.version(), l.arn(), l.codeSize(), l.codeSha256(), localLayer, state));
        }
        if (!f.image()) {
            localLayers.forEach((name, sha) -> {
                if (f.layers().stream().noneMatch(l -> l.name().equals(name))) {
                    layers.add(new StatusResult.LayerStatus(name, null, null, 0, null, sha, "not-deployed"));
                    drift.add("layer " + name
                            + ": in the local package, not on the function (lambda:deploy would add it)");
                }
            });
        }
        Map<String, String> t = f.tags();
        StatusResult.History history = t.containsKey(History.CODE) || t.containsKey(History.DEPLOYED_AT)
                ? new StatusResult.History(
                        t.get(History.PROJECT),
                        t.get(History.DEPLOYED_AT),
                        t.get(History.GIT_COMMIT),
                        t.get(History.PREVIOUS_CODE),
                        t.get(History.PREVIOUS_LAYERS))
                : null;
        DeployedFunction.PublishedVersion latest = f.latestVersion();
        return new StatusResult.FunctionStatus(
                f.name(),
                f.arn(),
                f.packageType(),
                f.state(),
                f.lastUpdateStatus(),
                f.lastUpdateStatusReason(),
                f.lastModified(),
                f.image() ? null : f.codeSha256(),
                f.codeSize(),
                f.imageUri(),
                f.imageDigest(),
                localSha,
                localImage,
                layers,
                latest == null ? null : latest.version(),
                f.aliases(),
                history,
                drift,
                null);
    }
}
