package dev.lambdadeploy.manifest;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@link PackageManifest} as compact binary, every component in record order: the no-op {@code lambda:package}'s copy
 * of the last manifest and the key of all of a manifest's content. Not a second public format ({@code
 * lambda-package.json} is that, written with Jackson): it exists because in a fresh Maven JVM loading and setting up
 * Jackson's streaming classes and parsing the JSON took about 70 ms of a 180 ms no-op build, while this reads with JDK
 * classes a build has already loaded. Version it with {@link #FORMAT} whenever a record changes.
 */
public final class ManifestBinary {
    /** Bump when any manifest record gains, loses or reorders a component: an older copy is then not read. */
    public static final int FORMAT = 1;

    private static final int MAGIC = 0x4c504b4d; // "LPKM"

    private ManifestBinary() {}

    /** The binary form of {@code manifest}; equal manifests give equal bytes. */
    public static byte[] toBytes(PackageManifest manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 15);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(manifest, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a byte array
        }
        return bytes.toByteArray();
    }

    /**
     * The content of a package ({@link PackageManifest#withAllZipsReused}) in binary: two manifests of the same
     * package, however each run got its zips, give the same bytes.
     */
    public static byte[] content(PackageManifest manifest) {
        return toBytes(manifest.withAllZipsReused());
    }

    /** A key of {@link #content} bytes (hex SHA-256), for caches that depend on all of a package's content. */
    public static String contentKey(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static void write(PackageManifest m, DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(m.schemaVersion());
        writeString(out, m.pluginVersion());
        out.writeBoolean(m.project() != null);
        if (m.project() != null) {
            writeString(out, m.project().groupId());
            writeString(out, m.project().artifactId());
            writeString(out, m.project().version());
        }
        writeString(out, m.architecture());
        writeString(out, m.outputTimestamp());
        writeString(out, m.settingsKey());
        out.writeBoolean(m.function() != null);
        if (m.function() != null) {
            zip(out, m.function());
        }
        out.writeInt(m.layers().size());
        for (ZipRecord z : m.layers()) {
            zip(out, z);
        }
        out.writeInt(m.jars().size());
        for (JarRecord j : m.jars()) {
            jar(out, j);
        }
    }

    /** Reads what {@link #write} wrote; an {@link IOException} for anything else (other format, truncated). */
    public static PackageManifest read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a package manifest of format " + FORMAT);
        }
        int schemaVersion = in.readInt();
        String pluginVersion = readString(in);
        ProjectInfo project = in.readBoolean() ? new ProjectInfo(readString(in), readString(in), readString(in)) : null;
        String architecture = readString(in);
        String outputTimestamp = readString(in);
        String settingsKey = readString(in);
        ZipRecord function = in.readBoolean() ? zip(in) : null;
        int layerCount = count(in);
        List<ZipRecord> layers = new ArrayList<>(layerCount);
        for (int i = 0; i < layerCount; i++) {
            layers.add(zip(in));
        }
        int jarCount = count(in);
        List<JarRecord> jars = new ArrayList<>(jarCount);
        for (int i = 0; i < jarCount; i++) {
            jars.add(jar(in));
        }
        if (in.read() != -1) {
            throw new IOException("trailing bytes after the package manifest");
        }
        return new PackageManifest(
                schemaVersion,
                pluginVersion,
                project,
                architecture,
                outputTimestamp,
                settingsKey,
                function,
                layers,
                jars);
    }

    private static void zip(DataOutput out, ZipRecord z) throws IOException {
        writeString(out, z.name());
        writeString(out, z.path());
        out.writeLong(z.zippedBytes());
        out.writeLong(z.unzippedBytes());
        writeString(out, z.codeSha256());
        out.writeInt(z.entryCount());
        out.writeInt(z.storedEntries());
        out.writeInt(z.deflatedEntries());
        strings(out, z.jars());
        out.writeBoolean(z.reused());
        writeString(out, z.inputsKey());
    }

    private static ZipRecord zip(DataInput in) throws IOException {
        return new ZipRecord(
                readString(in),
                readString(in),
                in.readLong(),
                in.readLong(),
                readString(in),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                strings(in),
                in.readBoolean(),
                readString(in));
    }

    private static void jar(DataOutput out, JarRecord j) throws IOException {
        writeString(out, j.groupId());
        writeString(out, j.artifactId());
        writeString(out, j.version());
        writeString(out, j.classifier());
        writeString(out, j.scope());
        strings(out, j.dependencyPath());
        writeString(out, j.target());
        writeString(out, j.zipEntry());
        out.writeLong(j.originalBytes());
        out.writeLong(j.finalBytes());
        out.writeBoolean(j.signed());
        out.writeBoolean(j.snapshot());
        out.writeBoolean(j.reactor());
        out.writeInt(j.removed().size());
        for (Removal r : j.removed()) {
            writeString(out, r.reason());
            out.writeInt(r.entries());
            out.writeLong(r.bytes());
        }
    }

    private static JarRecord jar(DataInput in) throws IOException {
        JarRecord.Builder b = JarRecord.builder(readString(in), readString(in), readString(in))
                .classifier(readString(in))
                .scope(readString(in))
                .dependencyPath(strings(in))
                .placed(readString(in), readString(in))
                .bytes(in.readLong(), in.readLong())
                .signed(in.readBoolean())
                .snapshot(in.readBoolean())
                .reactor(in.readBoolean());
        int removals = count(in);
        List<Removal> removed = new ArrayList<>(removals);
        for (int i = 0; i < removals; i++) {
            removed.add(new Removal(readString(in), in.readInt(), in.readLong()));
        }
        return b.removed(removed).build();
    }

    private static void strings(DataOutput out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            writeString(out, v);
        }
    }

    private static List<String> strings(DataInput in) throws IOException {
        int n = count(in);
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(readString(in));
        }
        return values;
    }

    /**
     * A string as its UTF-8 length and bytes ({@code -1} for null): no 64 KB limit as with {@code writeUTF}, and read
     * back by the JDK's UTF-8 decoder rather than {@code readUTF}'s character loop (which a fresh JVM interprets).
     */
    public static void writeString(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** What {@link #writeString} wrote. */
    public static String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > (1 << 24)) {
            throw new IOException("corrupt string length " + length);
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static int count(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 20)) {
            throw new IOException("corrupt count " + n);
        }
        return n;
    }
}
