package dev.lambdadeploy.invoke;

import dev.lambdadeploy.manifest.JarRecord;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.ZipRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The packaged zips laid out as Lambda lays them out: every layer unzipped into {@code opt/} (so jars land in
 * {@code opt/java/lib}), the function zip into {@code task/}. {@link #classpath()} lists the entries in the order
 * Lambda's runtime searches them: {@code task/}, {@code task/lib/*.jar}, {@code opt/java/lib/*.jar} (names sorted).
 */
public record LambdaLayout(Path root, Path task, Path opt, List<Entry> classpath) {

    /** One classpath entry; {@code jar} is its manifest record, {@code null} for the function's own classes. */
    public record Entry(Path path, String label, JarRecord jar) {
        public boolean isDirectory() {
            return jar == null && Files.isDirectory(path);
        }
    }

    public Path optJava() {
        return opt.resolve("java");
    }

    /** Unzips the zips named by the manifest (paths relative to {@code lambdaDir}) into a fresh {@code root}. */
    public static LambdaLayout prepare(PackageManifest manifest, Path lambdaDir, Path root) throws IOException {
        deleteTree(root);
        Path task = root.resolve("task");
        Path opt = root.resolve("opt");
        Files.createDirectories(task);
        Files.createDirectories(opt);
        for (ZipRecord layer : manifest.layers()) {
            unzip(lambdaDir.resolve(layer.path()), opt);
        }
        if (manifest.function() != null) {
            unzip(lambdaDir.resolve(manifest.function().path()), task);
        }
        return new LambdaLayout(root, task, opt, classpath(manifest, task, opt));
    }

    private static List<Entry> classpath(PackageManifest manifest, Path task, Path opt) throws IOException {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(task, "function classes (task/)", null));
        addJars(manifest, task.resolve("lib"), "task/lib/", "lib/", entries);
        addJars(manifest, opt.resolve("java/lib"), "opt/java/lib/", "java/lib/", entries);
        return List.copyOf(entries);
    }

    private static void addJars(PackageManifest manifest, Path dir, String label, String zipPrefix, List<Entry> entries)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path jar : s.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList()) {
                String name = jar.getFileName().toString();
                JarRecord rec = manifest.jars().stream()
                        .filter(j -> (zipPrefix + name).equals(j.zipEntry()))
                        .findFirst()
                        .orElse(null);
                entries.add(new Entry(jar, label + name, rec));
            }
        }
    }

    static void unzip(Path zip, Path into) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IOException("Missing " + zip + ": run 'mvn package' (lambda:package) first");
        }
        Path base = into.toAbsolutePath().normalize();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> en = zf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                Path target = base.resolve(e.getName()).normalize();
                if (!target.startsWith(base)) {
                    throw new IOException("Entry '" + e.getName() + "' of " + zip + " points outside the layout");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zf.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
