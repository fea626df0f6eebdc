package dev.lambdadeploy.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supply-chain checks on their own: checksums, the owner message, the TLS policy, the sharing guard. */
class SupplyChainChecksTest {
    @TempDir
    Path dir;

    /** 2,560 bytes 0..255 repeated; the expected values were computed independently with Python's hashlib. */
    Path sample() throws Exception {
        byte[] data = new byte[2560];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        return Files.write(dir.resolve("sample.zip"), data);
    }

    @Test
    void compositeChecksumIsTheSha256OfThePartsSha256s() throws Exception {
        assertEquals("a5iOT7fQtAMxIvlqjEafWvSigKN6c8bOP4J82MkrZec=", S3Checksums.composite(sample(), 1000));
        assertEquals(
                "WUoJYYh3H02qqqWCcZ9NPyqVrZrtxGmitti91Erawo0=",
                S3Checksums.composite(sample(), 1280),
                "a size that is a multiple of the part size makes no empty last part");
        assertEquals(
                "45I3j4SdZ7uxp7vshPEJiuP6p1EEnACahQEwzmBz2Ro=", S3Checksums.sha256Base64(Files.readAllBytes(sample())));
    }

    @Test
    void anObjectMatchesOnlyByItsChecksum() {
        String full = "45I3j4SdZ7uxp7vshPEJiuP6p1EEnACahQEwzmBz2Ro=";
        String composite = "a5iOT7fQtAMxIvlqjEafWvSigKN6c8bOP4J82MkrZec=";
        assertTrue(S3Checksums.matches(full, full, () -> composite));
        assertTrue(S3Checksums.matches(composite + "-3", full, () -> composite), "S3 appends -<parts>");
        assertTrue(S3Checksums.matches(composite, full, () -> composite), "moto does not");
        assertFalse(S3Checksums.matches("", full, () -> composite), "no checksum proves nothing");
        assertFalse(S3Checksums.matches(null, full, () -> composite));
        assertFalse(S3Checksums.matches("AAAA", full, () -> composite));
    }

    @Test
    void handOffMismatchNamesBothHashes() {
        assertTrue(HandOffCheck.same("abc=", "abc="));
        assertFalse(HandOffCheck.same("abc=", "xyz="));
        assertFalse(HandOffCheck.same("abc=", null), "no reported hash is no proof");
        String m = HandOffCheck.mismatch("Layer deps version 2 in eu-west-1", "local=", "remote=");
        assertTrue(m.contains("Lambda reports CodeSha256 remote=") && m.contains("the local zip has local="), m);
    }

    @Test
    void bucketOwnerMessageNamesTheRiskAndTheFix() {
        String m = BucketGuard.message("lambda-deploy-123456789012-eu-west-1", "123456789012", "eu-west-1");
        assertTrue(
                m.contains("owned by account 123456789012")
                        && m.contains("bucket monopoly")
                        && m.contains("<deployBucketOwner>")
                        && m.contains("-Dlambda.deploy.bucket"),
                m);
    }

    @Test
    void tlsOnlyPolicyUsesThePartitionOfTheRegion() {
        assertTrue(BucketHardening.tlsOnlyPolicy("b", "eu-west-1").contains("\"arn:aws:s3:::b/*\""));
        assertTrue(BucketHardening.tlsOnlyPolicy("b", "cn-north-1").contains("\"arn:aws-cn:s3:::b/*\""));
        assertTrue(BucketHardening.tlsOnlyPolicy("b", "us-gov-west-1").contains("\"arn:aws-us-gov:s3:::b\""));
        assertTrue(BucketHardening.tlsOnlyPolicy("b", "eu-west-1")
                .contains("\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}"));
    }

    @Test
    void sharingWithEveryAccountNeedsItsOwnSwitch() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> new LayerSettings("", List.of(), null, List.of("*"), null));
        assertEquals("<layerShareAccounts>", e.element());
        assertTrue(
                e.getMessage().contains("<layerAllowPublic>true</layerAllowPublic>")
                        && e.getMessage().contains("-Dlambda.layers.allowPublic=true"),
                e.getMessage());

        LayerSettings publicLayers = new LayerSettings("", List.of(), null, List.of("*"), null, true);
        assertEquals(1, SharingGuard.describe(publicLayers).size());
        assertTrue(SharingGuard.describe(publicLayers).get(0).startsWith("PUBLIC"));
        LayerSettings org = new LayerSettings("", List.of(), null, List.of("210987654321"), "o-abc123defg");
        assertEquals(
                List.of("new layer versions are shared with every account of organization o-abc123defg "
                        + "(<layerShareOrganization>)"),
                SharingGuard.describe(org));
        assertEquals(List.of(), SharingGuard.describe(LayerSettings.defaults()));
    }

    @Test
    void sharingGranteesMustBeAccountsOrAnOrganization() {
        assertThrows(ConfigException.class, () -> new LayerSettings("", List.of(), null, List.of("12345"), null));
        ConfigException org =
                assertThrows(ConfigException.class, () -> new LayerSettings("", List.of(), null, List.of(), "my-org"));
        assertTrue(org.element().startsWith("<layerShareOrganization>"), org.element());
    }

    @Test
    void theExpectedOwnerIsTheConfiguredAccountElseTheCallers() {
        assertEquals("123456789012", S3Settings.defaults().expectedOwner("123456789012"));
        assertEquals(
                "210987654321",
                new S3Settings(null, null, false, 0, 0, "210987654321", null).expectedOwner("123456789012"));
        ConfigException e =
                assertThrows(ConfigException.class, () -> new S3Settings(null, null, false, 0, 0, "my-account", null));
        assertTrue(e.element().startsWith("<deployBucketOwner>"), e.element());
    }
}
