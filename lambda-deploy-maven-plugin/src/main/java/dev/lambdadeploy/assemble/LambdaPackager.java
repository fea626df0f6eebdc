package dev.lambdadeploy.assemble;

import dev.lambdadeploy.config.ConfigException;
import dev.lambdadeploy.config.LayerSpec;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.manifest.JarRecord;
import dev.lambdadeploy.manifest.ManifestBinary;
import dev.lambdadeploy.manifest.ManifestIO;
import dev.lambdadeploy.manifest.PackageManifest;
import dev.lambdadeploy.manifest.Removal;
import dev.lambdadeploy.manifest.ZipRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * {@code lambda:package} without Maven: places the runtime artifacts into layers and the function zip, strips them,
 * writes reproducible zips and {@code lambda-package.json}. A zip whose inputs (by content hash) and settings are those
 * of the previous run, and whose file is intact, is reused instead of rebuilt. Content hashes of files whose size,
 * times and identity did not change since the last run come from the {@link HashCache}, so a no-op run reads
 * metadata instead of every jar and zip.
 */
public final class LambdaPackager {
    public static final String FUNCTION_ZIP = "function.zip";
    public static final String LAYERS_DIR = "layers";
    private static final String WORK_DIR = "work";

    private final BuildLog log;
    private final LongSupplier clock;

    public LambdaPackager(BuildLog log) {
        this(log, System::currentTimeMillis);
    }

    /** {@code clock} (ms) decides when a file stamp counts as settled; tests move it forward instead of sleeping. */
    LambdaPackager(BuildLog log, LongSupplier clock) {
        this.log = log;
        this.clock = clock;
    }

    public PackageResult run(PackageRequest request) {
        long start = System.nanoTime();
        validate(request);
        List<Placement> placements =
                new PlacementPlanner().plan(request.artifacts(), request.layers(), request.defaultLayerName());
        ExecutorService executor = Executors.newFixedThreadPool(request.parallelism(), r -> {
            Thread t = new Thread(r, "lambda-package");
            t.setDaemon(true);
            return t;
        });
        try {
            return run(request, placements, executor, start);
        } finally {
            executor.shutdownNow();
        }
    }

    private PackageResult run(
            PackageRequest request, List<Placement> placements, ExecutorService executor, long start) {
        Path hashCacheFile = request.outputDirectory().resolve(WORK_DIR).resolve(HashCache.FILE_NAME);
        HashCache hashes = HashCache.load(hashCacheFile, request.incremental(), clock);
        StripRules rules = new StripRules(request.strip(), request.architecture());
        String settingsKey = Hashes.hex("format=1|plugin=" + request.pluginVersion() + "|strip=" + rules.fingerprint()
                + "|time=" + request.outputTimestamp() + "|compression="
                + request.compression().fingerprint());
        Path manifestFile = request.outputDirectory().resolve(PackageManifest.FILE_NAME);
        Path snapshotFile = request.outputDirectory().resolve(WORK_DIR).resolve(ManifestSnapshot.FILE_NAME);
        // The last package from its binary copy while lambda-package.json is untouched since written: no JSON read.
        Optional<ManifestSnapshot.Previous> snapshot = request.incremental()
                ? ManifestSnapshot.read(snapshotFile, manifestFile, clock.getAsLong())
                : Optional.empty();
        if (snapshot.isEmpty()) {
            // the JSON will be read or written: its set-up runs on a packaging thread, idle until the first zip starts
            executor.execute(ManifestIO::prepare);
        }
        Optional<PackageManifest> previous = (snapshot.isPresent()
                        ? snapshot.map(ManifestSnapshot.Previous::manifest)
                        : request.incremental()
                                ? ManifestIO.readIfUsable(manifestFile)
                                : Optional.<PackageManifest>empty())
                .filter(m -> settingsKey.equals(m.settingsKey()));

        Map<String, List<Placement>> byLayer = new LinkedHashMap<>();
        for (String name : layerOrder(request)) {
            byLayer.put(name, new ArrayList<>());
        }
        List<Placement> functionJars = new ArrayList<>();
        for (Placement p : placements) {
            (p.target().isFunction() ? functionJars : byLayer.get(p.target().layerName())).add(p);
        }
        ZipBuilder builder = new ZipBuilder(request, rules, executor, previous, hashes);
        try {
            List<ZipRecord> layers = new ArrayList<>();
            Map<String, JarRecord> jarRecords = new TreeMap<>();
            for (Map.Entry<String, List<Placement>> layer : byLayer.entrySet()) {
                if (layer.getValue().isEmpty()) {
                    if (!request.layers().isEmpty()) {
                        log.warn(
                                "Layer '" + layer.getKey() + "' matches no runtime dependency; no zip is built for it. "
                                        + "Check its <includes> patterns.");
                    }
                    continue;
                }
                layers.add(builder.build(
                        layer.getKey(),
                        LAYERS_DIR + "/" + layer.getKey() + ".zip",
                        null,
                        layer.getValue(),
                        jarRecords));
            }
            ZipRecord function =
                    builder.build("function", FUNCTION_ZIP, request.classesDirectory(), functionJars, jarRecords);
            builder.publishAll();
            removeStaleLayerZips(request.outputDirectory(), layers);
            List<JarRecord> jars =
                    placements.stream().map(p -> jarRecords.get(p.zipEntry())).collect(Collectors.toList());
            PackageManifest manifest = new PackageManifest(
                    PackageManifest.SCHEMA_VERSION,
                    request.pluginVersion(),
                    request.project(),
                    request.architecture().awsName(),
                    request.outputTimestamp().toString(),
                    settingsKey,
                    function,
                    layers,
                    jars);
            String contentKey;
            if (snapshot.isPresent()
                    && snapshot.get().sameContent(manifest)
                    && !classesMayBeNewer(request.classesDirectory(), manifestFile, hashes)) {
                // The file already says all of this; only which zips this run reused differs, and that is this run's
                // (printed) news, not the package's. A no-op build writes nothing.
                contentKey = snapshot.get().contentKey();
                log.debug("Manifest unchanged: " + manifestFile);
            } else {
                byte[] content = ManifestBinary.content(manifest);
                contentKey = ManifestBinary.contentKey(content);
                writeManifest(manifest, manifestFile, snapshotFile, content, contentKey);
            }
            hashes.save(hashCacheFile);
            if (log.isDebugEnabled()) {
                log.debug("Input and zip hashes: " + hashes.summary());
            }
            int reused =
                    (int) manifest.allZips().stream().filter(ZipRecord::reused).count();
            return new PackageResult(
                    manifest,
                    manifestFile,
                    contentKey,
                    manifest.allZips().size() - reused,
                    reused,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new PackagingException("Cannot write to " + request.outputDirectory() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new PackagingException(
                    "Cannot read or write package files: " + e.getCause().getMessage(), e);
        } finally {
            builder.discardUnpublished();
        }
    }

    /**
     * Whether a file in the classes folder may be newer than {@code lambda-package.json}: lambda:deploy refuses a
     * package older than its classes, and a recompile with identical output (a touched source, a branch switch) still
     * rewrites them, so the manifest is written again then, even though the package did not change. Judged from the
     * classes' stamp this run already took (its newest modification or status-change time), so a no-op costs no walk.
     */
    private static boolean classesMayBeNewer(Path classesDirectory, Path manifestFile, HashCache hashes)
            throws IOException {
        if (classesDirectory == null || !Files.isDirectory(classesDirectory)) {
            return false;
        }
        FileStamp classes = hashes.stampOf(classesDirectory);
        return classes == null
                || classes.newestChangeMillis()
                        >= Files.getLastModifiedTime(manifestFile).toMillis();
    }

    /**
     * Writes {@code lambda-package.json} under a private name, renames it into place and remembers its binary copy with
     * the published stamp (see {@link ManifestSnapshot}).
     */
    private void writeManifest(
            PackageManifest manifest, Path manifestFile, Path snapshotFile, byte[] content, String contentKey)
            throws IOException {
        Files.deleteIfExists(snapshotFile);
        Path temp = manifestFile.resolveSibling("." + manifestFile.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            ManifestIO.write(manifest, temp);
            FileStamp stamp = FileStamp.publish(temp, manifestFile, clock);
            ManifestSnapshot.write(snapshotFile, stamp, content, contentKey);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static List<String> layerOrder(PackageRequest request) {
        if (request.layers().isEmpty()) {
            return List.of(request.defaultLayerName());
        }
        return request.layers().stream().map(LayerSpec::name).collect(Collectors.toList());
    }

    private static void validate(PackageRequest request) {
        Set<String> names = new HashSet<>();
        for (LayerSpec layer : request.layers()) {
            LayerSpec.validateName(layer.name(), "<layers><layer><name>");
            if (!names.add(layer.name())) {
                throw new ConfigException(
                        "<layers>",
                        "the layer name '" + layer.name()
                                + "' is used twice. Give each <layer> a unique <name>, or merge their <includes>.");
            }
            if (layer.includes().isEmpty()) {
                throw new ConfigException(
                        "<layers><layer><includes>",
                        "layer '" + layer.name()
                                + "' has no <include> pattern, so nothing can go into it. Add e.g. <include>software.amazon.awssdk:*</include>.");
            }
        }
        if (request.layers().isEmpty()) {
            LayerSpec.validateName(request.defaultLayerName(), "<defaultLayerName>");
        }
    }

    private static void removeStaleLayerZips(Path outputDirectory, List<ZipRecord> layers) throws IOException {
        Path dir = outputDirectory.resolve(LAYERS_DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<String> current = layers.stream().map(ZipRecord::path).collect(Collectors.toSet());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (!current.contains(LAYERS_DIR + "/" + f.getFileName())) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Builds (or reuses) one zip and records its jars. */
    private final class ZipBuilder {
        private final PackageRequest request;
        private final StripRules rules;
        private final ExecutorService executor;
        private final Optional<PackageManifest> previous;
        private final HashCache hashes;
        /** Zips written under their private names, in the order written. */
        private final List<Unpublished> unpublished = new ArrayList<>();

        ZipBuilder(
                PackageRequest request,
                StripRules rules,
                ExecutorService executor,
                Optional<PackageManifest> previous,
                HashCache hashes) {
            this.request = request;
            this.rules = rules;
            this.executor = executor;
            this.previous = previous;
            this.hashes = hashes;
        }

        ZipRecord build(
                String name,
                String relativePath,
                Path classesDirectory,
                List<Placement> jars,
                Map<String, JarRecord> jarRecords)
                throws IOException {
            Path zipFile = request.outputDirectory().resolve(relativePath);
            // The classes are hashed before they are zipped: hashed after, a change made meanwhile (an IDE compiling)
            // would be recorded as zipped, and the stale zip reused by the next run.
            String classesHash = classesDirectory != null && Files.isDirectory(classesDirectory)
                    ? hashes.contentHash(classesDirectory)
                    : null;
            // Hashing every jar up front only pays when the zip may be reused; otherwise each jar is hashed from the
            // bytes read for stripping, so it is read once.
            String inputsKey = null;
            if (mayReuse(name, relativePath, zipFile)) {
                inputsKey = inputsKey(
                        classesHash, jars.stream().map(p -> jarLine(p, hashes)).toList());
                Optional<ZipRecord> reusable = reusable(name, relativePath, inputsKey, zipFile);
                if (reusable.isPresent()) {
                    previous.get().jars().stream()
                            .filter(j -> reusable.get().jars().contains(j.zipEntry()))
                            .forEach(j -> jarRecords.put(j.zipEntry(), j));
                    if (jars.stream().allMatch(p -> jarRecords.containsKey(p.zipEntry()))) {
                        log.debug("Reusing " + relativePath + ": inputs unchanged");
                        return reusable.get().asReused();
                    }
                }
            }
            hashes.forget(zipFile);
            Path work = request.outputDirectory().resolve(WORK_DIR).resolve(name);
            deleteTree(work);
            List<ReproducibleZipWriter.Source> sources = new ArrayList<>();
            if (classesDirectory != null && Files.isDirectory(classesDirectory)) {
                for (Path f : regularFiles(classesDirectory)) {
                    sources.add(ReproducibleZipWriter.Source.file(
                            classesDirectory.relativize(f).toString().replace('\\', '/'), f));
                }
            }
            // Each jar is read, hashed and stripped on a compressing thread when the writer gets to it, and goes
            // into the zip from memory: no copy in target/, and only the writer's window of jars in memory at once.
            List<CompletableFuture<JarOutcome>> stripped = new ArrayList<>();
            JarStripper stripper = new JarStripper(rules, request.outputTimestamp());
            for (Placement p : jars) {
                CompletableFuture<JarOutcome> result = new CompletableFuture<>();
                stripped.add(result);
                Path file = p.artifact().file();
                long size = Files.isRegularFile(file) ? Files.size(file) : 0;
                sources.add(new ReproducibleZipWriter.Source(p.zipEntry(), size, () -> {
                    try {
                        Stripped s = strip(p, work, stripper);
                        // what is kept for the manifest, without the bytes: those go to the writer and are dropped
                        result.complete(new JarOutcome(
                                s.jar().originalBytes(),
                                s.jar().finalBytes(),
                                s.jar().signed(),
                                s.jar().removed(),
                                s.inputHash()));
                        return s.jar().content();
                    } catch (RuntimeException | IOException e) {
                        result.completeExceptionally(e);
                        throw e;
                    }
                }));
            }
            // Written under a private name and renamed into place once every zip is written (see publishAll).
            Files.deleteIfExists(zipFile);
            Path temp = zipFile.resolveSibling("." + zipFile.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            // (the writer leaves nothing behind when it fails)
            ReproducibleZipWriter.Result r = new ReproducibleZipWriter(
                            request.outputTimestamp(), request.compression(), executor, request.parallelism())
                    .write(temp, sources);
            unpublished.add(new Unpublished(
                    temp, zipFile, Hashes.hex(Base64.getDecoder().decode(r.codeSha256()))));
            for (int i = 0; i < jars.size(); i++) {
                Placement p = jars.get(i);
                JarOutcome s = await(stripped.get(i));
                DependencyArtifact a = p.artifact();
                jarRecords.put(
                        p.zipEntry(),
                        new JarRecord(
                                a.groupId(),
                                a.artifactId(),
                                a.version(),
                                a.classifier(),
                                a.scope(),
                                a.dependencyPath(),
                                p.target().id(),
                                p.zipEntry(),
                                s.originalBytes(),
                                s.finalBytes(),
                                s.signed(),
                                a.snapshot(),
                                a.reactor(),
                                s.removed()));
            }
            if (inputsKey == null) {
                List<Future<String>> lines = new ArrayList<>();
                for (int i = 0; i < jars.size(); i++) {
                    String entry = jars.get(i).zipEntry();
                    lines.add(stripped.get(i).thenApply(s -> entry + "=" + s.inputHash()));
                }
                inputsKey = inputsKey(classesHash, lines);
            }
            return new ZipRecord(
                    name,
                    relativePath,
                    r.zippedBytes(),
                    r.unzippedBytes(),
                    r.codeSha256(),
                    r.entryCount(),
                    r.storedEntries(),
                    r.deflatedEntries(),
                    jars.stream().map(Placement::zipEntry).collect(Collectors.toList()),
                    false,
                    inputsKey);
        }

        /**
         * Renames every zip written into place and remembers its hash (computed while writing) with the stamp taken
         * then, so the next run can trust it without reading it back (see {@link FileStamp#publish}). Done after the
         * last zip is written: the rename has to wait until the clock has passed the zip's last write, and by then
         * that has mostly happened for all but the last.
         */
        void publishAll() throws IOException {
            for (Unpublished u : unpublished) {
                hashes.remember(u.target(), FileStamp.publish(u.temp(), u.target(), clock), u.sha256());
            }
            unpublished.clear();
        }

        /** After a failure: no zip half-written or left under its private name. */
        void discardUnpublished() {
            for (Unpublished u : unpublished) {
                try {
                    Files.deleteIfExists(u.temp());
                } catch (IOException e) {
                    log.debug("Cannot delete " + u.temp() + ": " + e.getMessage());
                }
            }
        }

        /**
         * The {@code entry=hash} line of a jar: from its stamp, on this thread, when the cache knows it unchanged (a
         * stat, not worth a hand-over to another thread); else hashed on a packaging thread.
         */
        private Future<String> jarLine(Placement p, HashCache hashes) {
            Path file = p.artifact().file();
            Optional<String> known = hashes.knownHash(file);
            return known.isPresent()
                    ? CompletableFuture.completedFuture(p.zipEntry() + "=" + known.get())
                    : executor.submit(() -> p.zipEntry() + "=" + hashes.contentHash(file));
        }

        /** A zip of this name was recorded with these settings and a file is there: it may be reusable. */
        private boolean mayReuse(String name, String path, Path zipFile) {
            return previous.isPresent()
                    && Files.isRegularFile(zipFile)
                    && previous.get().allZips().stream()
                            .anyMatch(z -> z.name().equals(name) && z.path().equals(path));
        }

        private Optional<ZipRecord> reusable(String name, String path, String inputsKey, Path zipFile)
                throws IOException {
            Optional<ZipRecord> match = previous.get().allZips().stream()
                    .filter(z -> z.name().equals(name) && z.path().equals(path) && inputsKey.equals(z.inputsKey()))
                    .findFirst();
            // Verify the file on disk is still the one recorded (re-read unless its stamp is unchanged); anything else
            // is rebuilt.
            if (match.isPresent() && match.get().codeSha256().equals(hashes.codeSha256(zipFile))) {
                return match;
            }
            return Optional.empty();
        }

        /** The key of a zip's inputs: its classes folder's hash and one {@code entry=hash} line per jar, in order. */
        private String inputsKey(String classesHash, List<? extends Future<String>> jarLines) {
            StringBuilder key = new StringBuilder();
            if (classesHash != null) {
                key.append("classes=").append(classesHash).append('\n');
            }
            for (Future<String> line : jarLines) {
                key.append(await(line)).append('\n');
            }
            return hashes.textHash(key.toString());
        }

        private Stripped strip(Placement p, Path work, JarStripper stripper) throws IOException {
            Path file = p.artifact().file();
            if (Files.isDirectory(file)) {
                // A reactor module resolved to its classes folder (e.g. `mvn compile`): jar it reproducibly, hashed
                // before it is read (as the classes are).
                try {
                    String hash = hashes.contentHash(file);
                    byte[] bytes = jarDirectory(file, work.resolve("dirs").resolve(p.jarName()), request);
                    return new Stripped(new StrippedJar(bytes, bytes.length, bytes.length, false, List.of()), hash);
                } catch (IOException | UncheckedIOException e) {
                    throw new PackagingException(
                            "Cannot jar the classes folder " + file + " of reactor module "
                                    + p.artifact().coordinates() + ": " + e.getMessage()
                                    + ". Build that module again (e.g. "
                                    + "`mvn package` from the reactor root).",
                            e);
                }
            }
            if (!Files.isRegularFile(file)) {
                throw new PackagingException("Dependency " + p.artifact().coordinates() + " has no file (" + file
                        + "). Run the build so Maven resolves it, e.g. `mvn package`.");
            }
            HashCache.Read read;
            try {
                read = hashes.read(file);
            } catch (UncheckedIOException e) {
                throw new PackagingException(
                        "Cannot read dependency " + p.artifact().coordinates() + " (" + file
                                + "): " + e.getCause().getMessage()
                                + ". Check the file's permissions, or delete it from your "
                                + "local Maven repository so Maven downloads it again.",
                        e);
            }
            return new Stripped(stripper.strip(p.artifact(), file, read.bytes()), read.sha256());
        }
    }

    /** A reactor module's classes folder as a reproducible jar (written to {@code jar}, returned as bytes). */
    private static byte[] jarDirectory(Path dir, Path jar, PackageRequest request) throws IOException {
        List<ReproducibleZipWriter.Source> sources = new ArrayList<>();
        for (Path f : regularFiles(dir)) {
            sources.add(ReproducibleZipWriter.Source.file(
                    dir.relativize(f).toString().replace('\\', '/'), f));
        }
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            new ReproducibleZipWriter(request.outputTimestamp(), request.compression(), single, 1).write(jar, sources);
        } finally {
            single.shutdownNow();
        }
        return Files.readAllBytes(jar);
    }

    /** A zip written under its private name {@code temp}, to be renamed to {@code target}; {@code sha256} in hex. */
    private record Unpublished(Path temp, Path target, String sha256) {}

    /** A stripped jar and the content hash of the input it was made from. */
    private record Stripped(StrippedJar jar, String inputHash) {}

    /** What the manifest records of a stripped jar. */
    private record JarOutcome(
            long originalBytes, long finalBytes, boolean signed, List<Removal> removed, String inputHash) {}

    private static List<Path> regularFiles(Path dir) throws IOException {
        return FileTrees.regularFiles(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = FileTrees.sorted(dir);
        Collections.reverse(all);
        for (Path p : all) {
            Files.delete(p);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PackagingException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new PackagingException(String.valueOf(c.getMessage()), c);
        }
    }
}
