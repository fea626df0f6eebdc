package dev.lambdadeploy.budget;

import dev.lambdadeploy.config.ExternalLayerSpec;
import dev.lambdadeploy.manifest.JarRecord;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ZipRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Turns what {@code lambda:package} built (its manifest and zips) into {@link PackageSizes}. The manifest has each
 * jar's size; its compressed size inside the Lambda zip comes from the zip's central directory (cheap to read).
 */
final class PackageMeasurer {
    private PackageMeasurer() {}

    static PackageSizes measure(
            PackageManifest m, Path outputDirectory, List<ExternalLayerSpec> external, OptionalLong imageBytes) {
        List<JarSize> items = new ArrayList<>();
        ZipSize function = zip(m.function(), ZipSize.Kind.FUNCTION);
        List<ZipSize> layers = new ArrayList<>();
        for (ZipRecord z : m.allZips()) {
            boolean isFunction = m.isFunction(z);
            String zipId = isFunction ? "function" : "layer:" + z.name();
            if (!isFunction) {
                layers.add(zip(z, ZipSize.Kind.LAYER));
            }
            Map<String, Long> compressed = compressedSizes(outputDirectory.resolve(z.path()));
            Map<String, JarRecord> jarsByEntry = new HashMap<>();
            m.jars().stream().filter(j -> zipId.equals(j.target())).forEach(j -> jarsByEntry.put(j.zipEntry(), j));
            long jarsUnzipped = 0;
            long jarsZipped = 0;
            for (String entry : z.jars()) {
                JarRecord j = jarsByEntry.get(entry);
                if (j == null) {
                    continue;
                }
                long zipped = compressed.getOrDefault(entry, j.finalBytes());
                items.add(new JarSize(
                        j.groupId(),
                        j.artifactId(),
                        j.version(),
                        j.classifier(),
                        zipId,
                        entry,
                        zipped,
                        j.finalBytes(),
                        j.dependencyPath()));
                jarsUnzipped += j.finalBytes();
                jarsZipped += zipped;
            }
            if (isFunction) {
                long classesZipped =
                        compressed.values().stream().mapToLong(Long::longValue).sum() - jarsZipped;
                items.add(JarSize.projectClasses(
                        m.project().artifactId(),
                        Math.max(0, classesZipped),
                        Math.max(0, z.unzippedBytes() - jarsUnzipped)));
            }
        }
        List<ZipSize> externals = new ArrayList<>();
        for (ExternalLayerSpec e : external) {
            externals.add(new ZipSize(e.name(), ZipSize.Kind.EXTERNAL_LAYER, e.arn(), -1, e.unzippedBytes(), 0));
        }
        return new PackageSizes(m.project().artifactId(), function, layers, externals, items, imageBytes);
    }

    private static ZipSize zip(ZipRecord z, ZipSize.Kind kind) {
        return new ZipSize(
                z.name(),
                kind,
                z.path(),
                z.zippedBytes(),
                z.unzippedBytes(),
                z.jars().size());
    }

    /** Compressed size of every file entry. */
    static Map<String, Long> compressedSizes(Path zip) {
        Map<String, Long> sizes = new HashMap<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.isDirectory()) {
                    sizes.put(e.getName(), e.getCompressedSize());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + zip + " to measure it: " + e.getMessage(), e);
        }
        return sizes;
    }
}
