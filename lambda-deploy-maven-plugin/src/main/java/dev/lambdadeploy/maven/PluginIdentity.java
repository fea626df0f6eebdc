package dev.lambdadeploy.maven;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The identity of the running plugin build, used in incremental-build keys. A SNAPSHOT version alone would let a
 * rebuilt plugin reuse zips made by older code, so SNAPSHOTs get the hash of their own jar appended.
 */
final class PluginIdentity {

    private PluginIdentity() {}

    static String of(String version) {
        try {
            return of(
                    version,
                    Path.of(PluginIdentity.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return of(version, null);
        }
    }

    static String of(String version, Path code) {
        String v = version == null ? "unknown" : version;
        if (!v.endsWith("-SNAPSHOT")) {
            return v;
        }
        try {
            if (code == null) {
                return v + "+unknown";
            }
            if (!Files.isRegularFile(code)) {
                return v + "+dev"; // running from a classes directory (tests): no stable identity to hash
            }
            // A checksum, not a digest: this only tells plugin builds apart, and runs on every build (SHA-256 of the
            // plugin jar in a fresh JVM took ~45 ms of a ~250 ms no-op; the JDK's CRC-32 is native).
            byte[] jar = Files.readAllBytes(code);
            CRC32 crc = new CRC32();
            crc.update(jar);
            return v + "+" + String.format("%08x%04x", crc.getValue(), jar.length & 0xffff);
        } catch (IOException | RuntimeException e) {
            return v + "+unknown";
        }
    }
}
