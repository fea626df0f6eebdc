package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.FunctionWaiter;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.publish.History;
import dev.lambdadeploy.publish.LayerArns;
import dev.lambdadeploy.publish.image.ImageRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;

/**
 * {@code lambda:rollback} without Maven. Per region: resolve every function's target and find its code first
 * (read-only, so a refusal changes nothing), then restore code and layers function by function, waiting for Lambda
 * like the deploy does, move the alias, and record the rollback in the history tags (the rolled-back-from
 * deployment becomes the previous one, so a second rollback undoes the first).
 */
public final class LambdaRollback {
    private final BuildLog log;

    public LambdaRollback(BuildLog log) {
        this.log = log;
    }

    public RollbackResult rollback(RollbackRequest request) {
        LifecycleScope scope = request.scope();
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<RollbackResult.RegionRollback> regions = new ArrayList<>();
        try (AwsClientFactory factory = new AwsClientFactory(scope.aws())) {
            for (String region : scope.regions()) {
                try (AwsClients aws = factory.clients(region)) {
                    regions.add(region(request, aws));
                }
            }
        }
        RollbackResult result = new RollbackResult(RollbackResult.SCHEMA_VERSION, startedAt, request.to(), regions);
        try {
            LifecycleJson.write(result, scope.outputDirectory().resolve(RollbackResult.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private RollbackResult.RegionRollback region(RollbackRequest request, AwsClients aws) {
        LifecycleScope scope = request.scope();
        String region = aws.region();
        List<RollbackResult.FunctionRollback> done = new ArrayList<>();
        try {
            FunctionReader reader = new FunctionReader(aws.lambda(), region);
            CodeSource code = new CodeSource(aws, scope.s3(), scope.codeFolder());
            List<Planned> plans = new ArrayList<>();
            for (String name : scope.functionNames()) {
                DeployedFunction f = reader.read(name, Set.of());
                RollbackTarget t = RollbackTarget.resolve(f, request.to());
                Optional<CodeSource.Located> at = t.changesCode(f) ? code.locate(f, t) : Optional.empty();
                if (t.changesCode(f) && at.isEmpty() && f.image()) {
                    throw new LifecycleException("Cannot roll back image function " + name + " in " + region
                            + " to the " + t.description() + ": Lambda reports no image URI for version "
                            + t.version() + ". Name another target with -Dlambda.rollback.to=<version|alias>, or "
                            + "check out the old commit and run 'mvn package lambda:deploy'. Nothing was changed.");
                }
                if (t.changesCode(f) && at.isEmpty()) {
                    throw new LifecycleException("Cannot roll back function " + name + " in " + region + " to the "
                            + t.description() + ": its code (CodeSha256 " + t.codeSha256()
                            + ") is kept nowhere: not in "
                            + "the deploy bucket (s3://" + scope.s3().bucketFor(region, f.account()) + "/"
                            + scope.s3().key(scope.codeFolder(), CodeSource.hex(t.codeSha256())) + ") and in no "
                            + "published version. Deploy through S3 (-Dlambda.deploy.mode=s3) or publish versions "
                            + "(<publishVersion>true</publishVersion>) so rollbacks find the code; to go back now, "
                            + "check out the old commit and run 'mvn package lambda:deploy'. Nothing was changed.");
                }
                plans.add(new Planned(f, t, at.orElse(null)));
            }
            FunctionWaiter waiter = new FunctionWaiter(aws.lambda(), request.waitTimeout(), request.pollInterval());
            for (Planned p : plans) {
                done.add(apply(p, aws, waiter, scope.alias(), code));
            }
            return new RollbackResult.RegionRollback(region, done, null);
        } catch (LifecycleException | AwsCallException e) {
            log.warn("[" + region + "] rollback failed: " + e.getMessage());
            return new RollbackResult.RegionRollback(region, done, e.getMessage());
        }
    }

    private RollbackResult.FunctionRollback apply(
            Planned p, AwsClients aws, FunctionWaiter waiter, String alias, CodeSource code) {
        DeployedFunction f = p.function();
        RollbackTarget t = p.target();
        String name = f.name();
        String resource = "function " + name + " in " + aws.region();
        log.info("[" + aws.region() + "] rolling back " + name + " to the " + t.description()
                + (p.code() == null ? "" : ", code from " + p.code().description()));
        waiter.awaitReady(name);
        if (p.code() != null) {
            UpdateFunctionCodeRequest req = code.request(f, t, p.code());
            waiter.withConflictRetry(
                    name,
                    () -> AwsCalls.call(
                            "lambda:UpdateFunctionCode",
                            resource,
                            () -> aws.lambda().updateFunctionCode(req)));
            String reported = waiter.awaitReady(name).codeSha256();
            if (!f.image() && !t.codeSha256().equals(reported)) {
                throw new LifecycleException("Rolling back " + name + " in " + aws.region() + ": Lambda reports "
                        + "CodeSha256 " + reported + " for the code from "
                        + p.code().description() + ", not the "
                        + "target's " + t.codeSha256() + "; the object was changed after it was checked. The function "
                        + "now runs that code: run lambda:deploy from a trusted checkout right away, and find out who "
                        + "else can write to the deploy bucket (see docs/deploy-trust.md).");
            }
        }
        boolean layersChange = !t.layerArns().equals(f.layerArns()) && !f.image();
        if (layersChange) {
            waiter.withConflictRetry(
                    name,
                    () -> AwsCalls.call(
                            "lambda:UpdateFunctionConfiguration",
                            resource,
                            () -> aws.lambda()
                                    .updateFunctionConfiguration(
                                            r -> r.functionName(name).layers(t.layerArns()))));
        }
        var after = waiter.awaitReady(name);
        String aliasVersion = alias == null ? null : moveAlias(aws, waiter, f, t, alias, after.codeSha256());
        if (p.code() == null && !layersChange) {
            // what runs did not change (e.g. the alias already ran it): the recorded previous deployment stays the
            // rollback target, instead of being replaced by what runs now
            log.debug("[" + aws.region() + "] " + name + " runs the target already; history tags left as they are");
        } else if (f.image()) {
            retagImage(
                    aws,
                    f,
                    t,
                    p.code() == null
                            ? ImageRef.pinned(f.imageUri(), f.imageDigest())
                            : p.code().imageUri());
        } else {
            retag(aws, f, t, after.codeSha256());
        }
        return new RollbackResult.FunctionRollback(
                name,
                t.description(),
                p.code() == null ? "unchanged" : p.code().description(),
                f.image() ? null : f.codeSha256(),
                f.image() ? null : after.codeSha256(),
                f.image() ? f.imageUri() : null,
                p.code() == null ? null : p.code().imageUri(),
                f.layerArns(),
                t.layerArns(),
                alias,
                aliasVersion);
    }

    /** The alias goes to the target's version, else to a version with the same code and layers, else a new one. */
    private String moveAlias(
            AwsClients aws,
            FunctionWaiter waiter,
            DeployedFunction f,
            RollbackTarget t,
            String alias,
            String codeSha256) {
        String name = f.name();
        String resource = "alias " + alias + " of " + name + " in " + aws.region();
        String version = t.version();
        if (version == null) {
            version = f.versions().stream()
                    .filter(v ->
                            codeSha256.equals(v.codeSha256()) && v.layerArns().equals(t.layerArns()))
                    .reduce((a, b) -> b)
                    .map(DeployedFunction.PublishedVersion::version)
                    .orElse(null);
        }
        if (version == null) {
            version = waiter.withConflictRetry(
                            name,
                            () -> AwsCalls.call(
                                    "lambda:PublishVersion",
                                    resource,
                                    () -> aws.lambda()
                                            .publishVersion(r -> r.functionName(name)
                                                    .codeSha256(codeSha256)
                                                    .description("rollback to the " + t.description()))))
                    .version();
            waiter.awaitVersionActive(name, version);
        }
        String v = version;
        if (f.aliases().containsKey(alias)) {
            AwsCalls.run(
                    "lambda:UpdateAlias",
                    resource,
                    () -> aws.lambda()
                            .updateAlias(r -> r.functionName(name).name(alias).functionVersion(v)));
        } else {
            AwsCalls.run(
                    "lambda:CreateAlias",
                    resource,
                    () -> aws.lambda()
                            .createAlias(r -> r.functionName(name).name(alias).functionVersion(v)));
        }
        log.info("[" + aws.region() + "] alias " + name + ":" + alias + " -> version " + v);
        return v;
    }

    /** The rolled-back-from deployment becomes the previous one; a missing TagResource permission only warns. */
    private void retag(AwsClients aws, DeployedFunction f, RollbackTarget t, String codeSha256) {
        Set<String> historyNames = History.managedLayerNames(f.tags());
        List<String> currentManaged = f.layerArns().stream()
                .filter(a -> historyNames.contains(LayerArns.name(a)))
                .toList();
        Map<String, String> tags = History.tags(
                f.tags().getOrDefault(History.PROJECT, ""),
                t.gitCommit(),
                codeSha256,
                t.managedLayerArns(),
                f.codeSha256(),
                currentManaged);
        writeTags(aws, f, t, tags);
    }

    private void writeTags(AwsClients aws, DeployedFunction f, RollbackTarget t, Map<String, String> tags) {
        try {
            AwsCalls.run(
                    "lambda:TagResource",
                    "function " + f.name(),
                    () -> aws.lambda().tagResource(r -> r.resource(f.arn()).tags(tags)));
            if (t.gitCommit() == null && f.tags().containsKey(History.GIT_COMMIT)) {
                AwsCalls.run(
                        "lambda:UntagResource",
                        "function " + f.name(),
                        () -> aws.lambda()
                                .untagResource(r -> r.resource(f.arn()).tagKeys(History.GIT_COMMIT)));
            }
        } catch (AwsCallException e) {
            log.warn("[" + aws.region() + "] rollback history not recorded on " + f.name() + ": " + e.getMessage());
        }
    }

    /**
     * As {@link #retag} for an image function: the image rolled back to becomes the current one (its digest the
     * code), the image rolled back from the previous one, both pinned by digest so a second rollback undoes the first
     * even when a tag has moved since.
     */
    private void retagImage(AwsClients aws, DeployedFunction f, RollbackTarget t, String imageUri) {
        String digest = ImageRef.pinnedDigest(imageUri);
        Map<String, String> tags = History.imageTags(
                f.tags().getOrDefault(History.PROJECT, ""),
                t.gitCommit(),
                digest != null ? digest : imageUri,
                imageUri,
                ImageRef.pinned(f.imageUri(), f.imageDigest()));
        writeTags(aws, f, t, tags);
    }

    private record Planned(DeployedFunction function, RollbackTarget target, CodeSource.Located code) {}
}
