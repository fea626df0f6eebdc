package dev.lambdadeploy.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of the running plugin build, used in incremental-build keys. A SNAPSHOT version alone would let a
 * rebuilt plugin reuse zips made by older code, so SNAPSHOTs get the hash of their own jar appended.
 */
final class PluginIdentity {

    private PluginIdentity() {
    }

    static String of(String version) {
        try {
            return of(version, Path.of(PluginIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
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
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(code), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return v + "+" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return v + "+unknown";
        }
    }
}
