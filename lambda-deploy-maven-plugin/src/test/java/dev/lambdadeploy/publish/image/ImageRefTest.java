package dev.lambdadeploy.publish.image;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The digest and pinning side of {@link ImageRef} that status and rollback use (parse is in ImagePruneTest). */
class ImageRefTest {
    static final String REPO = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders";
    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
    static final String OTHER = "sha256:" + "fedcba9876543210".repeat(4);

    @Test
    void pinnedDigestIsAWholeSha256AfterTheLastAt() {
        assertEquals(DIGEST, ImageRef.pinnedDigest(REPO + "@" + DIGEST));
        assertEquals(DIGEST, ImageRef.pinnedDigest(REPO + "@" + OTHER + "@" + DIGEST), "moto's ResolvedImageUri");
        assertNull(ImageRef.pinnedDigest(REPO + ":1.0"));
        assertNull(ImageRef.pinnedDigest(REPO + "@sha256:abc"), "a digest cut short is no pin");
        assertNull(ImageRef.pinnedDigest(null));
    }

    @Test
    void pinnedReplacesTheTagByTheDigestAndKeepsAPin() {
        assertEquals(REPO + "@" + DIGEST, ImageRef.pinned(REPO + ":1.0", DIGEST));
        assertEquals(REPO + "@" + DIGEST, ImageRef.pinned(REPO, DIGEST));
        assertEquals(
                "127.0.0.1:5000/orders@" + DIGEST,
                ImageRef.pinned("127.0.0.1:5000/orders", DIGEST),
                "a registry port is no tag");
        assertEquals(REPO + "@" + OTHER, ImageRef.pinned(REPO + "@" + OTHER, DIGEST), "already pinned");
        assertEquals(REPO + ":1.0", ImageRef.pinned(REPO + ":1.0", null));
        assertNull(ImageRef.pinned(null, DIGEST));
    }

    @Test
    void anEcrHostInEveryPartitionNamesItsAccountAndRegion() {
        for (String region : new String[] {"cn-north-1", "cn-northwest-1", "us-gov-west-1", "eu-west-1"}) {
            // China's registries are under amazonaws.com.cn: prune must still see them as this account's
            String host = "123456789012.dkr.ecr." + region + "." + dev.lambdadeploy.aws.Partitions.dnsSuffix(region);
            ImageRef ref = ImageRef.parse(host + "/orders:1.0@" + DIGEST);
            assertEquals(host, ref.host());
            assertEquals("123456789012", ref.account(), host);
            assertEquals(region, ref.region(), host);
            assertEquals("orders", ref.repository());
            assertEquals("1.0", ref.tag());
            assertEquals(DIGEST, ref.digest());
        }
    }
}
