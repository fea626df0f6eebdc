package dev.lambdadeploy.publish;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsErrorTranslator;
import dev.lambdadeploy.aws.FunctionWaiter;
import dev.lambdadeploy.aws.IdempotentCall;
import dev.lambdadeploy.limits.LambdaLimits;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.publish.image.ImageRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * Brings one function in one region to the package: S3 upload first, then the configuration (new layer versions,
 * settings from the POM; skipped when equal), then the code (skipped when CodeSha256 is equal; on failure the previous
 * configuration is restored), waiting for Lambda between updates; then an optional published version and alias, and
 * the history tags.
 */
final class FunctionDeployer {
    private final LambdaClient lambda;
    private final LambdaClient lambdaOnce;
    private final int attempts;
    private final String region;
    private final FunctionWaiter waiter;
    private final FunctionSettings settings;
    private final BuildLog log;

    /** How far this deploy got with the function: what state a failure leaves it in. */
    private volatile String reached = "unchanged";

    /**
     * @param lambdaOnce a client that makes one attempt per call, for CreateFunction and PublishVersion, which are
     *                   retried by {@link IdempotentCall} only after re-reading what exists
     */
    FunctionDeployer(
            LambdaClient lambda,
            LambdaClient lambdaOnce,
            int attempts,
            String region,
            FunctionWaiter waiter,
            FunctionSettings settings,
            BuildLog log) {
        this.lambda = lambda;
        this.lambdaOnce = lambdaOnce;
        this.attempts = attempts;
        this.region = region;
        this.waiter = waiter;
        this.settings = settings;
        this.log = log;
    }

    /** What state the function is in after this deploy stopped, e.g. {@code unchanged}, for a failure's report. */
    String leftIn() {
        return reached;
    }

    /** Reads the function (never its code location, which is a signed URL); read-only. */
    FunctionState inspect(String name) {
        return inspect(name, false);
    }

    /**
     * Reads the function and checks that it can take this kind of code: Lambda never switches a function between
     * zip and image in place, so a mismatch stops the deploy before anything is uploaded or pushed.
     */
    FunctionState inspect(String name, boolean image) {
        GetFunctionResponse f;
        try {
            f = lambda.getFunction(r -> r.functionName(name));
        } catch (ResourceNotFoundException e) {
            if (settings.role() == null) {
                throw new DeployException(missingMessage(name, image));
            }
            if (settings.handler() == null) {
                throw new DeployException(
                        "Function " + name + " does not exist in " + region + " and <role> is set to "
                                + "create it, but no <handler> (-Dlambda.handler) is configured. Set <handler>com.example.Handler::handleRequest</handler>.");
            }
            return new FunctionState(name, null, Map.of());
        } catch (SdkException e) {
            throw AwsErrorTranslator.toException(e, "lambda:GetFunction", "function " + name + " in " + region);
        }
        FunctionConfiguration c = f.configuration();
        boolean isImage = c.packageType() == PackageType.IMAGE;
        if (isImage && !image) {
            throw new DeployException(
                    "Function " + name + " in " + region + " is a container-image function "
                            + "(PackageType Image); a zip deploy cannot update it. Deploy it as an image "
                            + "(-Dlambda.deploy.mode=image with <imageRepository>), or point <functionNames> at a zip function.");
        }
        if (!isImage && image) {
            throw new DeployException("Function " + name + " in " + region + " was created from a zip (PackageType "
                    + c.packageTypeAsString() + ") and Lambda cannot switch a function's package type in place, so "
                    + "this image cannot be deployed to it. Either keep deploying zips (-Dlambda.deploy.mode=auto "
                    + "without <imageRepository>, or s3), or deploy the image to a new function: set "
                    + "<functionNames> to a new name (with <role> configured, lambda:deploy creates it as an image "
                    + "function), or delete this one (aws lambda delete-function --region " + region
                    + " --function-name " + name + ") and deploy again with <role> so it is recreated as an image "
                    + "function. Nothing was pushed or changed.");
        }
        if (isImage && f.code() != null) {
            return new FunctionState(
                    name, c, f.tags(), f.code().imageUri(), f.code().resolvedImageUri());
        }
        return new FunctionState(name, c, f.tags());
    }

    /**
     * A missing function without {@code <role>}: most often a typo or the wrong region, so name the closest existing
     * function when there is one; otherwise say how to create it (once).
     */
    private String missingMessage(String name, boolean image) {
        List<String> names = MissingFunction.names(lambda);
        String head = "Function " + name + " does not exist in " + region + ".";
        String listing = MissingFunction.listing(region, names);
        var closest = MissingFunction.closest(name, names);
        if (closest.isPresent()) {
            return head + " Did you mean " + closest.get()
                    + "? Fix the name in <functionNames> (-Dlambda.functionName). " + listing;
        }
        String create = image
                ? "To create it, configure <role> (-Dlambda.role=<execution-role-arn>) so lambda:deploy creates it as an "
                        + "image function (PackageType Image), or create it once with aws lambda create-function --region "
                        + region + " --function-name " + name + " --package-type Image --code "
                        + "ImageUri=<repository-uri>@sha256:<digest> --role <execution-role-arn>."
                : "To create it, configure <role> (with <handler>) so lambda:deploy creates it, or create it once with "
                        + "aws lambda create-function --region " + region + " --function-name " + name + " --runtime "
                        + runtime() + " --handler <class>::handleRequest --role <execution-role-arn> "
                        + "--zip-file fileb://target/lambda/function.zip.";
        return head + " " + listing + " Check <functionNames> (-Dlambda.functionName) and -Dlambda.region. " + create;
    }

    /** The layer list the function will have, checked against Lambda's 5-layer limit. */
    List<String> desiredLayers(FunctionState state, List<String> managedArns) {
        Set<String> retired = new HashSet<>(History.managedLayerNames(state.tags()));
        managedArns.forEach(a -> retired.remove(LayerArns.name(a)));
        List<String> layers = LayerArns.desired(state.layerArns(), managedArns, retired);
        if (layers.size() > LambdaLimits.MAX_LAYERS) {
            throw new DeployException("Function " + state.name() + " in " + region + " would have " + layers.size()
                    + " layers (" + layers.stream().map(LayerArns::shortForm).toList() + "); Lambda allows at most "
                    + LambdaLimits.MAX_LAYERS + ". Merge layers in <layers> of lambda:package or remove layers the "
                    + "function no longer needs.");
        }
        return layers;
    }

    FunctionResult apply(
            FunctionState state, PlannedZip code, Supplier<S3Location> codeUpload, String architecture, Context ctx) {
        String name = state.name();
        List<String> managedArns = ctx.managedArns();
        List<String> layers = desiredLayers(state, managedArns);
        if (!state.exists()) {
            return create(state, code, codeUpload, layers, architecture, ctx);
        }
        FunctionConfiguration before = state.current();
        Update update =
                update(state, !code.codeSha256().equals(before.codeSha256()), "code", architecture, layers, false);
        FunctionResult.Builder result = FunctionResult.builder(name)
                .functionArn(before.functionArn())
                .code(update.code() ? DeployAction.updated(ctx.dryRun()) : DeployAction.UP_TO_DATE)
                .configuration(update.config().isEmpty() ? DeployAction.UP_TO_DATE : DeployAction.updated(ctx.dryRun()))
                .changes(update.changes())
                .codeSha256(code.codeSha256())
                .previousCodeSha256(before.codeSha256())
                .layers(layers)
                .previousLayers(state.layerArns())
                .alias(settings.alias());
        if (ctx.dryRun()) {
            return result.build();
        }
        // Upload first: a failing upload must leave the function untouched.
        S3Location s3 = update.code() && code.transport() == DeployMode.S3 ? codeUpload.get() : null;
        updateThenRestore(
                name,
                before,
                update,
                "updating code of " + name,
                r -> {
                    r.functionName(name).architecturesWithStrings(architecture);
                    if (s3 != null) {
                        r.s3Bucket(s3.bucket()).s3Key(s3.key());
                    } else {
                        r.zipFile(SdkBytes.fromByteArrayUnsafe(LayerPublisher.read(code)));
                    }
                },
                reported -> {
                    if (!HandOffCheck.same(code.codeSha256(), reported)) {
                        // other bytes than built: previous code back before a version or alias can point at it
                        reached = "its previous code put back after a CodeSha256 mismatch";
                        throw check().restoreCode(name, before, s3, code.codeSha256(), reported, architecture, waiter);
                    }
                });
        long uploaded = !update.code() ? 0 : s3 == null ? code.zippedBytes() : s3.bytesUploaded();
        String version =
                publishAndAlias(name, code.codeSha256(), !update.changes().isEmpty(), ctx);
        if (!update.changes().isEmpty()) {
            // a settings-only change is no new deployment: the previous one stays the rollback target
            boolean newDeployment = update.code() || update.config().contains(ConfigChange.LAYERS);
            tag(before.functionArn(), code, managedArns, before.codeSha256(), state, ctx, newDeployment);
        }
        return result.publishedVersion(version).s3(s3).bytesUploaded(uploaded).build();
    }

    /**
     * What an existing function needs: new code (or another architecture) and which settings, with the request that
     * sets them; {@code changes} in the order deploy-result.json lists them.
     */
    private record Update(
            boolean code,
            List<ConfigChange> config,
            UpdateFunctionConfigurationRequest.Builder request,
            List<String> changes) {}

    /** {@code codeChange} names a code change in {@code changes} ({@code code} for zips, {@code image}). */
    private Update update(
            FunctionState state,
            boolean codeChanged,
            String codeChange,
            String architecture,
            List<String> layers,
            boolean image) {
        FunctionConfiguration before = state.current();
        boolean archChanged = state.architectureDiffers(architecture);
        List<String> changes = new ArrayList<>();
        if (codeChanged) {
            changes.add(codeChange);
        }
        if (archChanged) {
            changes.add("architecture " + before.architecturesAsStrings() + " -> " + architecture);
        }
        UpdateFunctionConfigurationRequest.Builder config =
                UpdateFunctionConfigurationRequest.builder().functionName(state.name());
        List<ConfigChange> configChanges = configChanges(before, layers, config, image);
        configChanges.forEach(c -> changes.add(c.wire()));
        return new Update(codeChanged || archChanged, configChanges, config, changes);
    }

    /**
     * The update of an existing function, for zips and images alike: configuration (new layers) before code, because
     * a configuration can be put back without any bytes; if the code update then fails, or {@code verify} (given the
     * CodeSha256 Lambda reports once the function is ready) finds other code than built, the function returns to its previous layers and settings.
     * {@code code} fills UpdateFunctionCode with the new code and architecture.
     */
    private void updateThenRestore(
            String name,
            FunctionConfiguration before,
            Update update,
            String codeMessage,
            Consumer<UpdateFunctionCodeRequest.Builder> code,
            Consumer<String> verify) {
        String resource = "function " + name + " in " + region;
        if (!update.config().isEmpty()) {
            String changed = wires(update.config());
            log.info("[" + region + "] updating configuration of " + name + ": " + changed);
            updateConfiguration(name, update.request().build());
            reached = "new configuration (" + changed + ") with its previous code";
            waiter.awaitReady(name);
        }
        if (!update.code()) {
            return;
        }
        log.info("[" + region + "] " + codeMessage);
        try {
            waiter.withConflictRetry(
                    name,
                    () -> AwsCalls.call("lambda:UpdateFunctionCode", resource, () -> lambda.updateFunctionCode(code)));
            reached = "new code and configuration";
            verify.accept(waiter.awaitReady(name).codeSha256());
        } catch (RuntimeException e) {
            if (update.config().isEmpty()) {
                throw e;
            }
            throw restoreConfiguration(name, before, update.config(), e);
        }
    }

    private void updateConfiguration(String name, UpdateFunctionConfigurationRequest req) {
        waiter.withConflictRetry(
                name,
                () -> AwsCalls.call(
                        "lambda:UpdateFunctionConfiguration",
                        "function " + name + " in " + region,
                        () -> lambda.updateFunctionConfiguration(req)));
    }

    private static String wires(List<ConfigChange> changes) {
        return changes.stream().map(ConfigChange::wire).collect(Collectors.joining(", "));
    }

    /**
     * Puts the configuration changed by this deploy back after the code update failed, so the function runs its
     * previous code with its previous layers and settings; returns the exception to throw.
     */
    private RuntimeException restoreConfiguration(
            String name, FunctionConfiguration before, List<ConfigChange> changed, RuntimeException failure) {
        UpdateFunctionConfigurationRequest.Builder back =
                UpdateFunctionConfigurationRequest.builder().functionName(name);
        changed.forEach(field -> field.restore(before, back));
        String fields = wires(changed);
        try {
            updateConfiguration(name, back.build());
            waiter.awaitReady(name);
            reached = "unchanged (its previous configuration was restored)";
            log.warn("[" + region + "] code update of " + name + " failed; its previous configuration (" + fields
                    + ") was restored, so it runs exactly as before the deploy");
            return new DeployException(
                    failure.getMessage() + " The function's previous configuration (" + fields
                            + ") was restored; it runs as before the deploy. Re-run the deploy "
                            + "once the cause is fixed (published layer versions are reused).",
                    failure);
        } catch (RuntimeException restoreFailure) {
            failure.addSuppressed(restoreFailure);
            return new DeployException(
                    failure.getMessage() + " Restoring the previous configuration (" + fields + ") also failed: "
                            + restoreFailure.getMessage()
                            + " The function "
                            + name + " now has the new configuration with its old code; re-run the deploy, or run "
                            + "lambda:rollback.",
                    failure);
        }
    }

    /** Image functions have no layers, handler or runtime (the image holds them), and no SnapStart. */
    private List<ConfigChange> configChanges(
            FunctionConfiguration c,
            List<String> layers,
            UpdateFunctionConfigurationRequest.Builder req,
            boolean image) {
        List<ConfigChange> changes = new ArrayList<>();
        if (!image && !layers.equals(c.layers().stream().map(l -> l.arn()).toList())) {
            changes.add(ConfigChange.LAYERS);
            req.layers(layers);
        }
        if (!image && settings.handler() != null && !settings.handler().equals(c.handler())) {
            changes.add(ConfigChange.HANDLER);
            req.handler(settings.handler());
        }
        if (!image && settings.runtime() != null && !settings.runtime().equals(c.runtimeAsString())) {
            changes.add(ConfigChange.RUNTIME);
            req.runtime(settings.runtime());
        }
        if (settings.memorySize() != null && !settings.memorySize().equals(c.memorySize())) {
            changes.add(ConfigChange.MEMORY);
            req.memorySize(settings.memorySize());
        }
        if (settings.timeout() != null && !settings.timeout().equals(c.timeout())) {
            changes.add(ConfigChange.TIMEOUT);
            req.timeout(settings.timeout());
        }
        if (settings.description() != null && !settings.description().equals(c.description())) {
            changes.add(ConfigChange.DESCRIPTION);
            req.description(settings.description());
        }
        Map<String, String> env = new HashMap<>(
                c.environment() == null ? Map.of() : c.environment().variables());
        Map<String, String> wanted = settings.effectiveEnvironment();
        if (!wanted.entrySet().stream().allMatch(e -> e.getValue().equals(env.get(e.getKey())))) {
            changes.add(ConfigChange.ENVIRONMENT);
            env.putAll(wanted);
            req.environment(e -> e.variables(env));
        }
        boolean snapStartOn = c.snapStart() != null && c.snapStart().applyOn() == SnapStartApplyOn.PUBLISHED_VERSIONS;
        if (!image && settings.snapStart() && !snapStartOn) {
            changes.add(ConfigChange.SNAPSTART);
            req.snapStart(s -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS));
        }
        return changes;
    }

    /** A function created by this deploy, as far as zips and images have it in common. */
    private FunctionResult.Builder created(String name, String arn, String codeSha256, String version) {
        return FunctionResult.builder(name)
                .functionArn(arn)
                .code(DeployAction.CREATED)
                .configuration(DeployAction.UPDATED)
                .changes(List.of("created"))
                .codeSha256(codeSha256)
                .publishedVersion(version)
                .alias(settings.alias());
    }

    /** What a dry run would do to a missing function. */
    private FunctionResult.Builder wouldCreate(String name, String codeSha256) {
        return FunctionResult.builder(name)
                .code(DeployAction.WOULD_CREATE)
                .configuration(DeployAction.WOULD_UPDATE)
                .changes(List.of("created"))
                .codeSha256(codeSha256)
                .alias(settings.alias());
    }

    private FunctionResult create(
            FunctionState state,
            PlannedZip code,
            Supplier<S3Location> codeUpload,
            List<String> layers,
            String architecture,
            Context ctx) {
        String name = state.name();
        if (ctx.dryRun()) {
            return wouldCreate(name, code.codeSha256()).layers(layers).build();
        }
        S3Location s3 = code.transport() == DeployMode.S3 ? codeUpload.get() : null;
        FunctionCode fc = s3 != null
                ? FunctionCode.builder().s3Bucket(s3.bucket()).s3Key(s3.key()).build()
                : FunctionCode.builder()
                        .zipFile(SdkBytes.fromByteArrayUnsafe(LayerPublisher.read(code)))
                        .build();
        log.info("[" + region + "] creating function " + name);
        String arn = createFunction(name, code.codeSha256(), architecture, r -> {
            r.handler(settings.handler()).runtime(runtime()).code(fc).layers(layers);
            if (settings.snapStart()) {
                r.snapStart(s -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS));
            }
        });
        check().createdFunction(name, code.codeSha256(), waiter.awaitReady(name).codeSha256());
        reached = "created";
        String version = publishAndAlias(name, code.codeSha256(), true, ctx);
        tag(arn, code, ctx.managedArns(), null, state, ctx, true);
        return created(name, arn, code.codeSha256(), version)
                .layers(layers)
                .s3(s3)
                .bytesUploaded(s3 == null ? code.zippedBytes() : s3.bytesUploaded())
                .build();
    }

    /**
     * CreateFunction with what every new function gets (role, architecture, environment, description, memory,
     * timeout) and {@code code}'s zip or image specifics; an ambiguous failure is retried only after checking
     * whether the failed attempt created the function ({@code codeSha256}: with this code, when known).
     */
    private String createFunction(
            String name, String codeSha256, String architecture, Consumer<CreateFunctionRequest.Builder> code) {
        return IdempotentCall.run(
                "lambda:CreateFunction",
                "function " + name + " in " + region,
                attempts,
                () -> lambdaOnce
                        .createFunction(r -> {
                            r.functionName(name)
                                    .role(settings.role())
                                    .architecturesWithStrings(architecture)
                                    .environment(e -> e.variables(settings.effectiveEnvironment()))
                                    .description(settings.description());
                            code.accept(r);
                            if (settings.memorySize() != null) {
                                r.memorySize(settings.memorySize());
                            }
                            if (settings.timeout() != null) {
                                r.timeout(settings.timeout());
                            }
                        })
                        .functionArn(),
                () -> createdMeanwhile(name, codeSha256));
    }
    /** Publishes a version when something changed (or the alias is missing) and points the alias at it. */
    private String publishAndAlias(String name, String codeSha256, boolean changed, Context ctx) {
        if (!settings.publishesVersion()) {
            return null;
        }
        String alias = settings.alias();
        String aliasVersion = alias == null ? null : currentAliasVersion(name, alias);
        if (!changed && (alias == null || aliasVersion != null)) {
            return null;
        }
        String resource = "function " + name + " in " + region;
        PublishedVersion published = waiter.withConflictRetry(
                name,
                () -> IdempotentCall.run(
                        "lambda:PublishVersion",
                        resource,
                        attempts,
                        () -> {
                            var r = lambdaOnce.publishVersion(p ->
                                    p.functionName(name).codeSha256(codeSha256).description(ctx.versionDescription()));
                            return new PublishedVersion(r.version(), r.codeSha256());
                        },
                        () -> publishedMeanwhile(name)));
        String version = published.version();
        check().publishedVersion(name, version, codeSha256, published.codeSha256());
        reached = (reached.equals("unchanged") ? "" : reached + ", ") + "version " + version + " published";
        waiter.awaitVersionActive(name, version);
        log.info("[" + region + "] published version " + version + " of " + name);
        if (alias != null) {
            if (aliasVersion == null) {
                AwsCalls.run(
                        "lambda:CreateAlias",
                        resource,
                        () -> lambda.createAlias(
                                r -> r.functionName(name).name(alias).functionVersion(version)));
            } else if (!Objects.equals(aliasVersion, version)) {
                AwsCalls.run(
                        "lambda:UpdateAlias",
                        resource,
                        () -> lambda.updateAlias(
                                r -> r.functionName(name).name(alias).functionVersion(version)));
            }
            log.info("[" + region + "] alias " + name + ":" + alias + " -> version " + version);
        }
        return version;
    }

    /**
     * After an ambiguous CreateFunction failure: the function, when the failed attempt created it (with this code,
     * when known); a function someone else created meanwhile is not taken over.
     */
    private Optional<String> createdMeanwhile(String name, String codeSha256) {
        try {
            var c = lambda.getFunctionConfiguration(r -> r.functionName(name));
            if (codeSha256 != null && !codeSha256.equals(c.codeSha256())) {
                throw new DeployException("Function " + name + " in " + region + " was created by someone else "
                        + "while this deploy created it (its CodeSha256 is " + c.codeSha256() + ", not " + codeSha256
                        + "). Nothing was changed on it; re-run the deploy to update it.");
            }
            log.info("[" + region + "] creating " + name + " failed on the way, but Lambda had created it; going on");
            return Optional.of(c.functionArn());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrorTranslator.toException(
                    e, "lambda:GetFunctionConfiguration", "function " + name + " in " + region);
        }
    }

    /**
     * After an ambiguous PublishVersion failure: the newest version, when it has exactly what $LATEST has now (the
     * failed attempt published it). Lambda itself answers a PublishVersion of unchanged code and configuration with
     * that version, so reusing it is what a successful retry would have returned.
     */
    private Optional<PublishedVersion> publishedMeanwhile(String name) {
        String resource = "function " + name + " in " + region;
        List<FunctionConfiguration> versions = AwsCalls.call(
                "lambda:ListVersionsByFunction",
                resource,
                () -> lambda.listVersionsByFunctionPaginator(r -> r.functionName(name)).versions().stream()
                        .toList());
        FunctionConfiguration latest = versions.stream()
                .filter(v -> "$LATEST".equals(v.version()))
                .findFirst()
                .orElse(null);
        FunctionConfiguration newest = versions.stream()
                .filter(v -> !"$LATEST".equals(v.version()))
                .max(java.util.Comparator.comparingLong(v -> Long.parseLong(v.version())))
                .orElse(null);
        if (latest == null || newest == null || !sameDeployment(latest, newest)) {
            return Optional.empty();
        }
        log.info("[" + region + "] publishing a version of " + name + " failed on the way, but Lambda had published "
                + "version " + newest.version() + "; going on");
        return Optional.of(new PublishedVersion(newest.version(), newest.codeSha256()));
    }

    /** A published version and the CodeSha256 Lambda reports for it. */
    private record PublishedVersion(String version, String codeSha256) {}

    private static boolean sameDeployment(FunctionConfiguration a, FunctionConfiguration b) {
        return Objects.equals(a.codeSha256(), b.codeSha256())
                && Objects.equals(
                        a.layers().stream().map(l -> l.arn()).toList(),
                        b.layers().stream().map(l -> l.arn()).toList())
                && Objects.equals(a.handler(), b.handler())
                && Objects.equals(a.runtimeAsString(), b.runtimeAsString())
                && Objects.equals(a.memorySize(), b.memorySize())
                && Objects.equals(a.timeout(), b.timeout())
                && Objects.equals(
                        a.environment() == null ? null : a.environment().variables(),
                        b.environment() == null ? null : b.environment().variables());
    }

    private String currentAliasVersion(String name, String alias) {
        try {
            return lambda.getAlias(r -> r.functionName(name).name(alias)).functionVersion();
        } catch (ResourceNotFoundException e) {
            return null;
        } catch (SdkException e) {
            throw AwsErrorTranslator.toException(e, "lambda:GetAlias", "alias " + alias + " of " + name);
        }
    }

    /** What an image deploy would do, without the image (a dry run builds nothing, so the digest is unknown). */
    FunctionResult planImage(FunctionState state) {
        if (!state.exists()) {
            return wouldCreate(state.name(), null).build();
        }
        FunctionConfiguration before = state.current();
        List<ConfigChange> config =
                configChanges(before, List.of(), UpdateFunctionConfigurationRequest.builder(), true);
        List<String> changes = new ArrayList<>(List.of("image (digest known once built)"));
        config.forEach(c -> changes.add(c.wire()));
        return FunctionResult.builder(state.name())
                .functionArn(before.functionArn())
                .code(DeployAction.WOULD_UPDATE)
                .configuration(config.isEmpty() ? DeployAction.UP_TO_DATE : DeployAction.WOULD_UPDATE)
                .changes(changes)
                .previousCodeSha256(before.codeSha256())
                .alias(settings.alias())
                .previousImageUri(state.imageUri())
                .build();
    }

    /**
     * Points an image function at {@code imageUri} (pinned by digest): skipped when it already runs that image,
     * then the configuration, waiting after each update as for zips.
     */
    FunctionResult applyImage(FunctionState state, String imageUri, String digest, String architecture, Context ctx) {
        String name = state.name();
        if (!state.exists()) {
            return createImage(state, imageUri, digest, architecture, ctx);
        }
        FunctionConfiguration before = state.current();
        Update update = update(state, !state.runsImage(imageUri, digest), "image", architecture, List.of(), true);
        // As for zips: configuration first, put back if the image update then fails.
        updateThenRestore(
                name,
                before,
                update,
                "updating " + name + " to image " + imageUri,
                r -> r.functionName(name).imageUri(imageUri).architecturesWithStrings(architecture),
                reported -> {
                    String wrong = check().imageMismatch(name, digest);
                    if (wrong != null) {
                        reached = "its previous image put back after a digest mismatch";
                        throw restoreImage(name, state, architecture, wrong);
                    }
                });
        if (!update.code()) {
            log.info("[" + region + "] " + name + " already runs " + imageUri);
        }
        String version = publishAndAlias(name, null, !update.changes().isEmpty(), ctx);
        if (!update.changes().isEmpty()) {
            // a settings-only change keeps the previous image as the rollback target (no previous-image-uri written);
            // a new image records the one it replaces, pinned by digest so a moved tag cannot change it
            String previous = update.code()
                    ? ImageRef.pinned(state.imageUri(), ImageRef.pinnedDigest(state.resolvedImageUri()))
                    : null;
            tagImage(before.functionArn(), state, digest, imageUri, previous, ctx);
        }
        return FunctionResult.builder(name)
                .functionArn(before.functionArn())
                .code(update.code() ? DeployAction.UPDATED : DeployAction.UP_TO_DATE)
                .configuration(update.config().isEmpty() ? DeployAction.UP_TO_DATE : DeployAction.UPDATED)
                .changes(update.changes())
                .codeSha256(digest)
                .previousCodeSha256(before.codeSha256())
                .publishedVersion(version)
                .alias(settings.alias())
                .imageUri(imageUri)
                .previousImageUri(state.imageUri())
                .build();
    }

    private FunctionResult createImage(
            FunctionState state, String imageUri, String digest, String architecture, Context ctx) {
        String name = state.name();
        log.info("[" + region + "] creating image function " + name);
        String arn = createFunction(
                name, null, architecture, r -> r.packageType(PackageType.IMAGE).code(c -> c.imageUri(imageUri)));
        reached = "created";
        waiter.awaitReady(name);
        String wrong = check().imageMismatch(name, digest);
        if (wrong != null) {
            throw check().deleteNew(name, wrong);
        }
        String version = publishAndAlias(name, null, true, ctx);
        tagImage(arn, state, digest, imageUri, null, ctx);
        return created(name, arn, digest, version).imageUri(imageUri).build();
    }

    private void tagImage(
            String arn, FunctionState state, String digest, String imageUri, String previousImageUri, Context ctx) {
        if (ctx.recordHistory()) {
            putTags(arn, state, History.imageTags(ctx.project(), ctx.gitCommit(), digest, imageUri, previousImageUri));
        }
    }

    /** History for status/rollback; a missing lambda:TagResource permission only costs the history, not the deploy. */
    private void tag(
            String arn,
            PlannedZip code,
            List<String> managedArns,
            String previousCode,
            FunctionState state,
            Context ctx,
            boolean newDeployment) {
        if (!ctx.recordHistory()) {
            return;
        }
        Set<String> previouslyManaged = new HashSet<>(History.managedLayerNames(state.tags()));
        managedArns.forEach(a -> previouslyManaged.add(LayerArns.name(a)));
        List<String> previous = state.layerArns().stream()
                .filter(a -> previouslyManaged.contains(LayerArns.name(a)))
                .toList();
        Map<String, String> tags =
                History.tags(ctx.project(), ctx.gitCommit(), code.codeSha256(), managedArns, previousCode, previous);
        if (!newDeployment) {
            // TagResource leaves keys it is not given alone: the recorded previous deployment stays as it is
            tags.remove(History.PREVIOUS_CODE);
            tags.remove(History.PREVIOUS_LAYERS);
        }
        putTags(arn, state, tags);
    }

    private void putTags(String arn, FunctionState state, Map<String, String> tags) {
        try {
            AwsCalls.run(
                    "lambda:TagResource",
                    "function " + state.name() + " in " + region,
                    () -> lambda.tagResource(r -> r.resource(arn).tags(tags)));
        } catch (AwsCallException e) {
            log.warn("[" + region + "] deploy history not recorded on " + state.name() + ": " + e.getMessage());
        }
    }

    /** Points an image function back at the image it ran before (pinned by digest); returns the failure. */
    private DeployException restoreImage(String name, FunctionState state, String architecture, String wrong) {
        String previous = ImageRef.pinned(state.imageUri(), ImageRef.pinnedDigest(state.resolvedImageUri()));
        try {
            waiter.withConflictRetry(
                    name,
                    () -> lambda.updateFunctionCode(
                            r -> r.functionName(name).imageUri(previous).architecturesWithStrings(architecture)));
            waiter.awaitReady(name);
            return new DeployException(wrong + " The function was pointed back at " + previous + "; nothing was "
                    + "published. Check who can push to the repository, then deploy again.");
        } catch (RuntimeException e) {
            return new DeployException(
                    wrong + " Pointing it back at " + previous + " failed too (" + e.getMessage()
                            + "): run lambda:rollback.",
                    e);
        }
    }

    private HandOffCheck check() {
        return new HandOffCheck(lambda, region, log);
    }

    private String runtime() {
        return settings.runtime() != null ? settings.runtime() : FunctionSettings.DEFAULT_RUNTIME;
    }

    /** What every function of a region shares. */
    record Context(
            boolean dryRun,
            boolean recordHistory,
            String project,
            String gitCommit,
            String versionDescription,
            List<String> managedArns) {}
}
