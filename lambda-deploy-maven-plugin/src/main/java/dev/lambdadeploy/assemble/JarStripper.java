package dev.lambdadeploy.assemble;

import dev.lambdadeploy.manifest.Removal;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

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
            // One read of the whole jar, then entries are copied from memory: a jar holds thousands of small entries,
            // and reading or writing each one through the file system (a syscall per header and per body) was most of
            // the stripping time.
            byte[] bytes = Files.readAllBytes(jar);
            try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
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
                // set lookups, not a scan of every entry per folder: jars hold thousands of entries
                Set<String> keptFileDirs = parentDirs(kept.stream().filter(e -> !e.isDirectory())
                        .map(ZipArchiveEntry::getName).toList());
                Set<String> removedDirs = parentDirs(removedNames);
                kept.removeIf(e -> e.isDirectory() && isEmptiedDirectory(e.getName(), keptFileDirs, removedDirs));
                Files.createDirectories(output.getParent());
                try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(output), 1 << 16))) {
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
    private static boolean isEmptiedDirectory(String dir, Set<String> keptFileDirs, Set<String> removedDirs) {
        return removedDirs.contains(dir) && !keptFileDirs.contains(dir);
    }

    /** Every folder above the given entries ({@code a/b/c.class} gives {@code a/} and {@code a/b/}). */
    private static Set<String> parentDirs(Collection<String> names) {
        Set<String> dirs = new HashSet<>();
        for (String n : names) {
            for (int i = n.indexOf('/'); i >= 0 && i < n.length() - 1; i = n.indexOf('/', i + 1)) {
                dirs.add(n.substring(0, i + 1));
            }
        }
        return dirs;
    }
}
