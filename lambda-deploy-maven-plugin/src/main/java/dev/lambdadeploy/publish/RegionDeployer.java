package dev.lambdadeploy.publish;

import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.FunctionWaiter;
import dev.lambdadeploy.log.BuildLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;

/**
 * The deploy in one region, in an order that never leaves a function half-deployed: read everything and check the
 * limits first (missing functions, 5 layers, bucket), then publish layers, then update functions one by one.
 */
final class RegionDeployer {
    private final DeployRequest request;
    private final DeployPlan plan;
    private final AwsClients aws;
    private final String region;
    private final BuildLog log;
    private final List<LayerResult> layerResults = new ArrayList<>();
    private final List<FunctionResult> functionResults = new ArrayList<>();
    private String bucket;

    RegionDeployer(DeployRequest request, DeployPlan plan, AwsClients aws, BuildLog log) {
        this.request = request;
        this.plan = plan;
        this.aws = aws;
        this.region = aws.region();
        this.log = log;
    }

    RegionResult run() {
        try {
            deploy();
            return result(null);
        } catch (RuntimeException e) {
            return result(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private RegionResult result(String error) {
        long bytes = layerResults.stream().mapToLong(LayerResult::bytesUploaded).sum()
                + functionResults.stream().mapToLong(FunctionResult::bytesUploaded).sum();
        return new RegionResult(region, error != null ? "failed" : request.dryRun() ? "dry-run" : "deployed", bucket,
                layerResults, functionResults, bytes, error);
    }

    private void deploy() {
        boolean dryRun = request.dryRun();
        FunctionSettings fs = request.function();
        List<String> runtimes = request.layers().compatibleRuntimes().isEmpty()
                ? List.of(fs.runtime() != null ? fs.runtime() : FunctionSettings.DEFAULT_RUNTIME)
                : request.layers().compatibleRuntimes();
        String arch = plan.architecture();
        String account = AwsCalls.call("sts:GetCallerIdentity", "deploy identity in " + region,
                () -> aws.sts().getCallerIdentity()).account();

        // 1. read: layers, functions; check limits before changing anything
        LayerPublisher layers = new LayerPublisher(aws.lambda(), region, log);
        Map<PlannedZip, LayerPublisher.LayerState> layerStates = new LinkedHashMap<>();
        for (PlannedZip z : plan.layers()) {
            layerStates.put(z, layers.inspect(z, runtimes, arch));
        }
        FunctionWaiter waiter = new FunctionWaiter(aws.lambda(), request.waitTimeout(), request.pollInterval());
        FunctionDeployer functions = new FunctionDeployer(aws.lambda(), region, waiter, fs, log);
        List<FunctionState> states = new ArrayList<>();
        for (String name : request.functionNames()) {
            states.add(functions.inspect(name));
        }
        List<String> expectedArns = new ArrayList<>();
        layerStates.forEach((z, s) -> expectedArns.add(s.upToDate() ? s.latestArn()
                : "arn:aws:lambda:" + region + ":" + account + ":layer:" + z.awsName() + ":0"));
        states.forEach(s -> functions.desiredLayers(s, expectedArns));

        boolean needsS3 = layerStates.entrySet().stream().anyMatch(e -> !e.getValue().upToDate()
                && e.getKey().transport() == DeployMode.S3)
                || plan.function().transport() == DeployMode.S3
                        && states.stream().anyMatch(s -> s.needsCode(plan.function().codeSha256(), arch));
        S3Store store = null;
        if (needsS3) {
            bucket = request.s3().bucketFor(region, account);
            store = new S3Store(aws.s3(), region, request.s3(), log);
            store.ensureBucket(bucket, dryRun);
        }

        // 2. layers
        List<String> managedArns = new ArrayList<>();
        for (Map.Entry<PlannedZip, LayerPublisher.LayerState> e : layerStates.entrySet()) {
            PlannedZip z = e.getKey();
            LayerPublisher.LayerState s = e.getValue();
            if (s.upToDate()) {
                log.info("[" + region + "] layer " + z.awsName() + " is up to date (version " + s.latestVersion() + ")");
                managedArns.add(s.latestArn());
                layerResults.add(new LayerResult(z.name(), z.awsName(), "up-to-date", s.latestArn(), s.latestVersion(),
                        z.codeSha256(), null, null, null, 0, "latest version has the same CodeSha256, runtimes and architectures"));
                continue;
            }
            String key = z.transport() == DeployMode.S3 ? request.s3().key(z.awsName(), z.sha256Hex()) : null;
            if (dryRun) {
                layerResults.add(new LayerResult(z.name(), z.awsName(), "would-publish", null, null, z.codeSha256(),
                        z.transport().id(), bucket, key, 0, s.changeReason()));
                continue;
            }
            long uploaded = key != null ? store.upload(z, bucket, key) : z.zippedBytes();
            PublishLayerVersionResponse v = layers.publish(z, key == null ? null : new S3Location(bucket, key, uploaded),
                    runtimes, arch, layerDescription(z), request.layers());
            log.info("[" + region + "] published layer " + z.awsName() + " version " + v.version() + " (" + s.changeReason() + ")");
            managedArns.add(v.layerVersionArn());
            layerResults.add(new LayerResult(z.name(), z.awsName(), "published", v.layerVersionArn(), v.version(),
                    v.content() == null ? z.codeSha256() : v.content().codeSha256(), z.transport().id(), bucket, key,
                    uploaded, s.changeReason()));
        }

        // 3. functions; the function zip goes to S3 at most once per region
        S3Store codeStore = store;
        Supplier<S3Location> codeUpload = memoize(() -> {
            String key = request.s3().key(plan.function().awsName(), plan.function().sha256Hex());
            return new S3Location(bucket, key, codeStore.upload(plan.function(), bucket, key));
        });
        FunctionDeployer.Context ctx = new FunctionDeployer.Context(dryRun, request.recordHistory(), project(),
                request.gitCommit(), versionDescription(), dryRun ? expectedArns : managedArns);
        for (FunctionState s : states) {
            functionResults.add(functions.apply(s, plan.function(), codeUpload, arch, ctx));
        }
    }

    private String project() {
        var p = plan.manifest().project();
        return p.groupId() + ":" + p.artifactId() + ":" + p.version();
    }

    private String layerDescription(PlannedZip z) {
        String d = project() + " layer " + z.name() + " by lambda-deploy-maven-plugin " + plan.manifest().pluginVersion()
                + (request.gitCommit() == null ? "" : ", git " + request.gitCommit());
        return d.length() <= 256 ? d : d.substring(0, 256);
    }

    private String versionDescription() {
        String d = project() + (request.gitCommit() == null ? "" : " git " + request.gitCommit());
        return d.length() <= 256 ? d : d.substring(0, 256);
    }

    /** Uploads once; later callers get the same object with 0 bytes uploaded. */
    private static Supplier<S3Location> memoize(Supplier<S3Location> s) {
        return new Supplier<>() {
            private S3Location value;

            @Override
            public synchronized S3Location get() {
                if (value == null) {
                    value = s.get();
                    return value;
                }
                return value.alreadyUploaded();
            }
        };
    }
}
