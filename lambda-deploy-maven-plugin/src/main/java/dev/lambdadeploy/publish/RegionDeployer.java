package dev.lambdadeploy.publish;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.FunctionWaiter;
import dev.lambdadeploy.aws.Partitions;
import dev.lambdadeploy.budget.BudgetOutcome;
import dev.lambdadeploy.budget.SizeBudgets;
import dev.lambdadeploy.budget.Violation;
import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.fleet.SharedWork;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.publish.image.BaseImage;
import dev.lambdadeploy.publish.image.EcrImagePublisher;
import dev.lambdadeploy.publish.image.ImageException;
import dev.lambdadeploy.publish.image.ImageRequest;
import dev.lambdadeploy.publish.image.ImageResult;
import dev.lambdadeploy.publish.image.ImageSettings;
import dev.lambdadeploy.publish.image.ImageTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
    private final DeployListener listener;
    private final List<LayerResult> layerResults = new ArrayList<>();
    private final List<FunctionResult> functionResults = new ArrayList<>();
    private String bucket;
    private ImageDeployResult image;
    private final int maxAttempts;
    private Map<String, FunctionDeployer> deployers = Map.of();

    RegionDeployer(
            DeployRequest request,
            DeployPlan plan,
            AwsClients aws,
            int maxAttempts,
            BuildLog log,
            DeployListener listener) {
        this.request = request;
        this.maxAttempts = maxAttempts;
        this.plan = plan;
        this.aws = aws;
        this.region = aws.region();
        this.log = log;
        this.listener = listener;
    }

    RegionResult run() {
        try {
            deploy();
            return result(null, null);
        } catch (RuntimeException e) {
            // the message is the one-line error; an unexpected exception also keeps its stack (mvn -e shows it)
            Throwable cause = unexpected(e) ? e : null;
            if (cause != null) {
                log.debug("[" + region + "] " + stackTrace(e));
            }
            return result(message(e), cause);
        }
    }

    /** Not an AWS or deploy failure with a message that says what to fix, but a bug or an environment fault. */
    static boolean unexpected(RuntimeException e) {
        return !(e instanceof AwsCallException
                || e instanceof DeployException
                || e instanceof ImageException
                || e instanceof ConfigException);
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private RegionResult result(String error, Throwable cause) {
        if (error != null) {
            // the region failed before any function was changed: each function not deployed is left unchanged
            List<String> done =
                    functionResults.stream().map(FunctionResult::name).toList();
            for (String name : request.functionNames()) {
                if (!done.contains(name)) {
                    functionResults.add(FunctionResult.failed(
                            name,
                            null,
                            plan.function() == null ? null : plan.function().codeSha256(),
                            error,
                            "unchanged",
                            cause));
                }
            }
        }
        long bytes = layerResults.stream().mapToLong(LayerResult::bytesUploaded).sum()
                + functionResults.stream()
                        .mapToLong(FunctionResult::bytesUploaded)
                        .sum();
        boolean failed = error != null || functionResults.stream().anyMatch(FunctionResult::failed);
        return new RegionResult(
                region,
                failed ? "failed" : request.dryRun() ? "dry-run" : "deployed",
                bucket,
                layerResults,
                functionResults,
                bytes + (image == null ? 0 : image.pushedBytes()),
                error,
                image,
                cause);
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
        String account = account();

        // 1. read: layers (once per build for each content), functions; check limits before changing anything
        LayerPublisher layers = new LayerPublisher(aws.lambda(), aws.lambdaOnce(), maxAttempts, region, log);
        Map<PlannedZip, LayerPublisher.LayerState> layerStates = new LinkedHashMap<>();
        for (PlannedZip z : plan.layers()) {
            layerStates.put(
                    z,
                    shared("layer-state|" + layerKey(z, runtimes, arch), () -> layers.inspect(z, runtimes, arch))
                            .value());
        }
        FunctionWaiter waiter = new FunctionWaiter(aws.lambda(), request.waitTimeout(), request.pollInterval());
        Map<String, FunctionDeployer> functions = deployers(waiter);
        List<FunctionState> states = new ArrayList<>();
        for (String name : request.functionNames()) {
            states.add(functions.get(name).inspect(name));
        }
        List<String> expectedArns = new ArrayList<>();
        layerStates.forEach((z, s) -> expectedArns.add(
                s.upToDate() ? s.latestArn() : Partitions.layerVersionArn(region, account, z.awsName(), 0)));
        states.forEach(s -> functions.get(s.name()).desiredLayers(s, expectedArns));

        boolean needsS3 = layerStates.entrySet().stream()
                        .anyMatch(e -> !e.getValue().upToDate() && e.getKey().transport() == DeployMode.S3)
                || (plan.function().transport() == DeployMode.S3
                        && states.stream()
                                .anyMatch(s -> s.needsCode(plan.function().codeSha256(), arch)));
        S3Store store = null;
        if (needsS3) {
            bucket = request.s3().bucketFor(region, account);
            S3Store s3 =
                    new S3Store(aws.s3(), region, request.s3(), request.s3().expectedOwner(account), log);
            shared(
                    "bucket|" + region + "|" + bucket + "|" + s3.owner() + "|"
                            + request.s3().createBucket() + "|" + request.s3().kmsKeyId() + "|" + dryRun,
                    () -> {
                        s3.ensureBucket(bucket, dryRun);
                        return bucket;
                    });
            store = s3;
        }

        // 2. layers: each content is published once per build; the other modules reuse that version
        List<String> managedArns = new ArrayList<>();
        for (Map.Entry<PlannedZip, LayerPublisher.LayerState> e : layerStates.entrySet()) {
            PlannedZip z = e.getKey();
            LayerPublisher.LayerState s = e.getValue();
            if (s.upToDate()) {
                log.info(
                        "[" + region + "] layer " + z.awsName() + " is up to date (version " + s.latestVersion() + ")");
                reconcileSharing(layers, z, s.latestVersion(), runtimes, arch, dryRun);
                managedArns.add(s.latestArn());
                layerResults.add(LayerResult.upToDate(
                        z,
                        s.latestArn(),
                        s.latestVersion(),
                        z.codeSha256(),
                        "version " + s.latestVersion() + " has the same CodeSha256, runtimes and architectures"));
                continue;
            }
            String key = z.transport() == DeployMode.S3 ? request.s3().key(z.awsName(), z.sha256Hex()) : null;
            if (dryRun) {
                layerResults.add(LayerResult.wouldPublish(z, bucket, key, s.changeReason()));
                continue;
            }
            S3Store layerStore = store;
            SharedWork.Shared<LayerResult> published = shared("layer-publish|" + layerKey(z, runtimes, arch), () -> {
                long uploaded = key != null ? layerStore.upload(z, bucket, key) : z.zippedBytes();
                LayerPublisher.PublishedLayer v = layers.publish(
                        z,
                        key == null ? null : new S3Location(bucket, key, uploaded),
                        runtimes,
                        arch,
                        layerDescription(z),
                        request.layers());
                log.info("[" + region + "] published layer " + z.awsName() + " version " + v.version() + " ("
                        + s.changeReason() + ")");
                return LayerResult.published(z, v, bucket, key, uploaded, s.changeReason());
            });
            LayerResult r = published.value();
            managedArns.add(r.layerVersionArn());
            if (published.mine()) {
                layerResults.add(r);
            } else {
                log.info("[" + region + "] layer " + z.awsName() + " version " + r.version() + " was published in "
                        + "this build by " + published.owner() + "; reused");
                // published with the owner's sharing: brought in line with this module's POM
                reconcileSharing(layers, z, r.version(), runtimes, arch, false);
                layerResults.add(LayerResult.upToDate(
                        z,
                        r.layerVersionArn(),
                        r.version(),
                        r.codeSha256(),
                        "published in this build by " + published.owner()));
            }
        }

        // 3. functions, several at once (bounded for the whole build); one failing function does not stop the others
        S3Store codeStore = store;
        Supplier<S3Location> codeUpload = () -> {
            String key =
                    request.s3().key(plan.function().awsName(), plan.function().sha256Hex());
            SharedWork.Shared<S3Location> up = shared(
                    "s3-object|" + region + "|" + bucket + "|" + key,
                    () -> new S3Location(bucket, key, codeStore.upload(plan.function(), bucket, key)));
            return up.mine() ? up.value() : up.value().alreadyUploaded();
        };
        FunctionDeployer.Context ctx = new FunctionDeployer.Context(
                dryRun,
                request.recordHistory(),
                project(),
                request.gitCommit(),
                versionDescription(),
                dryRun ? expectedArns : managedArns);
        functionResults.addAll(
                eachFunction(states, s -> functions.get(s.name()).apply(s, plan.function(), codeUpload, arch, ctx)));
    }

    /**
     * Deploys each function with {@code deploy}, as many at once as the build's deploy slots allow; a function that
     * fails is reported with its error and the state it was left in, and the others go on.
     */
    private List<FunctionResult> eachFunction(
            List<FunctionState> states, java.util.function.Function<FunctionState, FunctionResult> deploy) {
        if (states.isEmpty()) {
            return List.of(); // a layers-only deploy
        }
        if (states.size() == 1) {
            return List.of(guarded(states.get(0), deploy));
        }
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(states.size(), request.session().concurrency()));
        try {
            List<Future<FunctionResult>> futures = new ArrayList<>();
            for (FunctionState s : states) {
                futures.add(pool.submit(() -> guarded(s, deploy)));
            }
            List<FunctionResult> out = new ArrayList<>();
            for (Future<FunctionResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while deploying functions in " + region, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new DeployException(String.valueOf(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private FunctionResult guarded(FunctionState s, java.util.function.Function<FunctionState, FunctionResult> deploy) {
        FunctionDeployer deployer = deployers.get(s.name());
        try {
            return request.session().inSlot(() -> deploy.apply(s));
        } catch (RuntimeException e) {
            String error = message(e);
            String leftIn = deployer.leftIn();
            log.warn("[" + region + "] deploy of " + s.name() + " failed (" + leftIn + "): " + error);
            boolean unexpected = unexpected(e);
            if (unexpected) {
                log.debug("[" + region + "] " + s.name() + ": " + stackTrace(e));
            }
            return FunctionResult.failed(
                    s.name(),
                    s.exists() ? s.current().functionArn() : null,
                    plan.function() == null ? null : plan.function().codeSha256(),
                    error,
                    leftIn,
                    unexpected ? e : null);
        }
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    /** Sharing of a reused version brought in line with the POM, once per version in the build. */
    private void reconcileSharing(
            LayerPublisher layers, PlannedZip z, long version, List<String> runtimes, String arch, boolean dryRun) {
        shared(
                "layer-sharing|" + layerKey(z, runtimes, arch) + "|" + version + "|"
                        + LayerPublisher.grants(request.layers()).keySet(),
                () -> {
                    try {
                        for (String change : layers.reconcileSharing(z.awsName(), version, request.layers(), dryRun)) {
                            log.info("[" + region + "] layer " + z.awsName() + " version " + version + ": " + change);
                        }
                    } catch (AwsCallException sharingFailed) {
                        // sharing is not the code: the deploy goes on, and says what to fix
                        log.warn("[" + region + "] sharing of layer " + z.awsName() + " version " + version
                                + " not brought in line with the POM: " + sharingFailed.getMessage());
                    }
                    return Boolean.TRUE;
                });
    }

    /**
     * Work done once per build: keys name the AWS identity (profile, endpoint) and region, so modules that deploy
     * with other credentials or to another endpoint never share.
     */
    private <T> SharedWork.Shared<T> shared(String key, Supplier<T> work) {
        String who = request.aws().profile() + "|" + request.aws().endpoint() + "|";
        return request.session()
                .work()
                .once(who + key, plan.manifest().project().artifactId(), work);
    }

    /**
     * What makes two layer publications the same: name, content, runtimes, architecture, transport and license; who
     * may use the version is reconciled per module afterwards (reconcileSharing).
     */
    private String layerKey(PlannedZip z, List<String> runtimes, String arch) {
        return region + "|" + z.awsName() + "|" + z.codeSha256() + "|" + new java.util.TreeSet<>(runtimes) + "|" + arch
                + "|" + z.transport().id() + "|" + request.layers().license();
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
        String account = account();
        ImageRequest imageRequest = imageRequest(settings);
        // modules of one build that push the very same image (same inputs, tags and settings) push it once
        SharedWork.Shared<EcrImagePublisher.Published> shared = shared(
                "image|" + region + "|" + account + "|"
                        + settings.repository() + "|" + settings.registryOverride() + "|"
                        + ImageBuildRecord.inputsKey(plan.manifest()) + "|" + imageRequest.tags() + "|"
                        + imageRequest.handler() + "|" + plan.architecture() + "|" + settings.baseImage() + "|"
                        + settings.format(),
                () -> new EcrImagePublisher(aws.ecr(), log)
                        .publish(
                                imageRequest,
                                settings.repositorySettings().inRegistry(account),
                                settings.registryOverride()));
        EcrImagePublisher.Published published = shared.value();
        if (!shared.mine()) {
            log.info("[" + region + "] the image was pushed in this build by " + shared.owner() + "; reused");
        }
        String imageUri = published.repository().uri() + "@" + published.image().digest();
        image = shared.mine()
                ? ImageDeployResult.of(published, imageUri)
                : ImageDeployResult.of(published, imageUri).reused();
        listener.imagePushed(region, image);
        checkImageBudgets(published.image());
        FunctionDeployer.Context ctx = new FunctionDeployer.Context(
                false, request.recordHistory(), project(), request.gitCommit(), versionDescription(), List.of());
        functionResults.addAll(eachFunction(
                states,
                s -> functions
                        .get(s.name())
                        .applyImage(s, imageUri, published.image().digest(), plan.architecture(), ctx)));
    }

    /** One deployer per function, each with its own settings (the shared ones with its override on top). */
    private Map<String, FunctionDeployer> deployers(FunctionWaiter waiter) {
        Map<String, FunctionDeployer> m = new LinkedHashMap<>();
        for (String name : request.functionNames()) {
            m.put(
                    name,
                    new FunctionDeployer(
                            aws.lambda(),
                            aws.lambdaOnce(),
                            maxAttempts,
                            region,
                            waiter,
                            request.settingsFor(name),
                            log));
        }
        deployers = m;
        return m;
    }

    private ImageRequest imageRequest(ImageSettings settings) {
        FunctionSettings fs = request.function();
        BaseImage base = settings.baseImage() != null
                ? settings.baseImage()
                : new BaseImage.Registry(BaseImage.forRuntime(fs.runtime()));
        List<String> tags =
                new ArrayList<>(List.of(ImageTags.of(plan.manifest().project().version())));
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
        BudgetOutcome outcome = SizeBudgets.check(SizeBudgets.Request.pushedImage(
                        plan.manifest(),
                        request.outputDirectory(),
                        pushed.sizeForLimitBytes(),
                        settings().budgets()))
                .outcome();
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
        String d = project() + " layer " + z.name() + " by lambda-deploy-maven-plugin "
                + plan.manifest().pluginVersion() + (request.gitCommit() == null ? "" : ", git " + request.gitCommit());
        return d.length() <= 256 ? d : d.substring(0, 256);
    }

    private String versionDescription() {
        String d = project() + (request.gitCommit() == null ? "" : " git " + request.gitCommit());
        return d.length() <= 256 ? d : d.substring(0, 256);
    }

    /** The deploying account, asked once per region for the whole build. */
    private String account() {
        return shared(
                        "account|" + region,
                        () -> AwsCalls.call(
                                        "sts:GetCallerIdentity",
                                        "deploy identity in " + region,
                                        () -> aws.sts().getCallerIdentity())
                                .account())
                .value();
    }
}
