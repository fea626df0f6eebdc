package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.publish.image.ImageRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.model.BatchDeleteImageResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * The image part of {@code lambda:prune} in one region and one ECR repository. Keeps the newest N tagged images and
 * every image an image function of the region still needs ({@link ImageReferences}); untagged images and older
 * tagged ones go with BatchDeleteImage. In AWS the registry the deploy pushes to and ECR's image list are the same
 * store, so DescribeImages sees every pushed image with its digest, tags, push time and size.
 */
final class ImagePruner {
    /** BatchDeleteImage takes at most 100 image ids per call. */
    private static final int DELETE_BATCH = 100;

    private final AwsClients aws;
    private final BuildLog log;
    private final int keep;
    private final boolean delete;
    private final String registryId;

    /** @param registryId the account whose registry is pruned: every ECR call names it */
    ImagePruner(AwsClients aws, BuildLog log, int keep, boolean delete, String registryId) {
        this.aws = aws;
        this.registryId = registryId;
        this.log = log;
        this.keep = keep;
        this.delete = delete;
    }

    /**
     * @param repository  the repository name in this account's registry of the region
     * @param configured  whether it came from {@code <imageRepository>} (else from a function's image URI), for the
     *                    message when it is missing
     * @param mustExist   whether a missing repository is an error; else there is simply nothing to prune (a
     *                    configured repository that no deploy has created yet, all functions being zips)
     */
    List<PruneResult.Item> prune(String repository, boolean configured, boolean mustExist, ImageReferences needed) {
        String region = aws.region();
        String resource = "ECR repository " + repository + " in " + region;
        Repository repo;
        try {
            repo = describe(repository, configured);
        } catch (LifecycleException e) {
            if (mustExist) {
                throw e;
            }
            log.info("[" + region + "] ECR repository " + repository + " does not exist: no images to prune");
            return List.of();
        }
        List<ImageDetail> images = new ArrayList<>(AwsCalls.call(
                "ecr:DescribeImages",
                resource,
                () -> aws
                        .ecr()
                        .describeImagesPaginator(
                                r -> r.repositoryName(repository).registryId(repo.registryId()))
                        .imageDetails()
                        .stream()
                        .toList()));
        images.sort(
                Comparator.comparing((ImageDetail i) -> i.imagePushedAt() == null ? Instant.EPOCH : i.imagePushedAt())
                        .reversed()
                        .thenComparing(ImageDetail::imageDigest));
        // the platform images of a multi-platform index are untagged; deleting them would break the tagged index
        boolean hasIndexes = images.stream().anyMatch(ImagePruner::isIndex);
        List<PruneResult.Item> items = new ArrayList<>();
        List<ImageDetail> doomed = new ArrayList<>();
        List<String> doomedReasons = new ArrayList<>();
        int tagged = 0;
        for (ImageDetail image : images) {
            List<String> tags = image.hasImageTags() ? image.imageTags() : List.of();
            String why = needed.neededBy(repository, image.imageDigest(), tags);
            String reason;
            if (why != null) {
                reason = "in use: " + why;
            } else if (tags.isEmpty()) {
                reason = hasIndexes
                        ? "untagged, but kept: the repository holds multi-platform image indexes whose "
                                + "platform images are untagged"
                        : null;
            } else {
                reason = tagged < keep ? "one of the newest " + keep + " tagged images" : null;
            }
            if (!tags.isEmpty()) {
                tagged++;
            }
            if (reason != null) {
                items.add(item(repo, image, PruneAction.KEPT, reason));
            } else {
                doomed.add(image);
                doomedReasons.add(
                        tags.isEmpty()
                                ? "untagged and not in use"
                                : "older than the newest " + keep + " tagged images and not in use");
            }
        }
        Map<String, String> failed = delete ? delete(repo, doomed) : Map.of();
        for (int i = 0; i < doomed.size(); i++) {
            ImageDetail image = doomed.get(i);
            String failure = failed.get(image.imageDigest());
            items.add(
                    failure != null
                            ? item(repo, image, PruneAction.KEPT, "delete failed: " + failure)
                            : item(repo, image, PruneAction.deleted(delete), doomedReasons.get(i)));
        }
        if (!failed.isEmpty()) {
            // the caller records the items of this repository before the region fails
            throw new ImageDeleteException(
                    items,
                    "ECR BatchDeleteImage could not delete " + failed.size()
                            + " image(s) from " + resource + ": "
                            + failed.entrySet().stream()
                                    .map(e -> e.getKey() + " (" + e.getValue() + ")")
                                    .collect(java.util.stream.Collectors.joining("; "))
                            + ". The AWS identity "
                            + "needs ecr:BatchDeleteImage on the repository; re-run lambda:prune -Dlambda.prune.delete=true.");
        }
        return items;
    }

    /** A delete that failed for some images; {@link #items()} says what happened to each image of the repository. */
    static final class ImageDeleteException extends LifecycleException {
        private final transient List<PruneResult.Item> items;

        ImageDeleteException(List<PruneResult.Item> items, String message) {
            super(message);
            this.items = List.copyOf(items);
        }

        List<PruneResult.Item> items() {
            return items;
        }
    }

    private Repository describe(String repository, boolean configured) {
        String region = aws.region();
        try {
            return aws.ecr()
                    .describeRepositories(r -> r.registryId(registryId).repositoryNames(repository))
                    .repositories()
                    .get(0);
        } catch (RepositoryNotFoundException e) {
            throw new LifecycleException("ECR repository " + repository + " does not exist in " + region + " ("
                    + (configured
                            ? "<imageRepository> / -Dlambda.image.repository"
                            : "an image function of the region points at it")
                    + "). Check the repository name and -Dlambda.region"
                    + (configured
                            ? ", or leave "
                                    + "<imageRepository> out to prune only the repositories the image functions use"
                            : "")
                    + ". Nothing was deleted from it.");
        } catch (SdkException e) {
            throw dev.lambdadeploy.aws.AwsErrorTranslator.toException(
                    e, "ecr:DescribeRepositories", "ECR repository " + repository + " in " + region);
        }
    }

    /**
     * Deletes by digest (all tags of the image go with it). Returns the images ECR could not delete with AWS's
     * failure code and reason; an image already gone counts as deleted.
     */
    private Map<String, String> delete(Repository repo, List<ImageDetail> doomed) {
        String resource = "ECR repository " + repo.repositoryName() + " in " + aws.region();
        Map<String, String> failed = new LinkedHashMap<>();
        for (int from = 0; from < doomed.size(); from += DELETE_BATCH) {
            List<ImageIdentifier> ids = doomed.subList(from, Math.min(doomed.size(), from + DELETE_BATCH)).stream()
                    .map(i -> ImageIdentifier.builder()
                            .imageDigest(i.imageDigest())
                            .build())
                    .toList();
            BatchDeleteImageResponse res = AwsCalls.call(
                    "ecr:BatchDeleteImage",
                    resource,
                    () -> aws.ecr()
                            .batchDeleteImage(r -> r.repositoryName(repo.repositoryName())
                                    .registryId(repo.registryId())
                                    .imageIds(ids)));
            for (ImageFailure f : res.failures()) {
                if (f.failureCode() != ImageFailureCode.IMAGE_NOT_FOUND && f.imageId() != null) {
                    failed.put(f.imageId().imageDigest(), f.failureCodeAsString() + ": " + f.failureReason());
                }
            }
        }
        doomed.stream()
                .filter(i -> !failed.containsKey(i.imageDigest()))
                .forEach(i -> log.info(
                        "[" + aws.region() + "] deleted image " + repo.repositoryUri() + "@" + i.imageDigest()));
        return failed;
    }

    private static boolean isIndex(ImageDetail i) {
        String type = i.imageManifestMediaType() == null
                ? ""
                : i.imageManifestMediaType().toLowerCase(Locale.ROOT);
        return type.contains("manifest.list") || type.contains("image.index");
    }

    private static PruneResult.Item item(Repository repo, ImageDetail image, PruneAction action, String reason) {
        long bytes = image.imageSizeInBytes() == null ? 0 : image.imageSizeInBytes();
        List<String> tags = image.hasImageTags() ? List.copyOf(image.imageTags()) : List.of();
        return new PruneResult.Item(
                "image", repo.repositoryUri() + "@" + image.imageDigest(), bytes, action, reason, tags);
    }

    /** Names of repositories this account has in the region among the image URIs, in order. */
    static Set<String> repositoriesOf(List<String> imageUris, String account, String region) {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (String uri : imageUris) {
            ImageRef ref = ImageRef.parse(uri);
            if (ref != null && ref.inEcr(account, region)) {
                names.add(ref.repository());
            }
        }
        return names;
    }
}
