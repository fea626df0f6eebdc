package dev.lambdadeploy.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.publish.History;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.publish.image.ImageRef;
import dev.lambdadeploy.testing.AwsErrors;
import dev.lambdadeploy.testing.FaultProxy;
import dev.lambdadeploy.testing.MotoAws;
import dev.lambdadeploy.testing.MotoServer;
import dev.lambdadeploy.testing.RecordingLog;
import dev.lambdadeploy.testing.WholeSeconds;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.model.ImageDetail;

/**
 * lambda:prune on the ECR repository of image mode, with the real SDK against a real moto_server (ECR + Lambda).
 *
 * <p>In AWS the registry a deploy pushes to and ECR's image list are one store. In tests, images pushed to
 * docker-registry never show up in moto's ECR, so these tests register image manifests in moto's ECR directly with
 * PutImage (moto derives the digest from the layer digests and the size from the config blob's size) and point the
 * functions at those digests, the way lambda:deploy pins them ({@code <repository uri>@sha256:...}), or at tags.
 */
class ImagePruneTest {
    /**
     * Lambda resolves image URIs against moto's ECR, as AWS does: moto then checks the image exists and reports its
     * digest as the function's ResolvedImageUri / CodeSha256. (By default moto hashes the URI string instead, and
     * its published versions report $LATEST's ImageUri; the ResolvedImageUri of each version stays its own.)
     */
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer().withEnvironment("MOTO_LAMBDA_STUB_ECR", "false");

    static final String REGION = "eu-west-1";
    static final String REPO_URI = MotoAws.ecrRepositoryUri(REGION, "orders");

    @RegisterExtension
    final MotoAws moto = MotoAws.eachTest(MOTO, REGION);

    @TempDir
    Path dir;

    final RecordingLog log = new RecordingLog();
    AwsClients aws;
    String role;

    @BeforeEach
    void setUp() {
        aws = moto.clients();
        role = moto.role();
    }

    LifecycleScope scope(URI endpoint, String... functions) {
        return new LifecycleScope(
                dir.resolve("target/lambda"),
                List.of(REGION),
                List.of(functions),
                MotoAws.settings(endpoint),
                "",
                new S3Settings("deploy-{region}", "builds", false, 0, 0),
                "orders-function",
                null);
    }

    PruneResult prune(String repository, int keepImages, boolean delete, String... functions) {
        return new Pruner(log)
                .prune(new PruneRequest(scope(MOTO.endpoint(), functions), 3, delete, null, repository, keepImages));
    }

    /** Registers an image manifest (see the class comment); returns its digest. {@code tag} null: untagged. */
    String putImage(String repository, String name, String tag, long size) throws InterruptedException {
        String layer = "sha256:" + sha256Hex("layer " + repository + " " + name);
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":" + size
                + ",\"digest\":\"sha256:" + sha256Hex("config " + name) + "\"},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":100,\"digest\":\"" + layer + "\"}]}";
        String digest = aws.ecr()
                .putImage(r ->
                        r.repositoryName(repository).imageManifest(manifest).imageTag(tag))
                .image()
                .imageId()
                .imageDigest();
        WholeSeconds.awaitAfterPush(aws.ecr(), repository, digest); // newest-N needs distinct push times
        return digest;
    }

    static String sha256Hex(String s) {
        return dev.lambdadeploy.assemble.Hashes.hex(
                dev.lambdadeploy.assemble.Hashes.sha256().digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    Set<String> digestsIn(String repository) {
        return aws.ecr().describeImagesPaginator(r -> r.repositoryName(repository)).imageDetails().stream()
                .map(ImageDetail::imageDigest)
                .collect(Collectors.toSet());
    }

    static List<String> ids(PruneResult r, PruneAction action) {
        return r.regions().get(0).items().stream()
                .filter(i -> i.action() == action)
                .map(PruneResult.Item::id)
                .toList();
    }

    static PruneResult.Item item(PruneResult r, String id) {
        return r.regions().get(0).items().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError(id + " not in " + r.regions().get(0).items()));
    }

    void createImageFunction(String name, String imageUri) {
        aws.lambda()
                .createFunction(r ->
                        r.functionName(name).role(role).packageType("Image").code(c -> c.imageUri(imageUri)));
    }

    void updateImage(String name, String imageUri) {
        aws.lambda().updateFunctionCode(r -> r.functionName(name).imageUri(imageUri));
    }

    @Test
    void keepsTheNewestAndEveryImageInUseAndDeletesExactlyTheRest() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("orders"));
        String rollbackTarget = putImage("orders", "one", "1.0", 1_000);
        String aliased = putImage("orders", "two", "2.0", 2_000);
        String old = putImage("orders", "three", "3.0", 30_000);
        String untagged = putImage("orders", "untagged", null, 40_000);
        String untaggedInUse = putImage("orders", "untagged-in-use", null, 5_000);
        String newer = putImage("orders", "four", "4.0", 6_000);
        String current = putImage("orders", "five", "5.0", 7_000);
        assertEquals(7, digestsIn("orders").size());

        // published version 1 + alias live at an older image; version 2 at an untagged one; $LATEST at the newest
        createImageFunction("orders", REPO_URI + "@" + aliased);
        String v1 = aws.lambda().publishVersion(r -> r.functionName("orders")).version();
        aws.lambda().createAlias(r -> r.functionName("orders").name("live").functionVersion(v1));
        updateImage("orders", REPO_URI + "@" + untaggedInUse);
        aws.lambda().publishVersion(r -> r.functionName("orders"));
        updateImage("orders", REPO_URI + "@" + current);
        // the rollback target, as lambda:deploy records it
        String arn = aws.lambda()
                .getFunction(r -> r.functionName("orders"))
                .configuration()
                .functionArn();
        aws.lambda()
                .tagResource(r -> r.resource(arn)
                        .tags(Map.of(
                                History.IMAGE_URI,
                                REPO_URI + "@" + current,
                                History.PREVIOUS_IMAGE_URI,
                                REPO_URI + "@" + rollbackTarget)));

        PruneResult plan = prune("orders", 2, false, "orders");

        assertFalse(plan.failed(), () -> plan.regions().get(0).error());
        assertTrue(plan.dryRun());
        assertEquals(7, digestsIn("orders").size(), "a dry run deletes nothing");
        assertEquals(
                Set.of(REPO_URI + "@" + old, REPO_URI + "@" + untagged),
                Set.copyOf(ids(plan, PruneAction.WOULD_DELETE)),
                () -> String.join("\n", Pruner.summary(plan)));
        assertEquals(
                Set.of(
                        REPO_URI + "@" + rollbackTarget,
                        REPO_URI + "@" + aliased,
                        REPO_URI + "@" + untaggedInUse,
                        REPO_URI + "@" + newer,
                        REPO_URI + "@" + current),
                Set.copyOf(ids(plan, PruneAction.KEPT)));
        assertEquals(30_000 + 40_000, plan.bytesFreed());
        assertEquals(2, plan.keepImages());
        assertTrue(
                item(plan, REPO_URI + "@" + rollbackTarget).reason().contains("rollback target of orders"),
                item(plan, REPO_URI + "@" + rollbackTarget)::reason);
        assertTrue(
                item(plan, REPO_URI + "@" + aliased).reason().contains("published version " + v1 + " of orders"),
                item(plan, REPO_URI + "@" + aliased)::reason);
        assertTrue(item(plan, REPO_URI + "@" + current).reason().contains("in use"));
        assertEquals(
                "one of the newest 2 tagged images",
                item(plan, REPO_URI + "@" + newer).reason());
        PruneResult.Item gone = item(plan, REPO_URI + "@" + old);
        assertEquals("image", gone.kind());
        assertEquals(List.of("3.0"), gone.tags());
        assertEquals(30_000, gone.bytes());
        assertEquals("older than the newest 2 tagged images and not in use", gone.reason());
        assertEquals(List.of(), item(plan, REPO_URI + "@" + untagged).tags());
        assertEquals(
                "untagged and not in use", item(plan, REPO_URI + "@" + untagged).reason());
        // prune-result.json lists the images like the layer versions
        assertEquals(
                plan,
                LifecycleJson.read(dir.resolve("target/lambda").resolve(PruneResult.FILE_NAME), PruneResult.class));
        String summary = String.join("\n", Pruner.summary(plan));
        assertTrue(summary.contains("would delete 2 item(s)"), summary);
        assertTrue(summary.contains("tags 3.0"), summary);
        assertTrue(summary.contains("the newest 2 tagged images per repository"), summary);

        PruneResult done = prune("orders", 2, true, "orders");

        assertFalse(done.failed(), () -> done.regions().get(0).error());
        assertEquals(Set.of(rollbackTarget, aliased, untaggedInUse, newer, current), digestsIn("orders"));
        assertEquals(Set.copyOf(ids(plan, PruneAction.WOULD_DELETE)), Set.copyOf(ids(done, PruneAction.DELETED)));
        assertEquals(plan.bytesFreed(), done.bytesFreed());
        assertTrue(log.text().contains("deleted image " + REPO_URI + "@" + old), log::text);

        PruneResult again = prune("orders", 2, true, "orders");
        assertEquals(List.of(), ids(again, PruneAction.DELETED), "nothing left to prune");
    }

    @Test
    void prunesTheRepositoryAnImageFunctionUsesWithoutConfigurationAndProtectsOtherFunctionsImages() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("orders"));
        String usedByBilling = putImage("orders", "billing", "b-1", 1_000);
        String old = putImage("orders", "old", "o-1", 2_000);
        String current = putImage("orders", "current", "o-2", 3_000);
        createImageFunction("orders", REPO_URI + "@" + current);
        // a function outside the configured ones, running an old image by tag
        createImageFunction("billing", REPO_URI + ":b-1");

        PruneResult plan = prune(null, 1, false, "orders");

        assertFalse(plan.failed(), () -> plan.regions().get(0).error());
        assertEquals(List.of(REPO_URI + "@" + old), ids(plan, PruneAction.WOULD_DELETE));
        assertTrue(
                item(plan, REPO_URI + "@" + usedByBilling).reason().contains("function billing"),
                item(plan, REPO_URI + "@" + usedByBilling)::reason);
        assertEquals(1, plan.keepImages());

        PruneResult done = prune(null, 1, true, "orders");

        assertEquals(Set.of(usedByBilling, current), digestsIn("orders"));
        assertEquals(List.of(REPO_URI + "@" + old), ids(done, PruneAction.DELETED));
    }

    @Test
    void aMissingRepositoryIsNamedWhenImageFunctionsAreConfigured() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("orders"));
        String current = putImage("orders", "current", "1.0", 1_000);
        createImageFunction("orders", REPO_URI + "@" + current);

        PruneResult r = prune("ordrs", 1, true, "orders");

        assertTrue(r.failed());
        String error = r.regions().get(0).error();
        assertTrue(
                error.startsWith("ECR repository ordrs does not exist in eu-west-1 (<imageRepository> / "
                        + "-Dlambda.image.repository)"),
                error);
        assertTrue(error.contains("Nothing was deleted from it."), error);
        assertEquals(Set.of(current), digestsIn("orders"));
    }

    @Test
    void aConfiguredRepositoryThatNoDeployCreatedYetIsNoErrorForZipFunctions() throws Exception {
        moto.createFunction("orders");

        PruneResult r = prune("orders", 1, true, "orders");

        assertFalse(r.failed(), () -> r.regions().get(0).error());
        assertTrue(
                r.regions().get(0).items().isEmpty(),
                () -> r.regions().get(0).items().toString());
        assertNull(r.keepImages(), "no images were looked at");
        assertTrue(log.text().contains("ECR repository orders does not exist: no images to prune"), log::text);
    }

    @Test
    void deniedAccessNamesTheRepositoryAndThePermission() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("orders"));
        String old = putImage("orders", "old", "1.0", 1_000);
        String current = putImage("orders", "current", "2.0", 1_000);
        createImageFunction("orders", REPO_URI + "@" + current);
        try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint())) {
            // moto checks no IAM; AWS answers a missing ecr:DescribeImages like this
            proxy.add(AwsErrors.lambda(
                    h -> String.valueOf(h.header("X-Amz-Target")).endsWith(".DescribeImages"),
                    400,
                    "AccessDeniedException",
                    "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
                            + "ecr:DescribeImages on resource: arn:aws:ecr:eu-west-1:123456789012:repository/orders"));

            PruneResult r = new Pruner(log)
                    .prune(new PruneRequest(scope(proxy.uri(), "orders"), 1, true, null, "orders", null));

            assertTrue(r.failed());
            String error = r.regions().get(0).error();
            assertTrue(error.startsWith("ecr:DescribeImages (ECR repository orders in eu-west-1) was denied"), error);
            assertTrue(error.contains("lacks the IAM permission 'ecr:DescribeImages'"), error);
        }
        assertEquals(Set.of(old, current), digestsIn("orders"), "nothing deleted");
    }

    @Test
    void anImageEcrRefusesToDeleteIsReportedAsKeptAndFailsTheRegion() throws Exception {
        aws.ecr().createRepository(r -> r.repositoryName("orders"));
        String old = putImage("orders", "old", "1.0", 1_000);
        String current = putImage("orders", "current", "2.0", 2_000);
        createImageFunction("orders", REPO_URI + "@" + current);
        try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint())) {
            // BatchDeleteImage answers 200 with per-image failures, e.g. for a platform image of a manifest list
            proxy.add(dev.lambdadeploy.testing.Fault.respond(
                    h -> String.valueOf(h.header("X-Amz-Target")).endsWith(".BatchDeleteImage"),
                    200,
                    Map.of("Content-Type", "application/x-amz-json-1.1"),
                    "{\"imageIds\":[],\"failures\":[{\"imageId\":"
                            + "{\"imageDigest\":\"" + old + "\"},\"failureCode\":\"ImageReferencedByManifestList\","
                            + "\"failureReason\":\"Requested image referenced by manifest list\"}]}"));

            PruneResult r =
                    new Pruner(log).prune(new PruneRequest(scope(proxy.uri(), "orders"), 3, true, null, "orders", 1));

            assertTrue(r.failed());
            String error = r.regions().get(0).error();
            assertTrue(
                    error.startsWith("ECR BatchDeleteImage could not delete 1 image(s) from ECR repository orders in "
                            + "eu-west-1: " + old
                            + " (ImageReferencedByManifestList: Requested image referenced by manifest "
                            + "list)"),
                    error);
            PruneResult.Item refused = item(r, REPO_URI + "@" + old);
            assertEquals(PruneAction.KEPT, refused.action());
            assertTrue(refused.reason().startsWith("delete failed: ImageReferencedByManifestList"), refused.reason());
            assertEquals(PruneAction.KEPT, item(r, REPO_URI + "@" + current).action());
            assertEquals(0, r.bytesFreed());
            assertFalse(log.text().contains("deleted image"), log::text);
        }
        assertEquals(Set.of(old, current), digestsIn("orders"));
    }

    @Test
    void imageReferencesParseEcrUrisByDigestAndByTag() {
        ImageRef byDigest = ImageRef.parse(REPO_URI + "@sha256:abc");
        assertEquals(
                new ImageRef(
                        "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
                        "123456789012",
                        REGION,
                        "orders",
                        null,
                        "sha256:abc"),
                byDigest);
        ImageRef byTag = ImageRef.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/orders:1.0");
        assertEquals("team/orders", byTag.repository());
        assertEquals("1.0", byTag.tag());
        assertTrue(byTag.inEcr("123456789012", REGION));
        assertFalse(byTag.inEcr("123456789012", "us-east-1"), "ECR repositories are regional");
        assertFalse(byTag.inEcr("210987654321", REGION), "another account's repository is not ours to prune");
        assertNull(ImageRef.parse("not-a-uri"));
        assertEquals(
                Set.of("orders"),
                ImagePruner.repositoriesOf(
                        java.util.Arrays.asList(REPO_URI + ":1", null, "public.ecr.aws/lambda/java:21"),
                        "123456789012",
                        REGION));

        ImageReferences refs = new ImageReferences();
        refs.add(REPO_URI + ":1.0", "by tag");
        String def = "sha256:def" + "0".repeat(61);
        refs.add(REPO_URI + "@" + def, "by digest");
        assertEquals("by tag", refs.neededBy("orders", "sha256:x", List.of("1.0")));
        assertNull(refs.neededBy("other", "sha256:x", List.of("1.0")), "a tag only protects in its repository");
        assertEquals("by digest", refs.neededBy("other", def, List.of()));
        assertNull(refs.neededBy("orders", "sha256:x", List.of("2.0")));
        // a history tag cut at 256 characters keeps its digest's start: every image that may be it stays
        refs.add(REPO_URI + "@sha256:9876", "rollback target");
        assertTrue(refs.neededBy("orders", "sha256:9876" + "a".repeat(60), List.of())
                .startsWith("rollback target"));
        assertNull(refs.neededBy("orders", "sha256:9875" + "a".repeat(60), List.of()));
    }
}
