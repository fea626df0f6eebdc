package dev.lambdadeploy.publish.image;

import dev.lambdadeploy.assemble.Hashes;
import dev.lambdadeploy.manifest.JarRecord;
import dev.lambdadeploy.manifest.ManifestIO;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ZipRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Turns what {@code lambda:package} built into image layers, in change-rate order so a code change re-pushes only the
 * last layers: released dependency jars ({@code /var/task/lib}), SNAPSHOT and same-reactor jars ({@code /var/task/lib}),
 * resources and classes ({@code /var/task}). The files come out of the verified zips (the stripped jars, exactly as
 * they would be deployed as zips) and are staged under {@code target/lambda/image/layers/}.
 */
public final class ImageLayerPlanner {
    public static final String TASK_ROOT = "/var/task";
    public static final String LIB_DIR = TASK_ROOT + "/lib";
    private static final String FUNCTION_LIB = "lib/";
    private static final String LAYER_LIB = "java/lib/";

    /** The staged layers of one package, plus its manifest. */
    public record Plan(PackageManifest manifest, List<ApplicationLayer> layers) {
        public long bytes() {
            return layers.stream().mapToLong(ApplicationLayer::bytes).sum();
        }
    }

    public Plan plan(Path packageDirectory) {
        Path manifestFile = packageDirectory.resolve(PackageManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ImageException(
                    null,
                    "No " + manifestFile + ": the image is built from what lambda:package "
                            + "produced. Run `mvn package` (with the lambda:package goal bound) before lambda:deploy.");
        }
        PackageManifest manifest;
        try {
            manifest = ManifestIO.read(manifestFile);
        } catch (IOException e) {
            throw new ImageException(
                    null,
                    "Cannot read " + manifestFile + " (" + e.getMessage() + "). Run `mvn package` again to rewrite it.",
                    e);
        }
        Map<String, JarRecord> jars = new HashMap<>();
        manifest.jars().forEach(j -> jars.put(j.zipEntry(), j));
        Path staging = packageDirectory.resolve(ImageRequest.IMAGE_DIR).resolve("layers");
        try {
            Set<Path> staged = new HashSet<>();
            Map<String, List<ApplicationLayer.File>> layers = new LinkedHashMap<>();
            for (String name : List.of(
                    ApplicationLayer.DEPENDENCIES,
                    ApplicationLayer.SNAPSHOT_DEPENDENCIES,
                    ApplicationLayer.RESOURCES,
                    ApplicationLayer.CLASSES)) {
                layers.put(name, new ArrayList<>());
            }
            Map<String, String> seen = new HashMap<>();
            for (ZipRecord zip : manifest.allZips()) {
                Path file = verified(packageDirectory, zip);
                boolean function = manifest.isFunction(zip);
                try (ZipFile zf = new ZipFile(file.toFile())) {
                    for (Enumeration<? extends ZipEntry> en = zf.entries(); en.hasMoreElements(); ) {
                        ZipEntry e = en.nextElement();
                        if (e.isDirectory()) {
                            continue;
                        }
                        String name = e.getName();
                        String layer;
                        String containerPath;
                        String libPrefix = function ? FUNCTION_LIB : LAYER_LIB;
                        if (name.startsWith(libPrefix) && name.endsWith(".jar")) {
                            // Released jars change least; SNAPSHOT/reactor jars change with the code. A jar
                            // without a record is judged by where lambda:package put it.
                            JarRecord j = jars.get(name);
                            boolean changing = j != null ? j.snapshot() || j.reactor() : function;
                            layer = changing ? ApplicationLayer.SNAPSHOT_DEPENDENCIES : ApplicationLayer.DEPENDENCIES;
                            containerPath = LIB_DIR + "/" + name.substring(libPrefix.length());
                        } else if (function) {
                            layer = name.endsWith(".class") ? ApplicationLayer.CLASSES : ApplicationLayer.RESOURCES;
                            containerPath = TASK_ROOT + "/" + name;
                        } else {
                            // Layers hold only java/lib jars; anything else would belong in /opt, which images lack.
                            throw new ImageException(
                                    null,
                                    zip.path() + " holds '" + name + "', which is not a jar "
                                            + "under java/lib/. Run `mvn clean package` to rebuild the zips.");
                        }
                        String previous = seen.putIfAbsent(containerPath, zip.path());
                        if (previous != null) {
                            throw new ImageException(
                                    "<layers>",
                                    containerPath + " would come from both "
                                            + previous + " and " + zip.path()
                                            + ". In an image all jars share /var/task/lib; "
                                            + "remove the duplicate dependency or exclude it from one layer.");
                        }
                        Path target = staging.resolve(layer).resolve(containerPath.substring(1));
                        stage(zf, e, target);
                        staged.add(target);
                        layers.get(layer).add(new ApplicationLayer.File(target, containerPath, Files.size(target)));
                    }
                }
            }
            removeUnstaged(staging, staged);
            List<ApplicationLayer> out = new ArrayList<>();
            for (Map.Entry<String, List<ApplicationLayer.File>> l : layers.entrySet()) {
                if (!l.getValue().isEmpty()) {
                    List<ApplicationLayer.File> files = new ArrayList<>(l.getValue());
                    files.sort(Comparator.comparing(ApplicationLayer.File::containerPath));
                    out.add(new ApplicationLayer(
                            l.getKey(),
                            files,
                            files.stream()
                                    .mapToLong(ApplicationLayer.File::size)
                                    .sum()));
                }
            }
            return new Plan(manifest, out);
        } catch (IOException e) {
            throw new ImageException(null, "Cannot stage the image layers under " + staging + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the entry to {@code target} unless the file there already has the same content: Jib's layer cache keys
     * on file times, so an unchanged file must keep its time and a changed one must get a new one. (The times in the
     * image are fixed independently of these.)
     */
    private static void stage(ZipFile zip, ZipEntry entry, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".staging");
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isRegularFile(target) && Files.mismatch(temp, target) == -1) {
            Files.delete(temp);
        } else {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void removeUnstaged(Path staging, Set<Path> staged) throws IOException {
        if (!Files.isDirectory(staging)) {
            return;
        }
        List<Path> stale;
        try (Stream<Path> walk = Files.walk(staging)) {
            stale = walk.filter(p -> Files.isRegularFile(p) && !staged.contains(p))
                    .collect(Collectors.toList());
        }
        for (Path p : stale) {
            Files.delete(p);
        }
    }

    /** The zip on disk, checked against the manifest so the image never mixes two builds. */
    private static Path verified(Path packageDirectory, ZipRecord zip) throws IOException {
        Path file = packageDirectory.resolve(zip.path());
        if (!Files.isRegularFile(file) || !Hashes.codeSha256(file).equals(zip.codeSha256())) {
            throw new ImageException(
                    null,
                    file + " is missing or differs from lambda-package.json. "
                            + "Run `mvn package` again so the zips and the manifest match.");
        }
        return file;
    }
}
