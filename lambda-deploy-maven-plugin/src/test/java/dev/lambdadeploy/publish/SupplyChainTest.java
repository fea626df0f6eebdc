package dev.lambdadeploy.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.aws.RetryStrategyMode;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.testing.AwsErrors;
import dev.lambdadeploy.testing.Fault;
import dev.lambdadeploy.testing.MotoAws;
import dev.lambdadeploy.testing.RequestHead;
import dev.lambdadeploy.testing.Requests;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;

/**
 * The deploy's supply chain with real SDK clients through a recording proxy to a real moto_server: every request on
 * the deploy bucket names the expected owner, a bucket of another account is refused, an S3 object swapped between
 * upload and Lambda reading it is caught (the bad layer version deleted, the previous code put back), an object
 * planted under a content-addressed key is uploaded again, and a created bucket is hardened. What AWS holds is read
 * from moto directly, not through the proxy.
 */
class SupplyChainTest extends DeployThroughProxy {
    static final String BUCKET = "artifacts-x7k2-eu-west-1";

    DeployRequest.Builder request(S3Settings s3) {
        return request(s3, "orders");
    }

    DeployRequest.Builder request(S3Settings s3, String function) {
        return moto.deployRequest(pkg.dir(), function)
                .mode(DeployMode.S3)
                .s3(s3)
                .aws(new AwsSettings(null, proxy.uri(), RetryStrategyMode.STANDARD, Duration.ofSeconds(20)));
    }

    DeployRequest.Builder request() {
        return request(new S3Settings(BUCKET, "builds", true, 0, 0));
    }

    List<Long> layerVersions() {
        return aws.lambda().listLayerVersions(r -> r.layerName("deps")).layerVersions().stream()
                .map(v -> v.version())
                .sorted()
                .toList();
    }

    String key(String folder) {
        return aws.s3().listObjectsV2(l -> l.bucket(BUCKET).prefix("builds/" + folder + "/")).contents().stream()
                .map(S3Object::key)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no object in " + folder));
    }

    void overwrite(String key, String content) {
        aws.s3().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(content));
    }

    String objectOwnership() {
        return aws.s3()
                .getBucketOwnershipControls(r -> r.bucket(BUCKET))
                .ownershipControls()
                .rules()
                .get(0)
                .objectOwnershipAsString();
    }

    ServerSideEncryptionByDefault defaultEncryption() {
        return aws.s3()
                .getBucketEncryption(r -> r.bucket(BUCKET))
                .serverSideEncryptionConfiguration()
                .rules()
                .get(0)
                .applyServerSideEncryptionByDefault();
    }

    /** The S3 requests on the deploy bucket (path-style), CreateBucket aside: S3 has no owner check for it. */
    List<RequestHead> bucketRequests() {
        return proxy.requests().stream()
                .filter(h -> h.path().equals("/" + BUCKET) || h.path().startsWith("/" + BUCKET + "/"))
                .filter(h -> !(h.method().equals("PUT")
                        && h.path().equals("/" + BUCKET)
                        && h.query().isEmpty()))
                .toList();
    }

    @Test
    void everyRequestOnTheBucketNamesTheCallersAccountAsOwner() {
        DeployResult r = deploy(request());

        assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        List<RequestHead> requests = bucketRequests();
        assertTrue(requests.size() >= 8, "head, hardening (4), head + put per zip: " + describe(requests));
        for (RequestHead h : requests) {
            assertEquals(MotoAws.ACCOUNT, h.header("x-amz-expected-bucket-owner"), h.method() + " " + h.target());
        }
    }

    @Test
    void aConfiguredOwnerIsTheOneNamed() {
        DeployResult r = deploy(request(new S3Settings(BUCKET, "builds", true, 0, 0, "210987654321", null)));

        assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        assertFalse(bucketRequests().isEmpty());
        bucketRequests()
                .forEach(h -> assertEquals(
                        "210987654321", h.header("x-amz-expected-bucket-owner"), h.method() + " " + h.target()));
    }

    @Test
    void aBucketOwnedByAnotherAccountIsRefusedBeforeAnyUpload() {
        aws.s3().createBucket(b -> b.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(REGION)));
        proxy.add(AwsErrors.s3BucketOwnedBy(BUCKET, "666666666666"));
        String codeBefore = codeSha256();

        DeployResult r = deploy(request());

        String error = r.regions().get(0).firstError();
        assertNotNull(error, "a bucket of another account must fail the deploy");
        assertTrue(
                error.contains("bucket monopoly")
                        && error.contains("owned by account " + MotoAws.ACCOUNT)
                        && error.contains("<deployBucketOwner>")
                        && error.contains("-Dlambda.deploy.bucket"),
                error);
        assertTrue(proxy.seen().stream().anyMatch(s -> s.outcome().equals("injected 403")), "the proxy refused");
        assertTrue(proxy.requests().stream().noneMatch(h -> Requests.s3Upload().test(h)), "nothing was uploaded");
        assertEquals(List.of(), layerVersions());
        assertEquals(codeBefore, codeSha256());
    }

    @Test
    void aCreatedBucketIsHardened() {
        assertFalse(deploy(request()).failed());

        var pab = aws.s3().getPublicAccessBlock(r -> r.bucket(BUCKET)).publicAccessBlockConfiguration();
        assertTrue(
                pab.blockPublicAcls()
                        && pab.ignorePublicAcls()
                        && pab.blockPublicPolicy()
                        && pab.restrictPublicBuckets(),
                pab::toString);
        assertEquals("BucketOwnerEnforced", objectOwnership());
        assertEquals("AES256", defaultEncryption().sseAlgorithmAsString());
        // the deploy talks plain HTTP to moto: a TLS-only policy would lock it out of its own bucket, so it says so
        assertTrue(
                log.text().contains("no TLS-only bucket policy, because this deploy talks to S3 over plain HTTP"),
                log::text);
    }

    @Test
    void theTlsOnlyPolicyDeniesRequestsWithoutTls() {
        aws.s3().createBucket(b -> b.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(REGION)));

        new BucketHardening(aws.s3(), MotoAws.ACCOUNT, null, true, log).apply(BUCKET, REGION);

        String policy = aws.s3().getBucketPolicy(r -> r.bucket(BUCKET)).policy();
        assertTrue(
                policy.contains("\"Bool\":{\"aws:SecureTransport\":\"false\"}")
                        && policy.contains("\"Deny\"")
                        && policy.contains("\"arn:aws:s3:::" + BUCKET + "\",\"arn:aws:s3:::" + BUCKET + "/*\""),
                policy);
        assertTrue(log.text().contains("TLS-only policy"), log::text);
        assertEquals("BucketOwnerEnforced", objectOwnership());
    }

    @Test
    void aConfiguredKmsKeyIsTheBucketsDefaultEncryption() {
        String key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assertFalse(deploy(request(new S3Settings(BUCKET, "builds", true, 0, 0, null, key)))
                .failed());

        ServerSideEncryptionByDefault d = defaultEncryption();
        assertEquals("aws:kms", d.sseAlgorithmAsString());
        assertEquals(key, d.kmsMasterKeyID());
    }

    @Test
    void uploadsCarryTheZipsSha256AsS3Checksum() throws Exception {
        assertFalse(deploy(request()).failed());

        PackageManifest m = manifest();
        assertEquals(
                m.layers().get(0).codeSha256(),
                aws.s3()
                        .headObject(r -> r.bucket(BUCKET).key(key("deps")).checksumMode(ChecksumMode.ENABLED))
                        .checksumSHA256());
    }

    @Test
    void aLayerObjectSwappedBeforePublicationIsCaughtAndTheVersionDeleted() throws Exception {
        assertFalse(deploy(request()).failed());
        String codeBefore = codeSha256();
        pkg.layer("deps", "jackson v2").write();
        String local = manifest().layers().get(0).codeSha256();
        // the race: between our upload and Lambda reading it, someone else writes the object
        proxy.add(Fault.before(Requests.publishLayerVersion(), () -> overwrite(key("deps"), "evil layer"))
                .times(1));

        DeployResult r = deploy(request());

        String error = r.regions().get(0).firstError();
        assertNotNull(error, "a swapped layer must fail the deploy");
        assertTrue(error.contains(local) && error.contains("Lambda reports CodeSha256 "), error);
        assertTrue(error.contains("version was deleted"), error);
        assertTrue(proxy.seen().stream().anyMatch(s -> s.outcome().equals("held for an action")));
        assertEquals(List.of(1L), layerVersions(), "the version with the other bytes is gone");
        assertEquals(List.of(arn(1)), layers(), "the function keeps its layer");
        assertEquals(codeBefore, codeSha256(), "and its code");
    }

    @Test
    void functionCodeSwappedBeforeTheUpdateIsCaughtAndThePreviousCodeAndLayersPutBack() throws Exception {
        assertFalse(deploy(request()).failed());
        String codeBefore = codeSha256();
        pkg.layer("deps", "jackson v2").function("handler v2").write();
        String local = manifest().function().codeSha256();
        proxy.add(Fault.before(
                        Requests.updateFunctionCode(), () -> overwrite(newest("demo-function", local), "evil code"))
                .times(1));

        DeployResult r = deploy(request());

        String error = r.regions().get(0).firstError();
        assertNotNull(error, "swapped code must fail the deploy");
        assertTrue(error.contains(local) && error.contains("Lambda reports CodeSha256 "), error);
        assertTrue(error.contains("previous code (CodeSha256 " + codeBefore + ") was restored from s3://"), error);
        assertTrue(error.contains("previous configuration (layers) was restored"), error);
        assertEquals(codeBefore, codeSha256(), "the function runs its previous code");
        assertEquals(List.of(arn(1)), layers(), "with its previous layers");

        proxy.clear();
        DeployResult again = deploy(request());
        assertFalse(again.failed(), () -> again.regions().get(0).firstError());
        assertEquals(local, codeSha256(), "a re-run uploads the real zip again and converges");
    }

    /** The content-addressed key of the zip with {@code codeSha256} in {@code folder}. */
    String newest(String folder, String codeSha256) {
        return "builds/" + folder + "/" + CodeHex.of(codeSha256) + ".zip";
    }

    @Test
    void aNewFunctionCreatedFromASwappedObjectIsDeletedAgain() throws Exception {
        String local = manifest().function().codeSha256();
        proxy.add(Fault.before(
                        Requests.of("POST", "/2015-03-31/functions"),
                        () -> overwrite(newest("demo-function", local), "evil code"))
                .times(1));

        // only the new function: "orders" (set up by every test) would read the same swapped object
        DeployResult r = deploy(request(new S3Settings(BUCKET, "builds", true, 0, 0), "fresh")
                .function(FunctionSettings.builder()
                        .handler("com.example.Handler::handleRequest")
                        .environment(java.util.Map.of())
                        .role(MOTO.createRole("lambda-exec-2"))
                        .build()));

        String error = r.regions().get(0).firstError();
        assertNotNull(error, "a function created from other bytes must fail the deploy");
        assertTrue(error.contains(local) && error.contains("The function was deleted again"), error);
        assertTrue(
                aws.lambda().listFunctions().functions().stream()
                        .noneMatch(f -> f.functionName().equals("fresh")),
                "the function is gone");
    }

    @Test
    void anObjectPlantedUnderTheContentAddressedKeyIsUploadedAgain() throws Exception {
        PackageManifest m = manifest();
        aws.s3().createBucket(b -> b.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(REGION)));
        String layerKey = newest("deps", m.layers().get(0).codeSha256());
        String codeKey = newest("demo-function", m.function().codeSha256());
        // one without any checksum, one with a valid checksum of other bytes
        overwrite(layerKey, "planted layer");
        aws.s3()
                .putObject(
                        r -> r.bucket(BUCKET).key(codeKey).checksumAlgorithm(ChecksumAlgorithm.SHA256),
                        RequestBody.fromString("planted code"));

        DeployResult r = deploy(request());

        assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        assertEquals(
                2,
                log.lines().stream()
                        .filter(w -> w.startsWith("WARN") && w.contains("holds other bytes"))
                        .count(),
                log::text);
        assertEquals(
                m.layers().get(0).codeSha256(),
                aws.lambda()
                        .getLayerVersion(v -> v.layerName("deps").versionNumber(1L))
                        .content()
                        .codeSha256());
        assertEquals(m.function().codeSha256(), codeSha256());
        assertEquals(
                m.function().codeSha256(),
                aws.s3()
                        .headObject(h -> h.bucket(BUCKET).key(codeKey).checksumMode(ChecksumMode.ENABLED))
                        .checksumSHA256());
    }

    @Test
    void aMultipartUploadIsReusedByItsCompositeChecksum() throws Exception {
        byte[] big = new byte[6 * 1024 * 1024];
        new java.util.Random(19).nextBytes(big);
        pkg.layer("deps", big).write();
        S3Settings parts = new S3Settings(BUCKET, "builds", true, 5L * 1024 * 1024, 5L * 1024 * 1024);
        assertFalse(deploy(request(parts)).failed());
        assertTrue(
                aws.s3()
                                .headObject(
                                        r -> r.bucket(BUCKET).key(key("deps")).checksumMode(ChecksumMode.ENABLED))
                                .checksumSHA256()
                        != null,
                "multipart uploads carry checksums too");
        // the layer version is gone (e.g. pruned), its upload is still there: publishing again needs no upload
        aws.lambda().deleteLayerVersion(r -> r.layerName("deps").versionNumber(1L));
        log.lines().clear();

        DeployResult r = deploy(request(parts));

        assertFalse(r.failed(), () -> r.regions().get(0).firstError());
        LayerResult layer = r.regions().get(0).layers().get(0);
        assertEquals(DeployAction.PUBLISHED, layer.action());
        assertEquals(0, layer.bytesUploaded(), log::text);
        assertTrue(log.text().contains("already uploaded (SHA-256 checksum matches)"), log::text);
    }

    @Test
    void anImageFunctionMustKeepThePushedDigest() {
        String pushed = "sha256:" + "a".repeat(64);
        String uri = MotoAws.ecrRepositoryUri(REGION, "orders") + "@" + pushed;
        aws.lambda()
                .createFunction(r -> r.functionName("img")
                        .role(aws.lambda()
                                .getFunction(g -> g.functionName("orders"))
                                .configuration()
                                .role())
                        .packageType("Image")
                        .code(c -> c.imageUri(uri)));
        HandOffCheck check = new HandOffCheck(aws.lambda(), REGION, log);

        assertEquals(null, check.imageMismatch("img", pushed));
        String other = "sha256:" + "b".repeat(64);
        String wrong = check.imageMismatch("img", other);
        assertTrue(
                wrong != null && wrong.contains("resolved its image to " + pushed + ", not the pushed " + other),
                wrong);
    }

    static String describe(List<RequestHead> requests) {
        return requests.stream()
                .map(h -> h.method() + " " + h.target())
                .toList()
                .toString();
    }

    /** Hex of a base64 CodeSha256, as in the content-addressed keys. */
    static final class CodeHex {
        static String of(String codeSha256) {
            return dev.lambdadeploy.assemble.Hashes.hex(
                    java.util.Base64.getDecoder().decode(codeSha256));
        }
    }
}
