package dev.lambdadeploy.publish;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.FunctionWaiter;
import dev.lambdadeploy.budget.BudgetChecker;
import dev.lambdadeploy.budget.BudgetOutcome;
import dev.lambdadeploy.budget.PackageMeasurer;
import dev.lambdadeploy.budget.PackageSizes;
import dev.lambdadeploy.budget.Violation;
import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.publish.image.BaseImage;
import dev.lambdadeploy.publish.image.EcrImagePublisher;
import dev.lambdadeploy.publish.image.ImageRequest;
import dev.lambdadeploy.publish.image.ImageResult;
import dev.lambdadeploy.publish.image.ImageSettings;
import dev.lambdadeploy.publish.image.ImageTags;
import dev.lambdadeploy.report.ImageSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
    private ImageDeployResult image;

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
                layerResults, functionResults, bytes + (image == null ? 0 : image.pushedBytes()), error, image);
    }

    private void deploy() {
        if (plan.image()) {
            deployImage();
            return;
        }
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
        Map<String, FunctionDeployer> functions = deployers(waiter);
        List<FunctionState> states = new ArrayList<>();
        for (String name : request.functionNames()) {
            states.add(functions.get(name).inspect(name));
        }
        List<String> expectedArns = new ArrayList<>();
        layerStates.forEach((z, s) -> expectedArns.add(s.upToDate() ? s.latestArn()
                : "arn:aws:lambda:" + region + ":" + account + ":layer:" + z.awsName() + ":0"));
        states.forEach(s -> functions.get(s.name()).desiredLayers(s, expectedArns));

        boolean needsS3 = layerStates.entrySet().stream().anyMatch(e -> !e.getValue().upToDate()
                && e.getKey().transport() == DeployMode.S3)
                || plan.function().transport() == DeployMode.S3
                        && states.stream().anyMatch(s -> s.needsCode(plan.function().codeSha256(), arch));
        S3Store store = null;
        if (needsS3) {
            bucket = request.s3().bucketFor(region, account);
            store = new S3Store(aws.s3(), region, request.s3(), request.s3().expectedOwner(account), log);
            store.ensureBucket(bucket, dryRun);
        }

        // 2. layers
        List<String> managedArns = new ArrayList<>();
        for (Map.Entry<PlannedZip, LayerPublisher.LayerState> e : layerStates.entrySet()) {
            PlannedZip z = e.getKey();
            LayerPublisher.LayerState s = e.getValue();
            if (s.upToDate()) {
                log.info("[" + region + "] layer " + z.awsName() + " is up to date (version " + s.latestVersion() + ")");
                try {
                    for (String change : layers.reconcileSharing(z.awsName(), s.latestVersion(), request.layers(),
                            dryRun)) {
                        log.info("[" + region + "] layer " + z.awsName() + " version " + s.latestVersion() + ": "
                                + change);
                    }
                } catch (AwsCallException sharingFailed) {
                    // sharing is not the code: the deploy goes on, and says what to fix
                    log.warn("[" + region + "] sharing of layer " + z.awsName() + " version " + s.latestVersion()
                            + " not brought in line with the POM: " + sharingFailed.getMessage());
                }
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
            functionResults.add(functions.get(s.name()).apply(s, plan.function(), codeUpload, arch, ctx));
        }
    }

    /**
     * Image mode: check every function first (it must be an image function, or be created as one), then build and
     * push the image to the region's ECR repository, check its size against Lambda's 10 GB and the image budgets,
     * and only then point the functions at it. No layers: image functions cannot use them.
     */
    private void deployImage() {
        FunctionWaiter waiter = new FunctionWaiter(aws.lambda(), request.waitTimeout(), request.pollInterval());
        Map<String, FunctionDeployer> functions = deployers(waiter);
        List<FunctionState> states = new ArrayList<>();
        for (String name : request.functionNames()) {
            states.add(functions.get(name).inspect(name, true));
        }
        if (request.dryRun()) {
            log.info("[" + region + "] dry run: the image would be built and pushed to ECR repository "
                    + request.image().repository());
            states.forEach(s -> functionResults.add(functions.get(s.name()).planImage(s)));
            return;
        }
        ImageSettings settings = request.image();
        String account = AwsCalls.call("sts:GetCallerIdentity", "deploy identity in " + region,
                () -> aws.sts().getCallerIdentity()).account(); // every ECR call names this registry
        EcrImagePublisher.Published published = new EcrImagePublisher(aws.ecr(), log).publish(imageRequest(settings),
                settings.repositorySettings().inRegistry(account), settings.registryOverride());
        String imageUri = published.repository().uri() + "@" + published.image().digest();
        image = ImageDeployResult.of(published, imageUri);
        ImageSummary.render(image).forEach(l -> log.info("[" + region + "] " + l));
        checkImageBudgets(published.image());
        FunctionDeployer.Context ctx = new FunctionDeployer.Context(false, request.recordHistory(), project(),
                request.gitCommit(), versionDescription(), List.of());
        for (FunctionState s : states) {
            functionResults.add(functions.get(s.name()).applyImage(s, imageUri, published.image().digest(),
                    plan.architecture(), ctx));
        }
    }

    /** One deployer per function, each with its own settings (the shared ones with its override on top). */
    private Map<String, FunctionDeployer> deployers(FunctionWaiter waiter) {
        Map<String, FunctionDeployer> m = new LinkedHashMap<>();
        for (String name : request.functionNames()) {
            m.put(name, new FunctionDeployer(aws.lambda(), region, waiter, request.settingsFor(name), log));
        }
        return m;
    }

    private ImageRequest imageRequest(ImageSettings settings) {
        FunctionSettings fs = request.function();
        BaseImage base = settings.baseImage() != null ? settings.baseImage()
                : new BaseImage.Registry(BaseImage.forRuntime(fs.runtime()));
        List<String> tags = new ArrayList<>(List.of(ImageTags.of(plan.manifest().project().version())));
        if (request.gitCommit() != null) {
            tags.add(ImageTags.of("git-" + request.gitCommit()));
        }
        return ImageRequest.builder(request.outputDirectory())
                .handler(fs.handler())
                .architecture(Architecture.parse(plan.architecture(), "<architecture> (lambda.architecture)"))
                .baseImage(base)
                .repository(settings.repository())
                .tags(tags)
                .allowInsecureRegistries(settings.allowInsecureRegistries())
                .format(settings.format())
                .build();
    }

    /** Lambda's 10 GB and the user's image budgets, measured on the pushed image, before any function changes. */
    private void checkImageBudgets(ImageResult pushed) {
        PackageSizes sizes = PackageMeasurer.measure(plan.manifest(), request.outputDirectory(), List.of(),
                OptionalLong.of(pushed.sizeForLimitBytes()));
        BudgetOutcome outcome = new BudgetChecker().check(sizes, settings().budgets(), Optional.empty());
        outcome.warnings().forEach(v -> log.warn("[" + region + "] " + v.message()));
        if (!outcome.errors().isEmpty()) {
            throw new DeployException("The image " + image.imageUri() + " was pushed but no function was changed: "
                    + outcome.errors().stream().map(Violation::message).collect(Collectors.joining(" "))
                    + " Make the image smaller (see target/lambda/size-report.html for the biggest dependencies) "
                    + "or raise the image-size budget.");
        }
    }

    private ImageSettings settings() {
        return request.image();
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
