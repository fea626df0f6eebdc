package dev.lambdadeploy.maven;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
            // plugin jar in a fresh JVM took ~45 ms of a ~250 ms no-op; the JDK's CRC-32 is native). Of the jar's
            // central directory when it has one: it holds every entry's name, sizes and CRC-32, so it changes with
            // any entry, and it is a tenth of the jar that carries its shaded libraries (12-20 ms read whole, cold).
            long length = Files.size(code);
            byte[] directory = centralDirectory(code, length);
            CRC32 crc = new CRC32();
            crc.update(directory != null ? directory : Files.readAllBytes(code));
            return v + "+" + hex(crc.getValue(), 8) + hex(length & 0xffff, 4);
        } catch (IOException | RuntimeException e) {
            return v + "+unknown";
        }
    }

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_LENGTH = 22;

    /** The zip's central directory, or {@code null} when the file has none this can find (then the whole file). */
    static byte[] centralDirectory(Path zip, long length) throws IOException {
        if (length < END_LENGTH) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            int tailLength = (int) Math.min(length, END_LENGTH + 0xffffL); // the end record and the longest comment
            ByteBuffer tail = ByteBuffer.allocate(tailLength).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, tail, length - tailLength);
            for (int i = tailLength - END_LENGTH; i >= 0; i--) {
                // the end record whose comment runs exactly to the end of the file, as JarIndex finds it
                if (tail.getInt(i) != END_SIGNATURE
                        || i + END_LENGTH + (tail.getShort(i + 20) & 0xffff) != tailLength) {
                    continue;
                }
                long size = tail.getInt(i + 12) & 0xffffffffL;
                long offset = tail.getInt(i + 16) & 0xffffffffL;
                if (size < 4 || size > Integer.MAX_VALUE || offset + size > length - tailLength + i) {
                    return null; // zip64 or damaged: hash the whole file
                }
                ByteBuffer directory = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, directory, offset);
                return directory.getInt(0) == ENTRY_SIGNATURE ? directory.array() : null;
            }
            return null;
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (ch.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    private static String hex(long value, int digits) {
        String h = Long.toHexString(value);
        return "0".repeat(Math.max(0, digits - h.length())) + h;
    }
}
