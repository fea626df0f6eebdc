package dev.lambdadeploy.publish;

import dev.lambdadeploy.assemble.Hashes;
import dev.lambdadeploy.aws.AwsCalls;
import dev.lambdadeploy.aws.CodeDownload;
import dev.lambdadeploy.aws.FunctionWaiter;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.publish.image.ImageRef;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * Checks every hand-off to Lambda: the CodeSha256 Lambda reports for what it stored must be the local zip's. Between
 * the upload and Lambda reading the S3 object, anyone who can write to the bucket could have replaced it; Lambda's
 * hash of what it actually read is the only proof. On a mismatch the bad artifact is removed (layer version, function
 * version) or the function's previous code is put back before anything points at it, and the deploy fails naming both
 * hashes.
 */
final class HandOffCheck {
    private final LambdaClient lambda;
    private final String region;
    private final BuildLog log;

    HandOffCheck(LambdaClient lambda, String region, BuildLog log) {
        this.lambda = lambda;
        this.region = region;
        this.log = log;
    }

    /** True when Lambda's hash equals the local one. */
    static boolean same(String local, String reported) {
        return local != null && local.equals(reported);
    }

    static String mismatch(String what, String local, String reported) {
        return what + " does not hold the bytes this build produced: Lambda reports CodeSha256 " + reported
                + ", the local zip has " + local + ". The object was changed between the upload and Lambda reading "
                + "it (someone else can write to the deploy bucket), or the upload was corrupted.";
    }

    /** After PublishLayerVersion, before sharing or using the version: deletes a version with other bytes. */
    void layerVersion(PlannedZip zip, LayerPublisher.PublishedLayer published) {
        String reported = published.codeSha256();
        if (same(zip.codeSha256(), reported)) {
            return;
        }
        String what = "Layer " + zip.awsName() + " version " + published.version() + " in " + region;
        String removed;
        try {
            AwsCalls.run(
                    "lambda:DeleteLayerVersion",
                    what,
                    () -> lambda.deleteLayerVersion(
                            r -> r.layerName(zip.awsName()).versionNumber(published.version())));
            removed = " The version was deleted; no function was changed.";
        } catch (RuntimeException e) {
            removed = " Deleting it failed (" + e.getMessage() + "): delete it yourself with aws lambda "
                    + "delete-layer-version --region " + region + " --layer-name " + zip.awsName()
                    + " --version-number "
                    + published.version() + "; no function was changed.";
        }
        log.warn("[" + region + "] " + mismatch(what, zip.codeSha256(), reported));
        throw new DeployException(mismatch(what, zip.codeSha256(), reported) + removed + FIX);
    }

    /** After CreateFunction: a new function with other bytes is deleted again (it did not exist before). */
    void createdFunction(String name, String localSha, String reportedSha) {
        if (same(localSha, reportedSha)) {
            return;
        }
        throw deleteNew(name, mismatch("The new function " + name + " in " + region, localSha, reportedSha));
    }

    /** Deletes a function this deploy created from the wrong bytes; returns the failure to throw. */
    DeployException deleteNew(String name, String problem) {
        String removed;
        try {
            AwsCalls.run(
                    "lambda:DeleteFunction",
                    "function " + name + " in " + region,
                    () -> lambda.deleteFunction(r -> r.functionName(name)));
            removed = " The function was deleted again.";
        } catch (RuntimeException e) {
            removed = " Deleting it failed (" + e.getMessage() + "): delete it yourself (aws lambda delete-function "
                    + "--region " + region + " --function-name " + name + ").";
        }
        return new DeployException(problem + removed + FIX);
    }

    /** After PublishVersion, before the alias moves: a version with other bytes is deleted. */
    void publishedVersion(String name, String version, String localSha, String reportedSha) {
        if (localSha == null || same(localSha, reportedSha)) {
            return; // image functions: the digest was checked when the code was updated
        }
        String what = "Version " + version + " of " + name + " in " + region;
        try {
            AwsCalls.run(
                    "lambda:DeleteFunction",
                    what,
                    () -> lambda.deleteFunction(r -> r.functionName(name).qualifier(version)));
        } catch (RuntimeException e) {
            log.warn("[" + region + "] could not delete " + what + ": " + e.getMessage());
        }
        throw new DeployException(
                mismatch(what, localSha, reportedSha) + " The version was deleted and no alias " + "was moved." + FIX);
    }

    /**
     * After an image function's code update or creation: the image Lambda keeps for the function must be the pushed
     * digest. The function's own URI is pinned by digest (the plugin never hands over a tag), and a digest names
     * exactly one image, so that URI is the proof; only a tag-only URI falls back to the digest Lambda resolved it
     * to. Returns the failure message, or null when it matches.
     */
    String imageMismatch(String name, String digest) {
        var code = AwsCalls.call(
                        "lambda:GetFunction",
                        "function " + name + " in " + region,
                        () -> lambda.getFunction(r -> r.functionName(name)))
                .code();
        String got = code == null ? null : ImageRef.pinnedDigest(code.imageUri());
        if (got == null && code != null && code.resolvedImageUri() != null) {
            got = ImageRef.pinnedDigest(code.resolvedImageUri());
        }
        if (got == null || got.equals(digest)) {
            return null; // nothing pinned to compare with
        }
        return "Function " + name + " in " + region + " resolved its image to " + got + ", not the pushed " + digest
                + ".";
    }

    /**
     * After UpdateFunctionCode reported other bytes: puts the function's previous code back, from the deploy bucket's
     * content-addressed object of the previous code (its key is the new one's with the previous hash) or from a
     * published version with the previous CodeSha256, and checks Lambda's hash again. Returns the failure to throw.
     */
    DeployException restoreCode(
            String name,
            FunctionConfiguration before,
            S3Location newCode,
            String localSha,
            String reportedSha,
            String architecture,
            FunctionWaiter waiter) {
        String what = "Function " + name + " in " + region;
        String previous = before.codeSha256();
        log.warn("[" + region + "] " + mismatch(what, localSha, reportedSha));
        String how = null;
        if (newCode != null) {
            String key = newCode.key().substring(0, newCode.key().lastIndexOf('/') + 1)
                    + Hashes.hex(Base64.getDecoder().decode(previous)) + ".zip";
            if (tryRestore(
                    name,
                    previous,
                    waiter,
                    () -> lambda.updateFunctionCode(r -> r.functionName(name)
                                    .architecturesWithStrings(architecture)
                                    .s3Bucket(newCode.bucket())
                                    .s3Key(key))
                            .codeSha256())) {
                how = "s3://" + newCode.bucket() + "/" + key;
            }
        }
        if (how == null) {
            String version = versionWith(name, previous);
            if (version != null
                    && tryRestore(
                            name,
                            previous,
                            waiter,
                            () -> lambda.updateFunctionCode(r -> r.functionName(name)
                                            .architecturesWithStrings(architecture)
                                            .zipFile(SdkBytes.fromByteArrayUnsafe(download(name, version))))
                                    .codeSha256())) {
                how = "published version " + version;
            }
        }
        if (how == null) {
            return new DeployException(mismatch(what, localSha, reportedSha) + " Its previous code (CodeSha256 "
                    + previous + ") is kept nowhere the plugin can restore it from, so the function now runs the "
                    + "unverified code: deploy again right away, or run lambda:rollback." + FIX);
        }
        log.warn("[" + region + "] previous code of " + name + " restored from " + how);
        return new DeployException(mismatch(what, localSha, reportedSha) + " Its previous code (CodeSha256 " + previous
                + ") was restored from " + how + "." + FIX);
    }

    private boolean tryRestore(
            String name, String previous, FunctionWaiter waiter, java.util.function.Supplier<String> update) {
        try {
            waiter.withConflictRetry(name, update);
            return previous.equals(waiter.awaitReady(name).codeSha256());
        } catch (RuntimeException e) {
            log.debug("[" + region + "] restoring code of " + name + " this way failed: " + e.getMessage());
            return false;
        }
    }

    private String versionWith(String name, String codeSha256) {
        try {
            List<FunctionConfiguration> versions =
                    lambda.listVersionsByFunctionPaginator(r -> r.functionName(name)).versions().stream()
                            .filter(v -> !"$LATEST".equals(v.version()))
                            .filter(v -> Objects.equals(codeSha256, v.codeSha256()))
                            .toList();
            return versions.isEmpty() ? null : versions.get(versions.size() - 1).version();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The code of a published version, from Lambda's presigned URL (never logged: it grants access). */
    private byte[] download(String name, String version) {
        String location = lambda.getFunction(r -> r.functionName(name).qualifier(version))
                .code()
                .location();
        try {
            return CodeDownload.get(location);
        } catch (IOException e) {
            throw new IllegalStateException("download of version " + version + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final String FIX = " Find out who else can write to the deploy bucket or push to the image "
            + "repository (bucket/repository policies, IAM policies granting s3:PutObject or ecr:PutImage), then "
            + "deploy again; see docs/deploy-trust.md.";
}
