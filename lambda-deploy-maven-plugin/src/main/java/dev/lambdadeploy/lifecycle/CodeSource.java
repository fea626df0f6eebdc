package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.assemble.Hashes;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.AwsClients;
import dev.lambdadeploy.aws.AwsErrorTranslator;
import dev.lambdadeploy.aws.CodeDownload;
import dev.lambdadeploy.publish.S3Settings;
import dev.lambdadeploy.publish.image.ImageRef;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Where a rollback gets earlier code from without rebuilding: the content-addressed object that an S3-mode deploy
 * left in the deploy bucket ({@code <prefix>/<artifactId>-function/<sha256-hex>.zip}), else the code of a published
 * version with that CodeSha256 (downloaded from Lambda's presigned URL and checked), or for image functions the
 * digest-pinned image URI of the version.
 */
final class CodeSource {
    private final AwsClients aws;
    private final S3Settings s3;
    private final String codeFolder;

    CodeSource(AwsClients aws, S3Settings s3, String codeFolder) {
        this.aws = aws;
        this.s3 = s3;
        this.codeFolder = codeFolder;
    }

    /** How to put the target's code back; empty when it is kept nowhere. */
    Optional<Located> locate(DeployedFunction f, RollbackTarget t) {
        if (f.image()) {
            if (t.imageUri() != null) { // from the history tags, already pinned by digest
                return Optional.of(new Located("image " + t.imageUri(), t.imageUri(), null, null, null));
            }
            var c = AwsCalls.call(
                            "lambda:GetFunction",
                            "version " + t.version() + " of " + f.name(),
                            () -> aws.lambda()
                                    .getFunction(r -> r.functionName(f.name()).qualifier(t.version())))
                    .code();
            // the version's own URI when it is pinned by digest, else the digest Lambda resolved its tag to
            String uri = c == null
                    ? null
                    : ImageRef.pinnedDigest(c.imageUri()) != null ? c.imageUri() : c.resolvedImageUri();
            return Optional.ofNullable(uri).map(u -> new Located("image " + u, u, null, null, null));
        }
        String bucket = s3.bucketFor(aws.region(), f.account());
        String key = s3.key(codeFolder, hex(t.codeSha256()));
        if (exists(bucket, key, s3.expectedOwner(f.account()), t.codeSha256())) {
            return Optional.of(new Located("s3://" + bucket + "/" + key, null, bucket, key, null));
        }
        for (int i = f.versions().size() - 1; i >= 0; i--) {
            DeployedFunction.PublishedVersion v = f.versions().get(i);
            if (t.codeSha256().equals(v.codeSha256())) {
                return Optional.of(new Located("published version " + v.version(), null, null, null, v.version()));
            }
        }
        return Optional.empty();
    }

    /** The UpdateFunctionCode request that restores the code. */
    UpdateFunctionCodeRequest request(DeployedFunction f, RollbackTarget t, Located at) {
        UpdateFunctionCodeRequest.Builder r =
                UpdateFunctionCodeRequest.builder().functionName(f.name());
        if (at.imageUri() != null) {
            return r.imageUri(at.imageUri()).build();
        }
        if (!f.architectures().isEmpty()) {
            r.architecturesWithStrings(f.architectures());
        }
        if (at.bucket() != null) {
            return r.s3Bucket(at.bucket()).s3Key(at.key()).build();
        }
        return r.zipFile(SdkBytes.fromByteArrayUnsafe(download(f, at.version(), t.codeSha256())))
                .build();
    }

    private byte[] download(DeployedFunction f, String version, String codeSha256) {
        String location = AwsCalls.call(
                        "lambda:GetFunction",
                        "version " + version + " of " + f.name(),
                        () -> aws.lambda()
                                .getFunction(r -> r.functionName(f.name()).qualifier(version)))
                .code()
                .location();
        byte[] zip;
        try {
            zip = CodeDownload.get(location);
        } catch (IOException | IllegalArgumentException e) {
            // never print the location: it is a presigned URL
            throw new LifecycleException(
                    "Could not download the code of version " + version + " of " + f.name()
                            + " from Lambda (" + e.getMessage() + "). Re-run the rollback, or deploy through S3 "
                            + "(-Dlambda.deploy.mode=s3) so rollbacks read the code from the deploy bucket.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LifecycleException("interrupted while downloading code", e);
        }
        MessageDigest d = Hashes.sha256();
        String got = Base64.getEncoder().encodeToString(d.digest(zip));
        if (!got.equals(codeSha256)) {
            throw new LifecycleException("The code downloaded for version " + version + " of " + f.name()
                    + " has CodeSha256 " + got + ", not " + codeSha256 + "; nothing was changed. Re-run the rollback.");
        }
        return zip;
    }

    /**
     * True when the object is there, in a bucket of the expected owner, and S3's SHA-256 checksum of it is the
     * target's CodeSha256 (objects uploaded before checksums were recorded have none: Lambda's CodeSha256 after the
     * update is checked instead). An object with other bytes is not used.
     */
    private boolean exists(String bucket, String key, String owner, String codeSha256) {
        try {
            String checksum = aws.s3()
                    .headObject(r ->
                            r.bucket(bucket).key(key).expectedBucketOwner(owner).checksumMode(ChecksumMode.ENABLED))
                    .checksumSHA256();
            return checksum == null || checksum.equals(codeSha256);
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 403 || e.statusCode() == 301) {
                return false; // no bucket, no access or another region: fall back to published versions
            }
            throw AwsErrorTranslator.toException(e, "s3:HeadObject", "s3://" + bucket + "/" + key);
        }
    }

    static String hex(String codeSha256) {
        return Hashes.hex(Base64.getDecoder().decode(codeSha256));
    }

    /** One of: an image URI, an S3 object, or a published version whose code is downloaded. */
    record Located(String description, String imageUri, String bucket, String key, String version) {}
}
