package dev.lambdadeploy.publish;

import dev.lambdadeploy.assemble.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * S3's SHA-256 checksums as the plugin computes them locally: a single PUT stores the object's SHA-256 (base64, the
 * same value as Lambda's CodeSha256); a multipart upload stores the SHA-256 of the parts' raw SHA-256s, followed by
 * {@code -<parts>} (a "composite" checksum), which depends on the part size the object was uploaded with.
 */
final class S3Checksums {
    private S3Checksums() {}

    static String sha256Base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(Hashes.sha256().digest(bytes));
    }

    /** The composite checksum of {@code file} uploaded in parts of {@code partSize}, without the parts suffix. */
    static String composite(Path file, long partSize) {
        MessageDigest outer = Hashes.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                byte[] part = in.readNBytes((int) partSize);
                if (part.length == 0) {
                    break;
                }
                outer.update(Hashes.sha256().digest(part));
                if (part.length < partSize) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(outer.digest());
    }

    /**
     * True when S3's checksum of an object ({@code remote}, empty when S3 has none) proves it holds the zip: equal to
     * the full SHA-256, or to the composite one of a multipart upload with this plugin's part size. An object without
     * a checksum (uploaded by an older version, or by someone else) proves nothing.
     */
    static boolean matches(String remote, String fullSha256, Supplier<String> composite) {
        if (remote == null || remote.isEmpty()) {
            return false;
        }
        if (remote.equals(fullSha256)) {
            return true;
        }
        String base = remote.replaceFirst("-\\d+$", "");
        return base.equals(composite.get());
    }
}
