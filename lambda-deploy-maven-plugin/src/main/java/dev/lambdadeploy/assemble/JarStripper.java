package dev.lambdadeploy.assemble;

import dev.lambdadeploy.manifest.Removal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Removes dead weight from a dependency jar. Kept entries are copied raw (no inflate/deflate, same bytes, same order),
 * with fresh headers at the reproducible timestamp, so the result is deterministic and cheap to produce. Signed jars
 * are never rewritten, since any change breaks their signature; a jar from which nothing would be removed, or whose
 * rewrite is not smaller, is used as is.
 *
 * <p>Jars are read and rewritten in memory through {@link JarIndex} and {@link RawJarWriter}; the few that index does
 * not map (zip64, encryption) go through Commons Compress, with the same rules.
 */
public final class JarStripper {
    private final StripRules rules;
    private final long entryTime;
    private final long dosTime;

    /** @param timestamp time written on rewritten entries (the reader's time-zone handling must not leak in) */
    public JarStripper(StripRules rules, Instant timestamp) {
        this.rules = rules;
        this.entryTime = DosTime.localizedMillis(timestamp);
        this.dosTime = DosTime.fields(timestamp);
    }

    /** What to do with one jar: nothing ({@code kept} null), or keep these entries and record these removals. */
    private record Plan<E>(boolean signed, List<E> kept, List<Removal> removals) {}

    /**
     * @param artifact the artifact, for messages
     * @param jar the jar's file, for messages
     * @param bytes the jar's content, read once by the caller (who also hashes it); kept entries are copied from
     *     memory, since a syscall per header and per body of thousands of entries was most of the stripping time
     */
    public StrippedJar strip(DependencyArtifact artifact, Path jar, byte[] bytes) {
        try {
            JarIndex index = JarIndex.read(bytes);
            return index != null ? stripIndexed(artifact, jar, bytes, index) : stripGeneral(artifact, jar, bytes);
        } catch (IOException | RuntimeException e) {
            if (e instanceof PackagingException packagingException) {
                throw packagingException;
            }
            throw new PackagingException(
                    "Dependency " + artifact.coordinates() + " (" + jar
                            + ") is not a readable jar: " + e.getMessage()
                            + ". The file is probably corrupt or truncated: "
                            + "delete it from your local Maven repository so Maven downloads it again, or exclude this "
                            + "dependency.",
                    e);
        }
    }

    private StrippedJar stripIndexed(DependencyArtifact artifact, Path jar, byte[] bytes, JarIndex index) {
        Plan<JarIndex.Entry> plan = plan(artifact, jar, index.entries(), JarIndex.Entry::name, JarIndex.Entry::size);
        if (plan.kept() == null) {
            return unchanged(bytes, plan.signed());
        }
        return smaller(bytes, RawJarWriter.write(bytes, plan.kept(), dosTime), plan.removals());
    }

    private StrippedJar stripGeneral(DependencyArtifact artifact, Path jar, byte[] bytes) throws IOException {
        try (ZipFile zip = ZipFile.builder().setByteArray(bytes).get()) {
            Plan<ZipArchiveEntry> plan = plan(
                    artifact,
                    jar,
                    Collections.list(zip.getEntries()),
                    ZipArchiveEntry::getName,
                    ZipArchiveEntry::getSize);
            if (plan.kept() == null) {
                return unchanged(bytes, plan.signed());
            }
            ByteArrayOutputStream rewritten = new ByteArrayOutputStream(bytes.length);
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(rewritten)) {
                for (ZipArchiveEntry e : plan.kept()) {
                    try (InputStream raw = zip.getRawInputStream(e)) {
                        out.addRawArchiveEntry(copyHeader(e), raw);
                    }
                }
            }
            return smaller(bytes, rewritten.toByteArray(), plan.removals());
        }
    }

    private <E> Plan<E> plan(
            DependencyArtifact artifact,
            Path jar,
            List<E> entries,
            Function<E, String> nameOf,
            ToLongFunction<E> sizeOf) {
        boolean signed = false;
        for (E e : entries) {
            String name = nameOf.apply(e);
            if (EntryNames.isUnsafe(name)) {
                throw new PackagingException("Dependency " + artifact.coordinates() + " (" + jar
                        + ") contains the entry '" + name + "', whose name escapes its folder. "
                        + "It was refused and nothing was written. Replace or exclude this artifact; "
                        + "a legitimate jar never holds such names.");
            }
            signed |= StripRules.isSignatureFile(name);
        }
        if (signed || !rules.enabled()) {
            return new Plan<>(signed, null, List.of());
        }
        Map<String, long[]> removedByReason = new TreeMap<>();
        List<E> kept = new ArrayList<>(entries.size());
        List<String> removedNames = new ArrayList<>();
        for (E e : entries) {
            String name = nameOf.apply(e);
            String reason = name.endsWith("/") ? null : rules.removalReason(name);
            if (reason == null) {
                kept.add(e);
            } else {
                long[] acc = removedByReason.computeIfAbsent(reason, r -> new long[2]);
                acc[0]++;
                acc[1] += Math.max(0, sizeOf.applyAsLong(e));
                removedNames.add(name);
            }
        }
        if (removedNames.isEmpty()) {
            return new Plan<>(false, null, List.of());
        }
        Set<String> emptied =
                emptiedFolders(removedNames, kept.stream().map(nameOf).filter(n -> !n.endsWith("/")));
        kept.removeIf(e -> emptied.contains(nameOf.apply(e)));
        List<Removal> removals = new ArrayList<>();
        removedByReason.forEach((reason, acc) -> removals.add(new Removal(reason, (int) acc[0], acc[1])));
        return new Plan<>(false, kept, removals);
    }

    private static StrippedJar unchanged(byte[] bytes, boolean signed) {
        return new StrippedJar(bytes, bytes.length, bytes.length, signed, List.of());
    }

    private static StrippedJar smaller(byte[] original, byte[] rewritten, List<Removal> removals) {
        if (rewritten.length >= original.length) {
            return unchanged(original, false);
        }
        return new StrippedJar(rewritten, original.length, rewritten.length, false, removals);
    }

    /**
     * A fresh header for a raw copy: same name, method, CRC and sizes, the fixed time, and none of the extra fields the
     * reader may have synthesized (Commons Compress adds NTFS times depending on the time zone).
     */
    private ZipArchiveEntry copyHeader(ZipArchiveEntry e) {
        ZipArchiveEntry copy = new ZipArchiveEntry(e.getName());
        copy.setMethod(e.getMethod());
        copy.setCrc(e.getCrc());
        copy.setSize(e.getSize());
        copy.setCompressedSize(e.getCompressedSize());
        copy.setTime(entryTime);
        return copy;
    }

    /**
     * Folders that held removed files and hold no kept file (e.g. {@code META-INF/maven/g/a/}). Only the few folders
     * above removed files are candidates, so kept names are checked against those instead of listing every folder of
     * the jar.
     */
    private static Set<String> emptiedFolders(Collection<String> removedNames, Stream<String> keptFiles) {
        Set<String> emptied = new HashSet<>();
        for (String n : removedNames) {
            for (int i = n.indexOf('/'); i >= 0 && i < n.length() - 1; i = n.indexOf('/', i + 1)) {
                emptied.add(n.substring(0, i + 1));
            }
        }
        for (Iterator<String> kept = keptFiles.iterator(); kept.hasNext() && !emptied.isEmpty(); ) {
            String name = kept.next();
            emptied.removeIf(name::startsWith);
        }
        return emptied;
    }
}
