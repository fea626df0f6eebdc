package dev.lambdadeploy.assemble;

import dev.lambdadeploy.manifest.ManifestBinary;
import dev.lambdadeploy.manifest.PackageManifest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The content of the manifest this plugin last wrote to {@code lambda-package.json} ({@link ManifestBinary#content})
 * and its key, kept in {@code target/lambda/work/lambda-package.bin} with the JSON file's {@link FileStamp} taken when
 * it was published. While the JSON file still has that stamp it holds exactly this package, so the next {@code
 * lambda:package} takes the previous manifest from here instead of parsing JSON, and when nothing changed it leaves
 * the JSON file alone. Anything else (no copy, another format, a JSON file edited or replaced since) falls back to
 * reading and writing the JSON, as before.
 */
final class ManifestSnapshot {
    static final String FILE_NAME = "lambda-package.bin";
    private static final int MAGIC = 0x4c504b53; // "LPKS"

    /**
     * The last package: {@code manifest} with every zip marked reused (which zips that run built is not kept), its
     * {@link ManifestBinary#content} bytes and their key.
     */
    record Previous(PackageManifest manifest, byte[] content, String contentKey) {
        /**
         * Whether {@code other} is this package (whichever zips its run reused). A no-op run builds its manifest from
         * this one's very records (the reused zips, their jars), so those are compared by identity and only the rest by
         * content; anything else is compared as {@link ManifestBinary#content} bytes.
         */
        boolean sameContent(PackageManifest other) {
            if (sameRecords(manifest.layers(), other.layers())
                    && sameRecords(manifest.jars(), other.jars())
                    && sameRecords(
                            manifest.function() == null ? List.of() : List.of(manifest.function()),
                            other.function() == null ? List.of() : List.of(other.function()))
                    && Arrays.equals(ManifestBinary.content(header(manifest)), ManifestBinary.content(header(other)))) {
                return true;
            }
            return Arrays.equals(content, ManifestBinary.content(other));
        }

        @SuppressWarnings("ReferenceEquality")
        private static boolean sameRecords(List<?> a, List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Everything of a manifest but its zips and jars. */
        private static PackageManifest header(PackageManifest m) {
            return m.withContents(null, List.of(), List.of());
        }
    }

    private ManifestSnapshot() {}

    /** The package in {@code json}, if {@code snapshot} holds a copy of it that the JSON file's stamp still vouches for. */
    static Optional<Previous> read(Path snapshot, Path json, long now) {
        if (!Files.isRegularFile(snapshot) || !Files.isRegularFile(json)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(snapshot);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != MAGIC) {
                return Optional.empty();
            }
            FileStamp written = FileStamp.readFrom(in);
            if (!written.settled() || !written.sameAs(FileStamp.of(json, now))) {
                return Optional.empty();
            }
            String contentKey = ManifestBinary.readString(in);
            byte[] content = Arrays.copyOfRange(bytes, bytes.length - in.available(), bytes.length);
            return Optional.of(
                    new Previous(ManifestBinary.read(new ByteArrayInputStream(content)), content, contentKey));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // only a shortcut: the JSON file is read instead
        }
    }

    /** Remembers {@code content} (and its key) as the package in the JSON file that now has {@code jsonStamp}. */
    static void write(Path snapshot, FileStamp jsonStamp, byte[] content, String contentKey) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            jsonStamp.writeTo(out);
            ManifestBinary.writeString(out, contentKey);
            out.write(content);
        }
        Files.createDirectories(snapshot.toAbsolutePath().getParent());
        Files.write(snapshot, bytes.toByteArray());
    }
}
