package dev.lambdadeploy.assemble;

import dev.lambdadeploy.manifest.Removal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Removes dead weight from a dependency jar. Kept entries are copied raw (no inflate/deflate, same bytes, same order),
 * with fresh headers at the reproducible timestamp, so the result is deterministic and cheap to produce. Signed jars are never rewritten, since any change
 * breaks their signature; a jar from which nothing would be removed, or whose rewrite is not smaller, is used as is.
 */
public final class JarStripper {
    private final StripRules rules;
    private final long entryTime;

    /** @param timestamp time written on rewritten entries (the reader's time-zone handling must not leak in) */
    public JarStripper(StripRules rules, Instant timestamp) {
        this.rules = rules;
        this.entryTime = DosTime.localizedMillis(timestamp);
    }

    /**
     * @param artifact the artifact, for messages
     * @param jar the jar to read
     * @param output where to write a rewritten copy, if one is worth it
     */
    public StrippedJar strip(DependencyArtifact artifact, Path jar, Path output) {
        try {
            long originalBytes = Files.size(jar);
            try (ZipFile zip = ZipFile.builder().setPath(jar).get()) {
                List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
                boolean signed = false;
                for (ZipArchiveEntry e : entries) {
                    if (EntryNames.isUnsafe(e.getName())) {
                        throw new PackagingException("Dependency " + artifact.coordinates() + " (" + jar
                                + ") contains the entry '" + e.getName() + "', whose name escapes its folder. "
                                + "It was refused and nothing was written. Replace or exclude this artifact; "
                                + "a legitimate jar never holds such names.");
                    }
                    signed |= StripRules.isSignatureFile(e.getName());
                }
                if (signed || !rules.enabled()) {
                    return new StrippedJar(jar, originalBytes, originalBytes, signed, List.of());
                }
                Map<String, long[]> removedByReason = new TreeMap<>();
                List<ZipArchiveEntry> kept = new ArrayList<>(entries.size());
                List<String> removedNames = new ArrayList<>();
                for (ZipArchiveEntry e : entries) {
                    String reason = e.isDirectory() ? null : rules.removalReason(e.getName());
                    if (reason == null) {
                        kept.add(e);
                    } else {
                        long[] acc = removedByReason.computeIfAbsent(reason, r -> new long[2]);
                        acc[0]++;
                        acc[1] += Math.max(0, e.getSize());
                        removedNames.add(e.getName());
                    }
                }
                if (removedNames.isEmpty()) {
                    return new StrippedJar(jar, originalBytes, originalBytes, false, List.of());
                }
                kept.removeIf(e -> e.isDirectory() && isEmptiedDirectory(e.getName(), kept, removedNames));
                Files.createDirectories(output.getParent());
                try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(output)) {
                    for (ZipArchiveEntry e : kept) {
                        try (InputStream raw = zip.getRawInputStream(e)) {
                            out.addRawArchiveEntry(copyHeader(e), raw);
                        }
                    }
                }
                long finalBytes = Files.size(output);
                if (finalBytes >= originalBytes) {
                    Files.delete(output);
                    return new StrippedJar(jar, originalBytes, originalBytes, false, List.of());
                }
                List<Removal> removals = new ArrayList<>();
                removedByReason.forEach((reason, acc) -> removals.add(new Removal(reason, (int) acc[0], acc[1])));
                return new StrippedJar(output, originalBytes, finalBytes, false, removals);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PackagingException) {
                throw (PackagingException) e;
            }
            throw new PackagingException("Dependency " + artifact.coordinates() + " (" + jar
                    + ") is not a readable jar: " + e.getMessage() + ". The file is probably corrupt or truncated: "
                    + "delete it from your local Maven repository so Maven downloads it again, or exclude this "
                    + "dependency.", e);
        }
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

    /** A directory entry with nothing left below it, emptied by stripping (e.g. {@code META-INF/maven/}). */
    private static boolean isEmptiedDirectory(String dir, List<ZipArchiveEntry> kept, List<String> removedNames) {
        boolean hadRemovals = removedNames.stream().anyMatch(n -> n.startsWith(dir));
        boolean keepsFiles = kept.stream().anyMatch(k -> !k.isDirectory() && k.getName().startsWith(dir));
        return hadRemovals && !keepsFiles;
    }
}
