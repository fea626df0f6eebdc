package dev.lambdadeploy.assemble;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 helpers; {@link #codeSha256} is the form Lambda reports for zips and layers. */
public final class Hashes {
    private Hashes() {}

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static byte[] sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return md.digest();
    }

    /** Base64 of the raw SHA-256, exactly as Lambda's {@code CodeSha256}. */
    public static String codeSha256(Path file) throws IOException {
        return Base64.getEncoder().encodeToString(sha256(file));
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static String hex(String text) {
        return hex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Content hash of a file, or of a directory tree (relative paths and contents, in sorted order), so the same inputs
     * hash the same in any checkout folder.
     */
    public static String contentHash(Path path) {
        try {
            if (!Files.isDirectory(path)) {
                return hex(sha256(path));
            }
            MessageDigest md = sha256();
            for (Path f : FileTrees.regularFiles(path)) {
                md.update(path.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(sha256(f));
            }
            return hex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
