package dev.lambdadeploy.lifecycle;

import static org.junit.jupiter.api.Assertions.*;

import dev.lambdadeploy.publish.ImageBuildRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison of an image function with the local image build, case by case (no servers needed). */
class LocalImageBuildTest {
    private static final String REPO = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders";
    private static final String A = "sha256:" + "a".repeat(64);
    private static final String B = "sha256:" + "b".repeat(64);

    private static DeployedFunction running(String imageUri, String digest) {
        return new DeployedFunction(
                "orders",
                "arn:aws:lambda:eu-west-1:123456789012:function:orders",
                "eu-west-1",
                "123456789012",
                "Image",
                null,
                0,
                imageUri,
                digest,
                List.of("x86_64"),
                "Active",
                "Successful",
                null,
                null,
                List.of(),
                null,
                null,
                null);
    }

    private static LocalImageBuild built(String digest, String recordKey, String packageKey) {
        return new LocalImageBuild(
                new ImageBuildRecord(
                        1,
                        "2026-01-01T00:00:00Z",
                        "p",
                        "x86_64",
                        "t",
                        "base",
                        null,
                        recordKey,
                        List.of(),
                        List.of(new ImageBuildRecord.Image("us-east-1", REPO + "@" + digest, digest))),
                packageKey,
                null);
    }

    @Test
    void anotherImageAndAChangedPackageAreBothDrift() {
        List<String> drift = new ArrayList<>();
        StatusResult.LocalImage i = built(B, "k1", "k2").compare(running(REPO + "@" + A, A), drift);
        assertEquals("differs", i.status());
        assertEquals(B, i.digest(), "another region's record: the same inputs give the same digest");
        assertEquals(true, i.packageChanged());
        assertEquals(
                List.of(
                        "image: deployed " + A + ", local build " + B,
                        "image: local build would be a new image: the local package changed since " + B
                                + " was built (lambda:deploy would build, push and deploy it)"),
                drift);
    }

    @Test
    void withoutARecordOrADeployedDigestItIsUnknownNotDrift() {
        List<String> drift = new ArrayList<>();
        LocalImageBuild none = new LocalImageBuild(null, "k1", "no local image build recorded (...)");
        assertEquals("unknown", none.compare(running(REPO + "@" + A, A), drift).status());
        StatusResult.LocalImage noDigest = built(A, "k1", "k1").compare(running(REPO + ":1.0", null), drift);
        assertEquals("unknown", noDigest.status());
        assertEquals("Lambda reports no digest for the deployed image " + REPO + ":1.0", noDigest.note());
        assertEquals(List.of(), drift);
    }
}
