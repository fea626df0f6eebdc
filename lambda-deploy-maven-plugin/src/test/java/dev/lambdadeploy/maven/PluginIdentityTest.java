package dev.lambdadeploy.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginIdentityTest {

    @TempDir
    Path dir;

    @Test
    void releaseVersionIsUsedAsIs() throws Exception {
        Path jar = Files.write(dir.resolve("p.jar"), new byte[] {1, 2, 3});
        assertEquals("1.2.0", PluginIdentity.of("1.2.0", jar));
    }

    @Test
    void snapshotJarsWithOtherContentGetOtherIdentities() throws Exception {
        Path a = Files.write(dir.resolve("a.jar"), new byte[] {1, 2, 3});
        Path b = Files.write(dir.resolve("b.jar"), new byte[] {1, 2, 4});
        String ia = PluginIdentity.of("0.1.0-SNAPSHOT", a);
        assertTrue(ia.matches("0\\.1\\.0-SNAPSHOT\\+[0-9a-f]{12}"), ia);
        assertEquals(ia, PluginIdentity.of("0.1.0-SNAPSHOT", a));
        assertNotEquals(ia, PluginIdentity.of("0.1.0-SNAPSHOT", b));
    }

    @Test
    void snapshotFromClassesDirectoryIsMarkedDev() {
        assertEquals("0.1.0-SNAPSHOT+dev", PluginIdentity.of("0.1.0-SNAPSHOT", dir));
    }
}
