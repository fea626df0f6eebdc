package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.aws.AwsCallException;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsClientFactory;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.AwsErrorTranslator;
import dev.lambdadeploy.aws.Partitions;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.publish.BucketGuard;
import dev.lambdadeploy.publish.History;
import dev.lambdadeploy.publish.LayerArns;
import dev.lambdadeploy.units.ByteSizes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.GetLayerVersionResponse;
import software.amazon.awssdk.services.lambda.model.LayerVersionsListItem;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code lambda:prune} without Maven. Per region it keeps the newest N versions of each layer this project manages
 * and everything still in use: any function's current configuration or published version in the region (aliases
 * point at versions) and the rollback target recorded in the configured functions' history tags. Older versions go,
 * with their objects in the deploy bucket; old function-code objects go likewise; so do untagged and old images of
 * the ECR repositories of image mode ({@link ImagePruner}). Dry run unless asked to delete.
 */
public final class Pruner {
    static final String LIFECYCLE_RULE_ID = "lambda-deploy-expire";

    private final BuildLog log;

    public Pruner(BuildLog log) {
        this.log = log;
    }

    public PruneResult prune(PruneRequest request) {
        LifecycleScope scope = request.scope();
        Set<String> packageLayers =
                LocalPackage.read(scope).map(l -> l.layerShas().keySet()).orElse(Set.of());
        List<PruneResult.RegionPrune> regions = new ArrayList<>();
        try (AwsClientFactory factory = new AwsClientFactory(scope.aws())) {
            for (String region : scope.regions()) {
                try (AwsClients aws = factory.clients(region)) {
                    regions.add(new RegionPruner(request, aws, packageLayers).run());
                }
            }
        }
        long freed = regions.stream()
                .flatMap(r -> r.items().stream())
                .filter(i -> i.action() != PruneAction.KEPT)
                .mapToLong(PruneResult.Item::bytes)
                .sum();
        boolean images = regions.stream().flatMap(r -> r.items().stream()).anyMatch(i -> "image".equals(i.kind()));
        PruneResult result = new PruneResult(
                PruneResult.SCHEMA_VERSION,
                !request.delete(),
                request.keep(),
                images ? request.imagesToKeep() : null,
                freed,
                regions);
        try {
            LifecycleJson.write(result, scope.outputDirectory().resolve(PruneResult.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private final class RegionPruner {
        private final PruneRequest request;
        private final LifecycleScope scope;
        private final AwsClients aws;
        private final String region;
        private final Set<String> packageLayers;
        private final List<PruneResult.Item> items = new ArrayList<>();
        private String owner; // the account the deploy bucket must belong to, named in every S3 request

        RegionPruner(PruneRequest request, AwsClients aws, Set<String> packageLayers) {
            this.request = request;
            this.scope = request.scope();
            this.aws = aws;
            this.region = aws.region();
            this.packageLayers = packageLayers;
        }

        PruneResult.RegionPrune run() {
            String bucket = null;
            String rule = null;
            try {
                // 1. read everything that protects a layer version or an object
                FunctionReader reader = new FunctionReader(aws.lambda(), region);
                Set<String> layerNames = new TreeSet<>(packageLayers);
                Set<String> protectedArns = new HashSet<>();
                Set<String> protectedCode = new HashSet<>();
                String account = null;
                List<String> configuredImages = new ArrayList<>();
                for (String name : scope.functionNames()) {
                    DeployedFunction f = reader.read(name, packageLayers);
                    account = f.account();
                    if (f.image()) {
                        configuredImages.add(f.imageUri());
                        configuredImages.add(f.tags().get(History.PREVIOUS_IMAGE_URI));
                    }
                    layerNames.addAll(History.managedLayerNames(f.tags()));
                    f.layers().stream().filter(DeployedLayer::managed).forEach(l -> layerNames.add(l.name()));
                    // the rollback target: the previous deployment in the history tags
                    String previous = f.tags().getOrDefault(History.PREVIOUS_LAYERS, "");
                    for (String s : previous.trim().split("\\s+")) {
                        if (!s.isEmpty()) {
                            protectedArns.add(Partitions.layerVersionArnLike(f.arn(), s));
                        }
                    }
                    Optional.ofNullable(f.tags().get(History.PREVIOUS_CODE)).ifPresent(protectedCode::add);
                }
                List<FunctionConfiguration> allVersions = AwsCalls.call(
                        "lambda:ListFunctions",
                        "functions in " + region,
                        () -> aws
                                .lambda()
                                .listFunctionsPaginator(r -> r.functionVersion(FunctionVersion.ALL))
                                .functions()
                                .stream()
                                .toList());
                for (FunctionConfiguration c : allVersions) {
                    c.layers().forEach(l -> protectedArns.add(l.arn()));
                    if (c.codeSha256() != null) {
                        protectedCode.add(c.codeSha256());
                    }
                }
                bucket = bucket(account);
                // 2. decide, 3. delete
                for (String layer : layerNames) {
                    layer(layer, protectedArns, bucket);
                }
                if (bucket != null) {
                    codeObjects(bucket, protectedCode);
                    if (request.s3ExpireDays() != null) {
                        rule = lifecycleRule(bucket);
                    }
                } else if (request.s3ExpireDays() != null) {
                    rule = "not installed: the deploy bucket " + scope.s3().bucketFor(region, account)
                            + " does not exist";
                }
                images(account, allVersions, configuredImages);
                return new PruneResult.RegionPrune(region, bucket, items, rule, null);
            } catch (LifecycleException | AwsCallException e) {
                log.warn("[" + region + "] prune failed: " + e.getMessage());
                return new PruneResult.RegionPrune(region, bucket, items, rule, e.getMessage());
            }
        }

        /**
         * The configured image repository and the repositories the configured image functions point at (this
         * account's ECR in this region); what any image function of the region needs is protected in all of them.
         */
        private void images(String account, List<FunctionConfiguration> allVersions, List<String> configuredImages) {
            Set<String> fromFunctions = ImagePruner.repositoriesOf(configuredImages, account, region);
            Set<String> repositories = new LinkedHashSet<>();
            if (request.imageRepository() != null) {
                repositories.add(request.imageRepository());
            }
            repositories.addAll(fromFunctions);
            if (repositories.isEmpty()) {
                return; // no images in play: no ECR calls, no ECR permissions needed
            }
            ImageReferences needed = ImageReferences.read(aws.lambda(), region, allVersions);
            ImagePruner images = new ImagePruner(aws, log, request.imagesToKeep(), request.delete(), account);
            for (String repository : repositories) {
                boolean configured = repository.equals(request.imageRepository());
                // a configured repository may not exist yet while every function is a zip; one an image function
                // uses, or the configured one once image functions are configured, must
                boolean mustExist = fromFunctions.contains(repository) || !configuredImages.isEmpty();
                try {
                    items.addAll(images.prune(
                            repository, configured && !fromFunctions.contains(repository), mustExist, needed));
                } catch (ImagePruner.ImageDeleteException e) {
                    items.addAll(e.items());
                    throw e;
                }
            }
        }

        private void layer(String layer, Set<String> protectedArns, String bucket) {
            String resource = "layer " + layer + " in " + region;
            List<LayerVersionsListItem> versions = new ArrayList<>(AwsCalls.call(
                    "lambda:ListLayerVersions",
                    resource,
                    () -> aws.lambda().listLayerVersionsPaginator(r -> r.layerName(layer)).layerVersions().stream()
                            .toList()));
            versions.sort(
                    Comparator.comparingLong(LayerVersionsListItem::version).reversed());
            Map<String, String> keptShas = new HashMap<>();
            List<GetLayerVersionResponse> doomed = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                LayerVersionsListItem v = versions.get(i);
                GetLayerVersionResponse full = AwsCalls.call(
                        "lambda:GetLayerVersion",
                        resource,
                        () -> aws.lambda()
                                .getLayerVersion(r -> r.layerName(layer).versionNumber(v.version())));
                long size = full.content() == null || full.content().codeSize() == null
                        ? 0
                        : full.content().codeSize();
                String sha = full.content() == null ? null : full.content().codeSha256();
                String reason = i < request.keep()
                        ? "one of the newest " + request.keep()
                        : protectedArns.contains(v.layerVersionArn())
                                ? "in use by a function, a published version, an " + "alias or the rollback target"
                                : null;
                if (reason != null) {
                    items.add(
                            new PruneResult.Item("layer-version", v.layerVersionArn(), size, PruneAction.KEPT, reason));
                    if (sha != null) {
                        keptShas.put(sha, v.layerVersionArn());
                    }
                } else {
                    doomed.add(full);
                }
            }
            for (GetLayerVersionResponse v : doomed) {
                long size = v.content() == null || v.content().codeSize() == null
                        ? 0
                        : v.content().codeSize();
                if (request.delete()) {
                    AwsCalls.run(
                            "lambda:DeleteLayerVersion",
                            resource,
                            () -> aws.lambda()
                                    .deleteLayerVersion(r -> r.layerName(layer).versionNumber(v.version())));
                    log.info("[" + region + "] deleted layer version " + LayerArns.shortForm(v.layerVersionArn()));
                }
                items.add(new PruneResult.Item(
                        "layer-version",
                        v.layerVersionArn(),
                        size,
                        action(),
                        "older than the newest " + request.keep() + " and not in use"));
                String sha = v.content() == null ? null : v.content().codeSha256();
                if (bucket != null && sha != null && !keptShas.containsKey(sha)) {
                    String key = scope.s3().key(layer, CodeSource.hex(sha));
                    objectSize(bucket, key)
                            .ifPresent(bytes -> deleteObject(bucket, key, bytes, "upload of a pruned layer version"));
                }
            }
        }

        /** Function-code uploads: the newest N and any code a function version or the rollback target has stay. */
        private void codeObjects(String bucket, Set<String> protectedCode) {
            String prefix = scope.s3().key(scope.codeFolder(), "x");
            String folder = prefix.substring(0, prefix.length() - "x.zip".length());
            List<S3Object> objects = new ArrayList<>(AwsCalls.call(
                    "s3:ListObjectsV2",
                    "s3://" + bucket + "/" + folder,
                    () -> aws
                            .s3()
                            .listObjectsV2Paginator(
                                    r -> r.bucket(bucket).prefix(folder).expectedBucketOwner(owner))
                            .contents()
                            .stream()
                            .toList()));
            objects.sort(Comparator.comparing(S3Object::lastModified).reversed());
            Set<String> protectedHex = new LinkedHashSet<>();
            protectedCode.forEach(sha -> protectedHex.add(CodeSource.hex(sha)));
            for (int i = 0; i < objects.size(); i++) {
                S3Object o = objects.get(i);
                String hex = o.key().substring(folder.length()).replace(".zip", "");
                String uri = "s3://" + bucket + "/" + o.key();
                if (i < request.keep()) {
                    items.add(new PruneResult.Item(
                            "s3-object", uri, o.size(), PruneAction.KEPT, "one of the newest " + request.keep()));
                } else if (protectedHex.contains(hex)) {
                    items.add(new PruneResult.Item(
                            "s3-object",
                            uri,
                            o.size(),
                            PruneAction.KEPT,
                            "code of a function, a published version or the rollback target"));
                } else {
                    deleteObject(bucket, o.key(), o.size(), "function code no function version uses");
                }
            }
        }

        private void deleteObject(String bucket, String key, long bytes, String reason) {
            if (request.delete()) {
                AwsCalls.run(
                        "s3:DeleteObject",
                        "s3://" + bucket + "/" + key,
                        () -> aws.s3()
                                .deleteObject(r -> r.bucket(bucket).key(key).expectedBucketOwner(owner)));
            }
            items.add(new PruneResult.Item("s3-object", "s3://" + bucket + "/" + key, bytes, action(), reason));
        }

        private Optional<Long> objectSize(String bucket, String key) {
            try {
                return Optional.of(aws.s3()
                        .headObject(r -> r.bucket(bucket).key(key).expectedBucketOwner(owner))
                        .contentLength());
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw AwsErrorTranslator.toException(e, "s3:HeadObject", "s3://" + bucket + "/" + key);
            }
        }

        /** The deploy bucket of this region, or {@code null} when there is none (direct deploys only). */
        private String bucket(String account) {
            String bucket = scope.s3().bucketFor(region, account);
            owner = scope.s3().expectedOwner(account);
            try {
                aws.s3().headBucket(r -> r.bucket(bucket).expectedBucketOwner(owner));
                return bucket;
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return null;
                }
                if (e.statusCode() == 403) {
                    throw new LifecycleException(
                            BucketGuard.message(bucket, owner, region) + " Nothing was pruned.", e);
                }
                throw AwsErrorTranslator.toException(e, "s3:HeadBucket", "bucket " + bucket + " in " + region);
            }
        }

        /** Adds or replaces our rule, keeping every other rule of the bucket. */
        private String lifecycleRule(String bucket) {
            String prefix = scope.s3().prefix().isEmpty() ? "" : scope.s3().prefix() + "/";
            int days = request.s3ExpireDays();
            String what = "objects under s3://" + bucket + "/" + prefix + " expire after " + days + " days";
            if (!request.delete()) {
                return "would install: " + what;
            }
            List<LifecycleRule> rules = new ArrayList<>();
            try {
                aws
                        .s3()
                        .getBucketLifecycleConfiguration(r -> r.bucket(bucket).expectedBucketOwner(owner))
                        .rules()
                        .stream()
                        .filter(r -> !LIFECYCLE_RULE_ID.equals(r.id()))
                        .forEach(rules::add);
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw AwsErrorTranslator.toException(e, "s3:GetLifecycleConfiguration", "bucket " + bucket);
                }
            }
            rules.add(LifecycleRule.builder()
                    .id(LIFECYCLE_RULE_ID)
                    .status("Enabled")
                    .filter(f -> f.prefix(prefix))
                    .expiration(x -> x.days(days))
                    .build());
            AwsCalls.run(
                    "s3:PutLifecycleConfiguration",
                    "bucket " + bucket,
                    () -> aws.s3()
                            .putBucketLifecycleConfiguration(r -> r.bucket(bucket)
                                    .expectedBucketOwner(owner)
                                    .lifecycleConfiguration(c -> c.rules(rules))));
            log.info("[" + region + "] lifecycle rule " + LIFECYCLE_RULE_ID + ": " + what);
            return "installed: " + what;
        }

        private PruneAction action() {
            return PruneAction.deleted(request.delete());
        }
    }

    /** One line per region and a total, as the goal prints them. */
    public static List<String> summary(PruneResult r) {
        List<String> lines = new ArrayList<>();
        lines.add(
                r.dryRun()
                        ? "Lambda prune plan (dry run, nothing deleted; -Dlambda.prune.delete=true deletes):"
                        : "Lambda prune:");
        for (PruneResult.RegionPrune region : r.regions()) {
            for (PruneResult.Item i : region.items()) {
                lines.add(String.format(
                        java.util.Locale.ROOT,
                        "  %-12s %-12s %-13s %10s  %s%s%s",
                        region.region(),
                        i.action(),
                        i.kind(),
                        ByteSizes.human(i.bytes()),
                        i.id(),
                        i.tags() == null
                                ? ""
                                : i.tags().isEmpty() ? " untagged" : " tags " + String.join(",", i.tags()),
                        i.action() == PruneAction.KEPT ? " (" + i.reason() + ")" : ""));
            }
            if (region.lifecycleRule() != null) {
                lines.add("  " + region.region() + " S3 lifecycle rule " + region.lifecycleRule());
            }
            if (region.error() != null) {
                lines.add("  " + region.region() + " FAILED: " + region.error());
            }
        }
        long n = r.regions().stream()
                .flatMap(x -> x.items().stream())
                .filter(i -> i.action() != PruneAction.KEPT)
                .count();
        lines.add((r.dryRun() ? "would delete " : "deleted ") + n + " item(s), " + ByteSizes.human(r.bytesFreed())
                + " (" + r.bytesFreed() + " bytes) " + (r.dryRun() ? "would be " : "") + "freed; kept the newest "
                + r.keep() + " per layer"
                + (r.keepImages() == null ? "" : ", the newest " + r.keepImages() + " tagged images per repository")
                + " and everything in use");
        return lines;
    }
}
