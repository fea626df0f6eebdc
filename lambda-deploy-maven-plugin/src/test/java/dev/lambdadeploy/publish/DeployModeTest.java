package dev.lambdadeploy.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdadeploy.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The one rule for when a deploy ships an image, which lambda:package and lambda:deploy both follow. */
class DeployModeTest {
    static final long LIMIT = 262_144_000L;

    @Test
    void autoMeansAnImageOnlyOverTheUnzippedLimitAndWithARepository() {
        assertTrue(DeployMode.AUTO.deploysImage(LIMIT + 1, true));
        assertFalse(DeployMode.AUTO.deploysImage(LIMIT, true), "at the limit a zip still fits");
        assertFalse(DeployMode.AUTO.deploysImage(LIMIT + 1, false), "no repository: a zip, which fails on the limit");
    }

    @Test
    void imageModeAlwaysAndZipModesNever() {
        assertTrue(DeployMode.IMAGE.deploysImage(1, false));
        assertFalse(DeployMode.DIRECT.deploysImage(LIMIT + 1, true));
        assertFalse(DeployMode.S3.deploysImage(LIMIT + 1, true));
    }

    @Test
    void parsesTheDocumentedValues() {
        assertEquals(DeployMode.AUTO, DeployMode.parse(null, "<deployMode>"));
        assertEquals(DeployMode.AUTO, DeployMode.parse(" Auto ", "<deployMode>"));
        assertEquals(DeployMode.S3, DeployMode.parse("s3", "<deployMode>"));
        ConfigException e = assertThrows(ConfigException.class, () -> DeployMode.parse("zip", "<deployMode>"));
        assertTrue(e.getMessage().contains("unknown deploy mode 'zip'"), e.getMessage());
    }
}
