import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The benchmark driver: makes the same Lambda java/lib layer from the same dependency set in several ways, in one
 * run on one machine, and writes the numbers side by side (benchmark/target/results.json and results.md); then
 * deploys it to a local moto_server as zips and as a container image pushed to a local docker-registry.
 *
 * <p>Run it from the repository root with {@code benchmark/run} (which installs the plugin first) or directly:
 * {@code java benchmark/Benchmark.java [--smoke] [--runs N] [--inputs medium,large] [--compare-version V]
 * [--skip-deploy] [--maven-repo DIR] [--release-cache DIR]}. Each input (a project in benchmark/projects/) is measured
 * on its own: every path interleaved by round, the I/O floor of its jars, no-op rebuilds; the deploys use the last.
 * {@code --compare-version V} adds lambda:package of plugin version V (from the local repository) as one more path.
 * With {@code --fleet [--sizes 8,32] [--smoke]} it runs only the fleet benchmark instead (see {@link FleetBench}).
 * Everything it writes goes under benchmark/target/.
 */
public class Benchmark {

    /** The region every deploy of the benchmark goes to (moto answers for any). */
    private static final String REGION = "us-east-1";
    /** The zips part of lambda:package (placement, stripping, zipping, incremental checks, manifest). */
    private static final Pattern ZIPS_TIME = Pattern.compile("(\\d+) zip\\(s\\) built, (\\d+) reused in (\\d+) ms");
    /** The whole goal: the zips plus the size reports and budget check (plugins before 0.1.0's issue-8 fix lack it). */
    private static final Pattern GOAL_TIME = Pattern.compile("lambda:package took (\\d+) ms");

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Benchmark b = new Benchmark(o);
        if (o.fleet()) {
            b.new FleetBench().run();
        } else {
            b.run();
        }
    }

    /** {@code fleet}: only the fleet benchmark, over {@code sizes} modules; the other mode's options do not apply. */
    record Options(
            boolean smoke,
            int runs,
            Path root,
            Path mavenRepo,
            Path releaseCache,
            boolean skipDeploy,
            boolean fleet,
            List<Integer> sizes,
            List<String> inputs,
            String compareVersion) {
        /** The packaging inputs by name, each a project in benchmark/projects/. */
        static final Map<String, String> INPUTS = Map.of("medium", "medium-layer", "large", "large-layer");

        static Options parse(String[] args) {
            boolean smoke = false;
            int runs = -1;
            Path repo = null;
            Path cache = null;
            boolean skipDeploy = false;
            boolean fleet = false;
            List<Integer> sizes = null;
            List<String> inputs = null;
            String compareVersion = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--smoke" -> smoke = true;
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--maven-repo" -> repo = Path.of(args[++i]).toAbsolutePath();
                    case "--release-cache" -> cache = Path.of(args[++i]).toAbsolutePath();
                    case "--skip-deploy" -> skipDeploy = true;
                    case "--fleet" -> fleet = true;
                    case "--inputs" -> inputs = List.of(args[++i].split(","));
                    case "--compare-version" -> compareVersion = args[++i];
                    case "--sizes" ->
                        sizes = Stream.of(args[++i].split(","))
                                .map(String::trim)
                                .map(Integer::parseInt)
                                .toList();
                    default ->
                        throw new IllegalArgumentException(
                                "unknown option " + args[i]
                                        + "; use --smoke, --runs N, --inputs medium,large, --compare-version V,"
                                        + " --maven-repo DIR, --release-cache DIR, --skip-deploy, or --fleet with --sizes 8,32, --smoke, --maven-repo DIR, --release-cache DIR");
                }
            }
            if (fleet && (runs > 0 || skipDeploy)) {
                throw new IllegalArgumentException(
                        "--runs and --skip-deploy do not apply to --fleet; use --sizes 8,32" + " or --smoke");
            }
            if (fleet && (inputs != null || compareVersion != null)) {
                throw new IllegalArgumentException("--inputs and --compare-version do not apply to --fleet");
            }
            if (smoke && inputs != null) {
                throw new IllegalArgumentException("--smoke has its own tiny input; leave out --inputs");
            }
            if (inputs != null && (inputs.isEmpty() || !INPUTS.keySet().containsAll(inputs))) {
                throw new IllegalArgumentException("--inputs takes medium, large or both (medium,large)");
            }
            if (!fleet && sizes != null) {
                throw new IllegalArgumentException("--sizes is an option of the fleet benchmark; add --fleet");
            }
            if (fleet) {
                sizes = smoke ? List.of(2) : sizes == null ? List.of(8, 32) : sizes;
                if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1 || n > 999)) {
                    throw new IllegalArgumentException(
                            "--sizes takes numbers of modules from 1 to 999, e.g. --sizes 8,32");
                }
            }
            Path root = Path.of("").toAbsolutePath();
            if (!Files.isRegularFile(root.resolve("benchmark/Benchmark.java"))) {
                throw new IllegalStateException("run the benchmark from the repository root (benchmark/run does)");
            }
            return new Options(
                    smoke,
                    runs > 0 ? runs : smoke ? 1 : 5,
                    root,
                    repo,
                    cache,
                    skipDeploy,
                    fleet,
                    sizes == null ? List.of() : sizes,
                    smoke ? List.of("smoke") : inputs == null ? List.of("medium", "large") : inputs,
                    compareVersion);
        }

        /** The project folder of an input. */
        static String project(String input) {
            return INPUTS.getOrDefault(input, input);
        }
    }

    /**
     * One timed Maven (or zip) run. {@code pluginMs} is the whole lambda:package goal (falling back to its zips part
     * for plugins that do not log the whole), {@code zipsMs} the zips part; -1 when the run has no lambda:package.
     */
    record Timing(long wallMs, long pluginMs, long zipsMs) {}

    private final Options o;
    private final Path out;
    private final Path work;
    private final Path logs;
    private final String pluginVersion;
    private int logCounter;

    Benchmark(Options o) throws IOException {
        this.o = o;
        this.out = o.root().resolve("benchmark/target");
        this.work = out.resolve("work");
        this.logs = out.resolve(o.fleet() ? "fleet-logs" : "logs");
        this.pluginVersion = fromRootPom("<artifactId>lambda-deploy-parent</artifactId>\\s*<version>([^<]+)</version>");
    }

    void run() throws Exception {
        deleteTree(work);
        deleteTree(logs);
        Files.createDirectories(logs);
        copyTree(o.root().resolve("benchmark/projects"), work);
        say("benchmark inputs: " + o.inputs() + " (" + o.runs() + " timed run(s) per path), plugin " + pluginVersion
                + (o.compareVersion() == null ? "" : ", compared with " + o.compareVersion()));

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine());
        results.put("runs", o.runs());
        results.put("pluginVersion", pluginVersion);
        if (o.compareVersion() != null) {
            results.put("compareVersion", o.compareVersion());
        }
        List<Object> inputs = new ArrayList<>();
        Path dir = null;
        for (String input : o.inputs()) {
            dir = work.resolve(Options.project(input));
            inputs.add(packaging(input, dir));
        }
        results.put("inputs", inputs);
        // The deploys use the last (by default the large) input.
        if (o.skipDeploy()) {
            results.put("deploy", Map.of("skipped", "--skip-deploy"));
            results.put("image", Map.of("skipped", "--skip-deploy"));
        } else {
            results.put("deployInput", o.inputs().get(o.inputs().size() - 1));
            DeployBench deploy = new DeployBench(dir);
            results.put("deploy", deploy.run());
            results.put("image", deploy.image());
        }

        Files.createDirectories(out);
        writeResults("results", results, markdown(results));
    }

    /**
     * Every packaging path on one input, interleaved by round, with the I/O floor and the no-op rebuilds: the result
     * object of one input in results.json.
     */
    private Map<String, Object> packaging(String input, Path dir) throws Exception {
        say("input " + input + " (" + dir.getFileName() + ")");
        // Warm-up: resolves every plugin and dependency once and fills the OS file cache; not counted. The smoke run
        // (CI) only checks that every path still works, so it skips this.
        if (!o.smoke()) {
            for (String profile : List.of("", "bench-lambda", "bench-assembly", "bench-copy")) {
                maven(dir, "warm-up " + profile, "clean", "package", profile);
            }
            if (o.compareVersion() != null) {
                maven(
                        dir,
                        "warm-up lambda " + o.compareVersion(),
                        List.of("clean", "package"),
                        "bench-lambda",
                        List.of(),
                        Map.of(),
                        o.compareVersion());
            }
        }
        // The I/O floor reads the same jars: a copy outside target/ (same bytes as in the local repository), made from
        // the first round's copy-dependencies.
        Path floorJars = work.resolve("floor-" + input);
        int jarCount = 0;
        boolean floorTools =
                !isWindows() && commandExists("bash") && commandExists("tee") && commandExists("sha256sum");

        // The paths run interleaved, one run of each per round, so a machine that gets slower or faster during the
        // benchmark (shared hosts do) shifts every path alike instead of whichever ran in that stretch.
        boolean zipInstalled = commandExists("zip");
        List<TimedPath> paths = new ArrayList<>();
        TimedPath baselinePath = new TimedPath("baseline", "", List.of(), null, pluginVersion, false);
        TimedPath lambdaPath =
                new TimedPath("lambda", "bench-lambda", List.of(), "target/lambda/layers", pluginVersion, true);
        TimedPath comparePath = o.compareVersion() == null
                ? null
                : new TimedPath(
                        "lambda " + o.compareVersion(),
                        "bench-lambda",
                        List.of(),
                        "target/lambda/layers",
                        o.compareVersion(),
                        true);
        // <compressionLevel>0: every entry stored, the fastest build (larger zip)
        TimedPath storedPath = new TimedPath(
                "lambda level 0",
                "bench-lambda",
                List.of("-Dlambda.package.compressionLevel=0"),
                "target/lambda/layers",
                pluginVersion,
                false);
        // <deflateJarData>true: jars deflated whole, their compressed entry data included (smallest zip)
        TimedPath wholePath = new TimedPath(
                "lambda deflateJarData",
                "bench-lambda",
                List.of("-Dlambda.package.deflateJarData=true"),
                "target/lambda/layers",
                pluginVersion,
                false);
        TimedPath assemblyPath = new TimedPath("assembly", "bench-assembly", List.of(), "target", pluginVersion, false);
        paths.addAll(List.of(baselinePath, lambdaPath));
        if (comparePath != null) {
            paths.add(comparePath);
        }
        paths.addAll(List.of(storedPath, wholePath, assemblyPath));
        List<Timing> zip9 = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        ZipSizes zip9Sizes = null;
        long originalJarBytes = 0;
        for (int i = 0; i < o.runs(); i++) {
            for (TimedPath path : paths) {
                maven(dir, "clean", "clean", "");
                path.runs.add(
                        maven(dir, path.name, List.of("package"), path.profile, path.extra, Map.of(), path.version));
                if (path.zipDir != null) {
                    path.sizes =
                            ZipSizes.of(single(dir.resolve(path.zipDir), path == assemblyPath ? "-layer.zip" : ".zip"));
                }
                if (path.noops) {
                    // No-op rebuilds: `mvn package` again, nothing changed; the first one right after the build (it
                    // finds zips written moments ago), then a second.
                    path.firstNoop.add(maven(
                            dir,
                            path.name + " no-op 1",
                            List.of("package"),
                            path.profile,
                            path.extra,
                            Map.of(),
                            path.version));
                    path.secondNoop.add(maven(
                            dir,
                            path.name + " no-op 2",
                            List.of("package"),
                            path.profile,
                            path.extra,
                            Map.of(),
                            path.version));
                }
            }
            maven(dir, "clean", "clean", "");
            Timing copy = maven(dir, "copy-dependencies", "package", "bench-copy");
            Path zip9Dir = dir.resolve("target/zip9");
            originalJarBytes = sizeOfTree(zip9Dir.resolve("java/lib"));
            if (zipInstalled) {
                long start = System.nanoTime();
                exec(zip9Dir, "zip -9", List.of("zip", "-9", "-X", "-r", "-q", "layer.zip", "java"));
                long zipMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
                zip9.add(new Timing(copy.wallMs() + zipMs, -1, -1));
                zip9Sizes = ZipSizes.of(zip9Dir.resolve("layer.zip"));
            }
            if (i == 0) {
                deleteTree(floorJars);
                Files.createDirectories(floorJars);
                try (Stream<Path> s = Files.list(zip9Dir.resolve("java/lib"))) {
                    for (Path jar : s.toList()) {
                        Files.copy(jar, floorJars.resolve(jar.getFileName()));
                        jarCount++;
                    }
                }
            }
            if (floorTools) {
                floor.add(ioFloor(floorJars));
            }
        }
        for (TimedPath path : paths) {
            say(String.format(
                    Locale.ROOT,
                    "%-10s median %,d ms over %d run(s)",
                    path.name,
                    median(path.runs, Timing::wallMs),
                    path.runs.size()));
        }
        List<Timing> baseline = baselinePath.runs;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("input", input);
        result.put("project", dir.getFileName().toString());
        result.put("jars", jarCount);
        result.put("jarBytes", sizeOfTree(floorJars));
        Map<String, Object> floorResult = new LinkedHashMap<>();
        if (floorTools) {
            floorResult.put("command", "cat JARS | tee OUT | sha256sum");
            floorResult.put("msMedian", median(floor, Long::longValue));
            floorResult.put("msAll", floor);
        } else {
            floorResult.put("skipped", "needs bash, tee and sha256sum");
        }
        result.put("ioFloor", floorResult);

        long base = median(baseline, Timing::wallMs);
        Map<String, Object> packaging = new LinkedHashMap<>();
        packaging.put("unstrippedJarBytes", originalJarBytes);
        packaging.put("mavenBaselineWallMs", base);
        packaging.put(
                "mavenBaselineWallMsAll", baseline.stream().map(Timing::wallMs).toList());
        Map<String, Object> assembly = path(assemblyPath.runs, baseline, assemblyPath.sizes, null, null);
        packaging.put("lambdaPackage", path(lambdaPath.runs, baseline, lambdaPath.sizes, assemblyPath.runs, floor));
        if (comparePath != null) {
            packaging.put(
                    "lambdaPackageCompareVersion",
                    path(comparePath.runs, baseline, comparePath.sizes, assemblyPath.runs, floor));
        }
        packaging.put(
                "lambdaPackageLevel0", path(storedPath.runs, baseline, storedPath.sizes, assemblyPath.runs, floor));
        packaging.put(
                "lambdaPackageDeflateJarData",
                path(wholePath.runs, baseline, wholePath.sizes, assemblyPath.runs, floor));
        packaging.put("assemblyPlugin", assembly);
        packaging.put(
                "copyDependenciesPlusZip9",
                zipInstalled
                        ? path(zip9, baseline, zip9Sizes, assemblyPath.runs, null)
                        : Map.of("skipped", "zip is not installed (apt-get install zip)"));
        result.put("packaging", packaging);
        result.put("noopRebuild", noops(lambdaPath));
        if (comparePath != null) {
            result.put("noopRebuildCompareVersion", noops(comparePath));
        }
        return result;
    }

    /** The no-op rebuilds of a lambda path next to its full builds. */
    private static Map<String, Object> noops(TimedPath path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pluginVersion", path.version);
        m.put("fullPluginMs", median(path.runs, Timing::pluginMs));
        m.put("firstNoopPluginMs", median(path.firstNoop, Timing::pluginMs));
        m.put(
                "firstNoopPluginMsAll",
                path.firstNoop.stream().map(Timing::pluginMs).toList());
        m.put("secondNoopPluginMs", median(path.secondNoop, Timing::pluginMs));
        m.put(
                "secondNoopPluginMsAll",
                path.secondNoop.stream().map(Timing::pluginMs).toList());
        m.put("fullZipsMs", median(path.runs, Timing::zipsMs));
        m.put("firstNoopZipsMs", median(path.firstNoop, Timing::zipsMs));
        m.put("secondNoopZipsMs", median(path.secondNoop, Timing::zipsMs));
        m.put("fullWallMs", median(path.runs, Timing::wallMs));
        m.put("firstNoopWallMs", median(path.firstNoop, Timing::wallMs));
        m.put("secondNoopWallMs", median(path.secondNoop, Timing::wallMs));
        return m;
    }

    /**
     * The I/O floor of packaging these jars: read them all, write the same bytes to one file and SHA-256 them, with
     * coreutils (one pass, one core for the hash); the output file is deleted afterwards, untimed.
     */
    private long ioFloor(Path jars) throws IOException, InterruptedException {
        Path outFile = work.resolve("floor.out");
        long start = System.nanoTime();
        exec(jars, "io floor", List.of("bash", "-c", "cat -- * | tee " + outFile + " | sha256sum"));
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        Files.deleteIfExists(outFile);
        return ms;
    }

    /** Writes benchmark/target/NAME.json and NAME.md and prints the Markdown. */
    private void writeResults(String name, Map<String, Object> results, String md) throws IOException {
        Files.writeString(out.resolve(name + ".json"), Json.write(results) + "\n");
        Files.writeString(out.resolve(name + ".md"), md);
        System.out.println();
        System.out.println(md);
        say("wrote " + o.root().relativize(out.resolve(name + ".json")) + " and "
                + o.root().relativize(out.resolve(name + ".md")) + "; Maven logs in "
                + o.root().relativize(logs));
    }

    /**
     * {@code overBaselineMs} is the median over the rounds of this path's run minus the baseline run of the same
     * round: the paths run interleaved, so each difference compares runs made moments apart.
     */
    private Map<String, Object> path(
            List<Timing> runs, List<Timing> baseline, ZipSizes sizes, List<Timing> assembly, List<Long> floor) {
        Map<String, Object> m = new LinkedHashMap<>();
        long wall = median(runs, Timing::wallMs);
        m.put("wallMsMedian", wall);
        m.put("wallMsAll", runs.stream().map(Timing::wallMs).toList());
        List<Long> over = overBaseline(runs, baseline);
        m.put("overBaselineMsAll", over);
        long overMedian = Math.max(0, median(over, Long::longValue));
        m.put("overBaselineMs", overMedian);
        if (assembly != null) {
            // the targets' ratio: the medians' (as issue 18 states it), and each round's for the spread
            List<Long> assemblyOver = overBaseline(assembly, baseline);
            long assemblyMedian = median(assemblyOver, Long::longValue);
            m.put("overBaselineVsAssembly", ratio(overMedian, assemblyMedian));
            List<Object> perRound = new ArrayList<>();
            for (int i = 0; i < Math.min(over.size(), assemblyOver.size()); i++) {
                perRound.add(ratio(over.get(i), assemblyOver.get(i)));
            }
            m.put("overBaselineVsAssemblyAll", perRound);
        }
        long plugin = median(runs, Timing::pluginMs);
        if (plugin >= 0) {
            m.put("pluginMsMedian", plugin);
            m.put("pluginMsAll", runs.stream().map(Timing::pluginMs).toList());
            if (floor != null && !floor.isEmpty()) {
                m.put("pluginVsIoFloor", ratio(plugin, median(floor, Long::longValue)));
            }
        }
        m.put("zippedBytes", sizes.zipped());
        m.put("unzippedBytes", sizes.unzipped());
        m.put("entries", sizes.entries());
        return m;
    }

    private static List<Long> overBaseline(List<Timing> runs, List<Timing> baseline) {
        List<Long> over = new ArrayList<>();
        for (int i = 0; i < Math.min(runs.size(), baseline.size()); i++) {
            over.add(runs.get(i).wallMs() - baseline.get(i).wallMs());
        }
        return over;
    }

    /** {@code part / whole} to two decimals, or "n/a" when whole is not positive (a noisy round can make it so). */
    private static Object ratio(long part, long whole) {
        return whole <= 0 ? "n/a" : Math.round(100.0 * part / whole) / 100.0;
    }

    /**
     * One packaging path timed by {@code mvn package}; {@code zipDir} holds the zip it makes (null: none),
     * {@code version} is the plugin version it uses, {@code noops} whether each build is followed by two no-op builds.
     */
    private static final class TimedPath {
        final String name;
        final String profile;
        final List<String> extra;
        final String zipDir;
        final String version;
        final boolean noops;
        final List<Timing> runs = new ArrayList<>();
        final List<Timing> firstNoop = new ArrayList<>();
        final List<Timing> secondNoop = new ArrayList<>();
        ZipSizes sizes;

        TimedPath(String name, String profile, List<String> extra, String zipDir, String version, boolean noops) {
            this.name = name;
            this.profile = profile;
            this.extra = extra;
            this.zipDir = zipDir;
            this.version = version;
            this.noops = noops;
        }
    }

    private Timing maven(Path dir, String label, String goal, String profile) throws IOException, InterruptedException {
        return maven(dir, label, List.of(goal), profile);
    }

    private Timing maven(Path dir, String label, String goal1, String goal2, String profile)
            throws IOException, InterruptedException {
        return maven(dir, label, List.of(goal1, goal2), profile);
    }

    private Timing maven(Path dir, String label, List<String> goals, String profile)
            throws IOException, InterruptedException {
        return maven(dir, label, goals, profile, List.of(), Map.of());
    }

    private Timing maven(
            Path dir, String label, List<String> goals, String profile, List<String> extra, Map<String, String> env)
            throws IOException, InterruptedException {
        return maven(dir, label, goals, profile, extra, env, pluginVersion);
    }

    /** {@code version}: the plugin version the benchmark projects use (bench-parent's lambda-deploy.version). */
    private Timing maven(
            Path dir,
            String label,
            List<String> goals,
            String profile,
            List<String> extra,
            Map<String, String> env,
            String version)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(o.root().resolve(isWindows() ? "mvnw.cmd" : "mvnw").toString());
        cmd.addAll(List.of("-B", "-ntp", "-Dlambda-deploy.version=" + version));
        if (o.mavenRepo() != null) {
            cmd.add("-Dmaven.repo.local=" + o.mavenRepo());
        }
        if (o.releaseCache() != null) {
            cmd.add("-s");
            cmd.add(settingsWithReleaseCache().toString());
        }
        if (!profile.isEmpty()) {
            cmd.add("-P" + profile);
        }
        cmd.addAll(extra);
        cmd.addAll(goals);
        long start = System.nanoTime();
        String log = exec(dir, label, cmd, env);
        long wall = Duration.ofNanos(System.nanoTime() - start).toMillis();
        long zips = lastNumber(ZIPS_TIME.matcher(log), 3);
        long goal = lastNumber(GOAL_TIME.matcher(log), 1);
        return new Timing(wall, goal >= 0 ? goal : zips, zips);
    }

    private static long lastNumber(Matcher m, int group) {
        long n = -1;
        while (m.find()) {
            n = Long.parseLong(m.group(group));
        }
        return n;
    }

    private Path settingsWithReleaseCache() throws IOException {
        Path settings = out.resolve("settings.xml");
        if (!Files.exists(settings)) {
            String url = o.releaseCache().toUri().toString();
            String repo = "<id>release-cache</id><url>" + url + "</url><releases><enabled>true</enabled>"
                    + "<checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>";
            Files.writeString(
                    settings,
                    "<settings><profiles><profile><id>release-cache</id>"
                            + "<repositories><repository>" + repo + "</repository></repositories>"
                            + "<pluginRepositories><pluginRepository>" + repo
                            + "</pluginRepository></pluginRepositories>"
                            + "</profile></profiles><activeProfiles><activeProfile>release-cache</activeProfile>"
                            + "</activeProfiles></settings>\n");
        }
        return settings;
    }

    private String exec(Path dir, String label, List<String> cmd) throws IOException, InterruptedException {
        return exec(dir, label, cmd, Map.of());
    }

    private String exec(Path dir, String label, List<String> cmd, Map<String, String> env)
            throws IOException, InterruptedException {
        Path log = logs.resolve(String.format(
                Locale.ROOT, "%03d-%s.log", ++logCounter, label.trim().replaceAll("[^A-Za-z0-9.-]+", "-")));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        // the plugin must not pick up the caller's AWS settings (profile, retries, real endpoints)
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        int rc = p.waitFor();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (rc != 0) {
            throw new IllegalStateException(label + " failed (exit " + rc + "): " + String.join(" ", cmd) + "\nsee "
                    + log + "\n" + tail(text, 40));
        }
        return text;
    }

    private static java.io.File nullFile() {
        return new java.io.File(isWindows() ? "NUL" : "/dev/null");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
    }

    private static boolean commandExists(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, name))) {
                return true;
            }
        }
        return false;
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static <T> long median(List<T> runs, java.util.function.ToLongFunction<T> f) {
        long[] v = runs.stream().mapToLong(f).sorted().toArray();
        if (v.length == 0) {
            return -1;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Path single(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found =
                    s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one *" + suffix + " in " + dir + ", found " + found);
            }
            return found.get(0);
        }
    }

    private static long sizeOfTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(p -> !p.toString().contains("/target/")).toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Group 1 of {@code regex} in the root pom.xml (the project version, a pinned dependency version). */
    private String fromRootPom(String regex) throws IOException {
        Path rootPom = o.root().resolve("pom.xml");
        Matcher m = Pattern.compile(regex).matcher(Files.readString(rootPom));
        if (!m.find()) {
            throw new IllegalStateException("cannot find " + regex + " in " + rootPom);
        }
        return m.group(1);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        m.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("cpuModel", cpuModel());
        return m;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    private void say(String s) {
        System.out.println((o.fleet() ? "[fleet-benchmark] " : "[benchmark] ") + s);
    }

    /**
     * The fleet benchmark (issue 14, {@code --fleet}): a generated reactor of N function modules that share one layer,
     * deployed to a local moto_server with {@code mvn package lambda:deploy}, sequentially and with {@code -T 4}: first
     * deploy (moto reset, clean build) and unchanged redeploy. For each run it records the Maven wall time, the AWS
     * calls the plugin counted (reactor-deploy-result.json and each module's deploy-result.json), the HTTP requests
     * moto logged for the run (an independent count, by operation), the bytes uploaded, what the deploy bucket holds,
     * and how many layer versions exist afterwards (must be 1). It writes the reactors to benchmark/target/fleet-N/,
     * Maven logs to fleet-logs/ and the results to fleet.json and fleet.md.
     */
    final class FleetBench {

        private static final String PREFIX = "bench-fleet-";
        /** One request line of moto's (werkzeug's) log. */
        private static final Pattern REQUEST = Pattern.compile("\"([A-Z]+) (\\S+) HTTP/[\\d.]+\" (\\d{3})");

        /** The two ways the reactor is built: one module after the other, or four at a time. */
        record Mode(String name, List<String> mavenArgs) {}

        private static final List<Mode> MODES =
                List.of(new Mode("sequential", List.of()), new Mode("-T 4", List.of("-T", "4")));

        private final String jacksonVersion;
        private Moto moto;
        /** The deploy bucket the last deploy of this size and mode named. */
        private String deployBucket;

        FleetBench() throws IOException {
            this.jacksonVersion = fromRootPom("<jackson.version>([^<]+)</jackson.version>");
        }

        void run() throws Exception {
            deleteTree(logs);
            Files.createDirectories(logs);
            say("fleet benchmark: sizes " + o.sizes() + ", modes "
                    + MODES.stream().map(Mode::name).toList() + ", plugin " + pluginVersion
                    + ", shared layer jackson-databind " + jacksonVersion);
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("machine", machine());
            results.put("loadBefore", loadAverage());
            List<Map<String, Object>> rows = new ArrayList<>();

            try (Moto started = new Moto("fleet-moto")) {
                moto = started;
                for (int n : o.sizes()) {
                    Path dir = generate(n);
                    for (Mode mode : MODES) {
                        rows.addAll(measure(dir, n, mode));
                        // written after every mode, so an interrupted run still leaves what it measured
                        results.put("runs", rows);
                        Files.writeString(out.resolve("fleet.json"), Json.write(results) + "\n");
                    }
                }
            }
            results.put("loadAfter", loadAverage());
            results.put("runs", rows);
            writeResults("fleet", results, markdown(results));
            List<String> problems = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                if ((long) r.get("layerVersions") != 1 || (long) r.get("distinctLayerArns") != 1) {
                    problems.add(r.get("functions") + " functions, " + r.get("mode") + ", " + r.get("step") + ": "
                            + r.get("layerVersions") + " layer version(s), " + r.get("distinctLayerArns")
                            + " distinct layer ARN(s) on the functions");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "the fleet did not converge on one layer version:\n  " + String.join("\n  ", problems));
            }
        }

        // ---- The generated reactor -------------------------------------------------------------------------------

        /**
         * benchmark/target/fleet-N: a parent that declares the shared dependency and the plugin (one shared layer via
         * defaultLayerName, one function per module) and N modules f01..fNN, each with its own tiny handler.
         */
        private Path generate(int n) throws IOException {
            Path dir = out.resolve("fleet-" + n);
            deleteTree(dir);
            Files.createDirectories(dir);
            StringBuilder modules = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                String m = module(i);
                modules.append("    <module>").append(m).append("</module>\n");
                Files.createDirectories(dir.resolve(m + "/src/main/java/bench/fleet/" + m));
                Files.writeString(dir.resolve(m + "/pom.xml"), """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <project xmlns="http://maven.apache.org/POM/4.0.0">
                          <modelVersion>4.0.0</modelVersion>
                          <parent>
                            <groupId>dev.lambdadeploy.benchmark.fleet</groupId>
                            <artifactId>fleet</artifactId>
                            <version>1.0.0</version>
                          </parent>
                          <artifactId>%s</artifactId>
                        </project>
                        """.formatted(m));
                Files.writeString(
                        dir.resolve(m + "/src/main/java/bench/fleet/" + m + "/Handler.java"), """
                        package bench.fleet.%s;

                        import java.util.Map;

                        /** Function %s of the benchmark fleet. */
                        public class Handler {
                            public Map<String, String> handleRequest(Map<String, String> event) {
                                return Map.of("function", "%s", "input", String.valueOf(event));
                            }
                        }
                        """.formatted(m, m, m));
            }
            Files.writeString(
                    dir.resolve("pom.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!-- Generated by the fleet mode of benchmark/Benchmark.java: %d function modules sharing one layer. -->
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>dev.lambdadeploy.benchmark.fleet</groupId>
                      <artifactId>fleet</artifactId>
                      <version>1.0.0</version>
                      <packaging>pom</packaging>
                      <modules>
                    %s  </modules>
                      <properties>
                        <maven.compiler.release>17</maven.compiler.release>
                        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                        <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
                      </properties>
                      <!-- every module has the same third-party jars, so every module's layer has the same content -->
                      <dependencies>
                        <dependency>
                          <groupId>com.fasterxml.jackson.core</groupId>
                          <artifactId>jackson-databind</artifactId>
                          <version>%s</version>
                        </dependency>
                      </dependencies>
                      <build>
                        <pluginManagement>
                          <plugins>
                            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-clean-plugin</artifactId><version>3.5.0</version></plugin>
                            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-install-plugin</artifactId><version>3.1.4</version></plugin>
                          </plugins>
                        </pluginManagement>
                        <plugins>
                          <plugin>
                            <groupId>dev.lambdadeploy</groupId>
                            <artifactId>lambda-deploy-maven-plugin</artifactId>
                            <version>%s</version>
                            <executions>
                              <execution>
                                <goals>
                                  <goal>package</goal>
                                </goals>
                              </execution>
                            </executions>
                            <configuration>
                              <defaultLayerName>shared-deps</defaultLayerName>
                              <layerPrefix>%s</layerPrefix>
                              <functionNames>
                                <functionName>%s${project.artifactId}</functionName>
                              </functionNames>
                              <handler>bench.fleet.${project.artifactId}.Handler::handleRequest</handler>
                              <role>arn:aws:iam::123456789012:role/bench-fleet-role</role>
                              <deployMode>s3</deployMode>
                              <deployBucket>bench-fleet-{region}</deployBucket>
                              <createBucket>true</createBucket>
                            </configuration>
                          </plugin>
                        </plugins>
                      </build>
                    </project>
                    """.formatted(n, modules, jacksonVersion, pluginVersion, PREFIX, PREFIX));
            return dir;
        }

        private static String module(int i) {
            return String.format(Locale.ROOT, "f%02d", i);
        }

        // ---- One size, one mode: first deploy and unchanged redeploy ---------------------------------------------

        private List<Map<String, Object>> measure(Path dir, int n, Mode mode) throws Exception {
            say(n + " functions, " + mode.name() + ": moto reset, clean, first deploy, unchanged redeploy");
            // A really first deploy: no function, layer, bucket or role left from the previous mode.
            moto.post("/moto-api/reset", "", "application/json");
            deployBucket = null;
            moto.createRole("bench-fleet-role");
            mvn(dir, n + "-" + mode.name() + " clean", List.of("clean"), mode);
            List<Map<String, Object>> rows = new ArrayList<>();
            rows.add(step(dir, n, mode, "first deploy"));
            rows.add(step(dir, n, mode, "unchanged redeploy"));
            return rows;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> step(Path dir, int n, Mode mode, String step) throws Exception {
            long motoLogBefore = Files.exists(moto.log()) ? Files.size(moto.log()) : 0;
            long wall = mvn(dir, n + "-" + mode.name() + " " + step, List.of("package", "lambda:deploy"), mode);
            Map<String, Long> requests = motoRequests(motoLogBefore);

            Map<String, Object> reactor =
                    JsonRead.object(Files.readString(dir.resolve("target/lambda/reactor-deploy-result.json")));
            long functions = (long) reactor.get("functions");
            long modules = (long) reactor.get("modules");
            long calls = (long) reactor.get("awsCalls");
            if (modules != n || functions != n || (long) reactor.get("failedFunctions") != 0) {
                throw new IllegalStateException("reactor-deploy-result.json of " + dir + " lists " + modules
                        + " module(s), " + functions + " function(s), " + reactor.get("failedFunctions")
                        + " failed; expected " + n + " and 0");
            }
            // Each module's own result: its calls and attempts, what it did with the layer and its function.
            List<Long> moduleCalls = new ArrayList<>();
            long attempts = 0;
            long layerBytes = 0;
            long functionBytes = 0;
            long maxModuleMs = 0;
            long sumModuleMs = 0;
            Map<String, Long> layerActions = new TreeMap<>();
            Map<String, Long> functionActions = new TreeMap<>();
            Set<String> layerArns = new LinkedHashSet<>();
            String layerName = null;
            String bucket = deployBucket;
            for (int i = 1; i <= n; i++) {
                Map<String, Object> r =
                        JsonRead.object(Files.readString(dir.resolve(module(i) + "/target/lambda/deploy-result.json")));
                moduleCalls.add((long) r.get("awsCalls"));
                attempts += (long) r.get("awsAttempts");
                long ms = (long) r.get("durationMillis");
                maxModuleMs = Math.max(maxModuleMs, ms);
                sumModuleMs += ms;
                for (Object reg : (List<Object>) r.get("regions")) {
                    Map<String, Object> region = JsonRead.object(reg);
                    bucket = (String) region.getOrDefault("bucket", bucket);
                    for (Object l : (List<Object>) region.get("layers")) {
                        Map<String, Object> layer = JsonRead.object(l);
                        layerName = (String) layer.get("layerName");
                        layerActions.merge((String) layer.get("action"), 1L, Long::sum);
                        layerBytes += ((Number) layer.getOrDefault("bytesUploaded", 0L)).longValue();
                    }
                    for (Object f : (List<Object>) region.get("functions")) {
                        Map<String, Object> fn = JsonRead.object(f);
                        functionActions.merge((String) fn.get("code"), 1L, Long::sum);
                        functionBytes += ((Number) fn.getOrDefault("bytesUploaded", 0L)).longValue();
                        layerArns.addAll((List<String>) fn.getOrDefault("layers", List.of()));
                    }
                }
            }
            deployBucket = bucket; // an unchanged redeploy uploads nothing, so its result names no bucket
            long motoTotal =
                    requests.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("functions", (long) n);
            m.put("mode", mode.name());
            m.put("step", step);
            m.put("wallMs", wall);
            m.put("moduleDeployMsMax", maxModuleMs);
            m.put("moduleDeployMsSum", sumModuleMs);
            m.put("awsCalls", calls);
            m.put("awsCallsPerFunction", Math.round(100.0 * calls / n) / 100.0);
            m.put("awsAttempts", attempts);
            m.put(
                    "moduleAwsCallsMin",
                    moduleCalls.stream().mapToLong(Long::longValue).min().orElse(0));
            m.put(
                    "moduleAwsCallsMax",
                    moduleCalls.stream().mapToLong(Long::longValue).max().orElse(0));
            m.put("moduleAwsCalls", moduleCalls);
            m.put("motoRequests", motoTotal);
            m.put("motoRequestsByOperation", new LinkedHashMap<String, Object>(requests));
            m.put("bytesUploaded", (long) reactor.get("bytesUploaded"));
            m.put("layerBytesUploaded", layerBytes);
            m.put("functionBytesUploaded", functionBytes);
            m.put("bucketObjects", bucket == null ? 0L : bucketObjects(bucket).size());
            m.put(
                    "bucketBytes",
                    bucket == null
                            ? 0L
                            : bucketObjects(bucket).stream()
                                    .mapToLong(Long::longValue)
                                    .sum());
            m.put("layerActions", new LinkedHashMap<String, Object>(layerActions));
            m.put("functionCodeActions", new LinkedHashMap<String, Object>(functionActions));
            m.put("layerVersions", layerName == null ? 0L : moto.countLayerVersions(layerName));
            m.put("distinctLayerArns", (long) layerArns.size());
            say(String.format(
                    Locale.ROOT,
                    "  %-18s wall %,d ms, %d AWS calls (%.2f per function; moto saw %d requests),"
                            + " %,d bytes uploaded, %d layer version(s)",
                    step,
                    wall,
                    calls,
                    (double) calls / n,
                    motoTotal,
                    (long) reactor.get("bytesUploaded"),
                    (long) m.get("layerVersions")));
            return m;
        }

        /**
         * The HTTP requests moto logged since {@code offset}, by operation: method and path with the names of this fleet,
         * hashes, numbers and ARNs replaced, so the same operation on different functions counts together. STS and IAM
         * calls are all {@code POST /} (their action is in the body).
         */
        private Map<String, Long> motoRequests(long offset) throws IOException {
            Map<String, Long> ops = new TreeMap<>();
            if (!Files.exists(moto.log())) {
                return ops;
            }
            byte[] all = Files.readAllBytes(moto.log());
            String text = new String(
                    all,
                    (int) Math.min(offset, all.length),
                    (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
            Matcher m = REQUEST.matcher(text);
            while (m.find()) {
                String path = m.group(2);
                int q = path.indexOf('?');
                String query = "";
                if (q >= 0) {
                    query = "?"
                            + Stream.of(path.substring(q + 1).split("&"))
                                    .map(p -> p.split("=", 2)[0])
                                    .collect(Collectors.joining("&"));
                    path = path.substring(0, q);
                }
                path = path.replaceAll("arn(%3A|:)[^/]*", "{arn}")
                        .replaceAll(Pattern.quote(PREFIX) + "f\\d+-function", "{module}-function")
                        .replaceAll(Pattern.quote(PREFIX) + "f\\d+", "{function}")
                        .replaceAll("f\\d+-function", "{module}-function")
                        .replaceAll("[0-9a-f]{64}", "{sha256}")
                        .replaceAll("/\\d+(?=/|$)", "/{n}");
                ops.merge(m.group(1) + " " + path + query, 1L, Long::sum);
            }
            return ops;
        }

        /** S3 ListObjectsV2 of the deploy bucket: the size of every object in it. */
        private List<Long> bucketObjects(String bucket) throws Exception {
            String body = moto.get("/" + bucket + "?list-type=2&max-keys=1000", "s3");
            List<Long> sizes = new ArrayList<>();
            Matcher m = Pattern.compile("<Size>(\\d+)</Size>").matcher(body);
            while (m.find()) {
                sizes.add(Long.parseLong(m.group(1)));
            }
            return sizes;
        }

        /** Runs Maven in the reactor against moto and answers its wall time in ms. */
        private long mvn(Path dir, String label, List<String> goals, Mode mode) throws Exception {
            List<String> extra = new ArrayList<>(mode.mavenArgs());
            extra.addAll(List.of("-Dlambda.endpoint=" + moto.endpoint(), "-Dlambda.region=" + REGION));
            return maven(dir, label, goals, "", extra, awsEnv()).wallMs();
        }

        // ---- Output ----------------------------------------------------------------------------------------------

        @SuppressWarnings("unchecked")
        private static String markdown(Map<String, Object> results) {
            Map<String, Object> machine = (Map<String, Object>) results.get("machine");
            StringBuilder sb = new StringBuilder();
            sb.append(machine.get("cpus"))
                    .append(" CPU(s) ")
                    .append(machine.get("cpuModel"))
                    .append(", ")
                    .append(machine.get("java"))
                    .append(", ")
                    .append(machine.get("date"))
                    .append("; load average before ")
                    .append(results.get("loadBefore"))
                    .append(", after ")
                    .append(results.get("loadAfter"))
                    .append(".\n\n");
            sb.append(
                    "| functions | mode | step | wall ms | deploy ms, slowest module / sum | AWS calls | calls per function "
                            + "| calls per module min–max | moto requests | bytes uploaded | layer versions |\n");
            sb.append("|---:|---|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
            for (Map<String, Object> r : (List<Map<String, Object>>) results.get("runs")) {
                sb.append(String.format(
                        Locale.ROOT,
                        "| %d | %s | %s | %,d | %,d / %,d | %,d | %.2f | %d–%d | %,d | %,d | %d |\n",
                        (long) r.get("functions"),
                        r.get("mode"),
                        r.get("step"),
                        (long) r.get("wallMs"),
                        (long) r.get("moduleDeployMsMax"),
                        (long) r.get("moduleDeployMsSum"),
                        (long) r.get("awsCalls"),
                        ((Number) r.get("awsCallsPerFunction")).doubleValue(),
                        (long) r.get("moduleAwsCallsMin"),
                        (long) r.get("moduleAwsCallsMax"),
                        (long) r.get("motoRequests"),
                        (long) r.get("bytesUploaded"),
                        (long) r.get("layerVersions")));
            }
            sb.append("\nmoto requests by operation (method and path; `POST /` is STS/IAM):\n\n");
            for (Map<String, Object> r : (List<Map<String, Object>>) results.get("runs")) {
                sb.append("- ")
                        .append(r.get("functions"))
                        .append(" functions, ")
                        .append(r.get("mode"))
                        .append(", ")
                        .append(r.get("step"))
                        .append(": ");
                Map<String, Object> ops = (Map<String, Object>) r.get("motoRequestsByOperation");
                sb.append(ops.entrySet().stream()
                                .map(e -> "`" + e.getKey() + "` " + e.getValue())
                                .collect(Collectors.joining(", ")))
                        .append('\n');
            }
            return sb.toString();
        }

        private static String loadAverage() {
            try {
                return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
            } catch (IOException e) {
                return "unknown";
            }
        }
    }

    /**
     * Deploys the benchmark project to a local moto_server three times (first deploy, nothing changed, code-only
     * change) and reads what travelled from target/lambda/deploy-result.json.
     */
    final class DeployBench {
        private final Path dir;
        private Map<String, Object> image;

        DeployBench(Path dir) {
            this.dir = dir;
        }

        /** The image pushes, measured against the same moto after the zip deploys. */
        Map<String, Object> image() {
            return image;
        }

        Map<String, Object> run() throws Exception {
            try (Moto moto = new Moto("moto")) {
                moto.createRole("bench-role");
                Map<String, String> env = awsEnv();
                List<String> props = List.of(
                        "-Dlambda.endpoint=" + moto.endpoint(),
                        "-Dlambda.region=" + REGION,
                        "-Dlambda.functionName=bench-function",
                        "-Dlambda.handler=bench.Handler::handleRequest",
                        "-Dlambda.role=arn:aws:iam::123456789012:role/bench-role",
                        "-Dlambda.deploy.mode=auto",
                        "-Dlambda.deploy.bucket=bench-artifacts",
                        "-Dlambda.deploy.createBucket=true");
                Map<String, Object> steps = new LinkedHashMap<>();
                maven(dir, "clean", "clean", "");
                steps.put("first deploy", step("deploy first", props, env));
                steps.put("nothing changed", step("deploy unchanged", props, env));
                Path handler = dir.resolve("src/main/java/bench/Handler.java");
                Files.writeString(handler, Files.readString(handler).replace("\"hello \"", "\"hello again \""));
                steps.put("code-only change", step("deploy code change", props, env));
                String layerName =
                        firstString(Files.readString(dir.resolve("target/lambda/deploy-result.json")), "layerName");
                steps.put("layerVersions", moto.countLayerVersions(layerName));
                image = new ImageBench(dir, props, env).run();
                return steps;
            }
        }

        private Map<String, Object> step(String label, List<String> props, Map<String, String> env) throws Exception {
            Timing t = maven(dir, label, List.of("package", "lambda:deploy"), "bench-lambda", props, env);
            String json = Files.readString(dir.resolve("target/lambda/deploy-result.json"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wallMs", t.wallMs());
            m.put("deployMs", firstLong(json, "durationMillis"));
            m.put("bytesUploaded", firstLong(json, "bytesUploaded"));
            m.put("layer", firstString(json, "action"));
            m.put("functionCode", firstString(json, "code"));
            return m;
        }
    }

    /** The environment of a Maven run against moto: fixed test credentials, no AWS config or instance metadata. */
    private Map<String, String> awsEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "bench-access-key");
        env.put("AWS_SECRET_ACCESS_KEY", "bench-secret-key");
        env.put("AWS_CONFIG_FILE", out.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", out.resolve("no-aws-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    /**
     * A moto_server on a free loopback port, run by it/src/test-servers/moto.sh with its pid and log in
     * benchmark/target/DIR; close() stops it. The few requests the benchmark makes itself go straight over HTTP with a
     * dummy signature (moto does not check it).
     */
    final class Moto implements AutoCloseable {
        private final Path script = o.root().resolve("it/src/test-servers/moto.sh");
        private final Path dir;
        private final int port;
        private final HttpClient http = HttpClient.newHttpClient();

        Moto(String dirName) throws Exception {
            this.dir = out.resolve(dirName);
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                this.port = s.getLocalPort();
            }
            exec(o.root(), "moto start", command("start"));
            try {
                exec(o.root(), "moto await", command("await"));
            } catch (Exception e) {
                close();
                throw e;
            }
        }

        private List<String> command(String action) {
            return List.of("bash", script.toString(), action, "" + port, dir.toString());
        }

        String endpoint() {
            return "http://127.0.0.1:" + port;
        }

        /** moto's (werkzeug's) log: one line per request it answered. */
        Path log() {
            return dir.resolve("moto.log");
        }

        @Override
        public void close() throws IOException, InterruptedException {
            exec(o.root(), "moto stop", command("stop"));
        }

        private String auth(String service) {
            return "AWS4-HMAC-SHA256 Credential=bench/20260101/" + REGION + "/" + service + "/aws4_request, "
                    + "SignedHeaders=host, Signature=0";
        }

        String post(String path, String body, String contentType) throws Exception {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(endpoint() + path))
                            .header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("moto " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        /** IAM CreateRole: the plugin reads the role it is given before it creates a function. */
        void createRole(String name) throws Exception {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Authorization", auth("iam"))
                            .POST(HttpRequest.BodyPublishers.ofString("Action=CreateRole&Version=2010-05-08"
                                    + "&RoleName=" + name + "&AssumeRolePolicyDocument=%7B%7D"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("moto CreateRole answered " + r.statusCode() + ": " + r.body());
            }
        }

        /** Lambda ListLayerVersions: how many versions of the layer exist. */
        long countLayerVersions(String layerName) throws Exception {
            String body = get("/2018-10-31/layers/" + layerName + "/versions", "lambda");
            return Pattern.compile("\"LayerVersionArn\"")
                    .matcher(body)
                    .results()
                    .count();
        }

        String get(String path, String service) throws Exception {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(endpoint() + path))
                            .header("Authorization", auth(service))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("moto GET " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }
    }

    /**
     * Pushes the benchmark project as a container image (mode image) to a local docker-registry, with the ECR
     * repository and Lambda in moto, three times: first push, nothing changed, classes-only change. Bytes pushed come
     * from the plugin's deploy-result.json and, independently, from the growth of the registry's blob storage.
     */
    final class ImageBench {
        private final Path dir;
        private final List<String> props;
        private final Map<String, String> env;

        ImageBench(Path dir, List<String> zipProps, Map<String, String> env) {
            this.dir = dir;
            this.env = env;
            this.props = new ArrayList<>(zipProps.stream()
                    .filter(p -> !p.startsWith("-Dlambda.functionName=") && !p.startsWith("-Dlambda.deploy.mode="))
                    .toList());
        }

        Map<String, Object> run() throws Exception {
            Path script = o.root().resolve("it/src/test-servers/docker-registry.sh");
            Path registryDir = out.resolve("docker-registry");
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Path registryLog = logs.resolve(String.format(Locale.ROOT, "%03d-docker-registry-run.log", ++logCounter));
            Process registry = new ProcessBuilder("bash", script.toString(), "run", "" + port, registryDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(registryLog.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .start();
            try {
                exec(
                        o.root(),
                        "docker-registry await",
                        List.of("bash", script.toString(), "await", "" + port, registryDir.toString()));
                Path base = baseImageTar();
                props.addAll(List.of(
                        "-Dlambda.functionName=bench-image-function",
                        "-Dlambda.deploy.mode=image",
                        "-Dlambda.image.repository=bench-image",
                        "-Dlambda.image.registry=127.0.0.1:" + port,
                        "-Dlambda.image.allowInsecureRegistries=true",
                        "-Dlambda.image.baseImage=tar:" + base));
                Path blobs = registryDir.resolve("storage/docker/registry/v2/blobs");
                Map<String, Object> steps = new LinkedHashMap<>();
                steps.put("first push", step("image first push", blobs));
                steps.put("nothing changed", step("image unchanged", blobs));
                Path handler = dir.resolve("src/main/java/bench/Handler.java");
                Files.writeString(handler, Files.readString(handler).replace("\"hello again \"", "\"hello image \""));
                steps.put("classes-only change", step("image classes change", blobs));
                return steps;
            } finally {
                exec(
                        o.root(),
                        "docker-registry stop",
                        List.of("bash", script.toString(), "stop", "" + port, registryDir.toString()));
                registry.waitFor();
            }
        }

        private Map<String, Object> step(String label, Path blobs) throws Exception {
            long before = sizeOfTree(blobs);
            Timing t = maven(dir, label, List.of("package", "lambda:deploy"), "bench-lambda", props, env);
            long added = sizeOfTree(blobs) - before;
            Map<String, Object> result =
                    JsonRead.object(Files.readString(dir.resolve("target/lambda/deploy-result.json")));
            Map<String, Object> region = JsonRead.object(((List<?>) result.get("regions")).get(0));
            Map<String, Object> image = JsonRead.object(region.get("image"));
            List<String> pushed = new ArrayList<>();
            long applicationBytes = 0;
            for (Object l : (List<?>) image.get("layers")) {
                Map<String, Object> layer = JsonRead.object(l);
                if (Boolean.TRUE.equals(layer.get("pushed"))) {
                    pushed.add((String) layer.get("name"));
                }
                if ("application".equals(layer.get("origin"))) {
                    applicationBytes += ((Number) layer.get("compressedBytes")).longValue();
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wallMs", t.wallMs());
            m.put("deployMs", ((Number) result.get("durationMillis")).longValue());
            m.put("pushedBytes", ((Number) image.get("pushedBytes")).longValue());
            m.put("registryBlobBytesAdded", added);
            m.put("layersPushed", pushed);
            m.put("applicationLayersBytes", applicationBytes);
            m.put(
                    "functionCode",
                    firstString(Files.readString(dir.resolve("target/lambda/deploy-result.json")), "code"));
            m.put("digest", image.get("digest"));
            return m;
        }

        /**
         * A minimal Lambda-like base image as a {@code docker save} tarball (the tests have no internet, and Jib reads
         * local tarballs): one layer with the entrypoint script, Lambda's working directory and environment.
         */
        private Path baseImageTar() throws Exception {
            Path baseDir = out.resolve("base-image");
            deleteTree(baseDir);
            Path root = Files.createDirectories(baseDir.resolve("rootfs"));
            Files.writeString(root.resolve("lambda-entrypoint.sh"), "#!/bin/sh\nexec /var/lang/bin/java \"$@\"\n");
            exec(
                    baseDir,
                    "base image layer",
                    List.of(
                            "tar",
                            "--owner=0",
                            "--group=0",
                            "--mtime=2025-01-01",
                            "--mode=755",
                            "-cf",
                            "layer.tar",
                            "-C",
                            "rootfs",
                            "lambda-entrypoint.sh"));
            String diffId = "sha256:" + sha256(baseDir.resolve("layer.tar"));
            Files.writeString(
                    baseDir.resolve("config.json"),
                    "{\"architecture\":\"amd64\",\"os\":\"linux\","
                            + "\"config\":{\"Entrypoint\":[\"/lambda-entrypoint.sh\"],\"WorkingDir\":\"/var/task\","
                            + "\"Env\":[\"LAMBDA_TASK_ROOT=/var/task\",\"LAMBDA_RUNTIME_DIR=/var/runtime\"]},"
                            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}");
            Files.writeString(
                    baseDir.resolve("manifest.json"),
                    "[{\"Config\":\"config.json\","
                            + "\"RepoTags\":[\"bench/lambda-java:21\"],\"Layers\":[\"layer.tar\"]}]");
            exec(
                    baseDir,
                    "base image tar",
                    List.of("tar", "-cf", "base.tar", "manifest.json", "config.json", "layer.tar"));
            return baseDir.resolve("base.tar");
        }
    }

    private static String sha256(Path file) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    /** Just enough of a JSON reader for the plugin's result files: objects, arrays, strings, numbers, booleans. */
    static final class JsonRead {
        private final String s;
        private int i;

        private JsonRead(String s) {
            this.s = s;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(Object parsedOrText) {
            Object v = parsedOrText instanceof String text ? new JsonRead(text).value() : parsedOrText;
            if (!(v instanceof Map<?, ?>)) {
                throw new IllegalStateException("expected a JSON object, got " + v);
            }
            return (Map<String, Object>) v;
        }

        private Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                do {
                    skip();
                    String key = string();
                    skip();
                    expect(':');
                    m.put(key, value());
                    skip();
                } while (s.charAt(i++) == ',');
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                do {
                    l.add(value());
                    skip();
                } while (s.charAt(i++) == ',');
                return l;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            return switch (word) {
                case "true" -> true;
                case "false" -> false;
                case "null" -> null;
                default -> word.matches("-?\\d+") ? (Object) Long.parseLong(word) : (Object) Double.parseDouble(word);
            };
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            for (char c; (c = s.charAt(i++)) != '"'; ) {
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalStateException("bad JSON at " + (i - 1) + ": expected " + c);
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }

    private static long firstLong(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String firstString(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    /** Zipped size, total uncompressed entry size and entry count of a zip. */
    record ZipSizes(long zipped, long unzipped, int entries) {
        static ZipSizes of(Path zip) throws IOException {
            long unzipped = 0;
            int entries = 0;
            try (ZipFile z = new ZipFile(zip.toFile())) {
                for (ZipEntry e : java.util.Collections.list(z.entries())) {
                    unzipped += Math.max(0, e.getSize());
                    entries++;
                }
            }
            return new ZipSizes(Files.size(zip), unzipped, entries);
        }
    }

    // ---- Markdown -------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> r) {
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        StringBuilder sb = new StringBuilder();
        sb.append(r.get("runs"))
                .append(" timed run(s) per path, medians; plugin ")
                .append(r.get("pluginVersion"))
                .append(r.containsKey("compareVersion") ? " compared with " + r.get("compareVersion") : "")
                .append("; ")
                .append(machine.get("cpus"))
                .append(" CPU(s) ")
                .append(machine.get("cpuModel"))
                .append(", ")
                .append(machine.get("java"))
                .append(", ")
                .append(machine.get("date"))
                .append(". The paths ran interleaved, one run of each per round; \"over baseline\" is the median of")
                .append(" each round's run minus that round's baseline run.\n");
        for (Object i : (List<Object>) r.get("inputs")) {
            input(sb, (Map<String, Object>) i);
        }
        Object d = r.get("deploy");
        if (d instanceof Map<?, ?> dm && !dm.containsKey("skipped")) {
            sb.append("\n| deploy to moto_server (`mvn package lambda:deploy`) | wall ms | deploy ms | bytes uploaded "
                    + "| layer | function code |\n|---|---:|---:|---:|---|---|\n");
            for (Map.Entry<?, ?> e : dm.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> step) {
                    sb.append(String.format(
                            Locale.ROOT,
                            "| %s | %,d | %,d | %,d | %s | %s |\n",
                            e.getKey(),
                            (long) step.get("wallMs"),
                            (long) step.get("deployMs"),
                            (long) step.get("bytesUploaded"),
                            step.get("layer"),
                            step.get("functionCode")));
                }
            }
            sb.append("\nLayer versions published in total: ")
                    .append(dm.get("layerVersions"))
                    .append(".\n");
        } else if (d instanceof Map<?, ?> dm) {
            sb.append("\nDeploy: skipped (").append(dm.get("skipped")).append(").\n");
        }
        Object img = r.get("image");
        if (img instanceof Map<?, ?> im && !im.containsKey("skipped")) {
            sb.append("\n| image push (`mvn package lambda:deploy`, mode image) | wall ms | deploy ms | bytes pushed "
                    + "| registry blob bytes added | layers pushed | application layers bytes | function code |\n"
                    + "|---|---:|---:|---:|---:|---|---:|---|\n");
            for (Map.Entry<?, ?> e : im.entrySet()) {
                Map<?, ?> step = (Map<?, ?>) e.getValue();
                List<?> layers = (List<?>) step.get("layersPushed");
                sb.append(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %,d | %,d | %,d | %s | %,d | %s |\n",
                        e.getKey(),
                        (long) step.get("wallMs"),
                        (long) step.get("deployMs"),
                        (long) step.get("pushedBytes"),
                        (long) step.get("registryBlobBytesAdded"),
                        layers.isEmpty()
                                ? "none"
                                : String.join(
                                        ", ",
                                        layers.stream().map(String::valueOf).toList()),
                        (long) step.get("applicationLayersBytes"),
                        step.get("functionCode")));
            }
            sb.append(
                    "\n\"Bytes pushed\" is what the plugin uploaded (layer blobs); \"registry blob bytes added\" is the "
                            + "growth of the registry's blob store, measured on disk, so it also counts the image config and "
                            + "manifest.\n");
        } else if (img instanceof Map<?, ?> im) {
            sb.append("\nImage: skipped (").append(im.get("skipped")).append(").\n");
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void input(StringBuilder sb, Map<String, Object> in) {
        Map<String, Object> pk = (Map<String, Object>) in.get("packaging");
        Map<String, Object> floor = (Map<String, Object>) in.get("ioFloor");
        sb.append("\n### Input `")
                .append(in.get("project"))
                .append("`: ")
                .append(in.get("jars"))
                .append(" jars, ")
                .append(String.format(Locale.ROOT, "%,d", (long) in.get("jarBytes")))
                .append(" bytes\n\nMaven baseline (compile + jar, no packaging plugin): ")
                .append(String.format(Locale.ROOT, "%,d", (long) pk.get("mavenBaselineWallMs")))
                .append(" ms. I/O floor (`")
                .append(floor.getOrDefault("command", "–"))
                .append("` on the same jars): ")
                .append(
                        floor.containsKey("msMedian")
                                ? floor.get("msMedian") + " ms"
                                : "skipped, " + floor.get("skipped"))
                .append(".\n\n");
        sb.append("| java/lib layer made by | wall ms | over baseline ms | over baseline vs assembly | plugin ms "
                + "| plugin / I/O floor | zipped bytes | unzipped bytes |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        row(sb, "lambda:package (this plugin)", (Map<String, Object>) pk.get("lambdaPackage"));
        if (pk.containsKey("lambdaPackageCompareVersion")) {
            row(
                    sb,
                    "lambda:package "
                            + ((Map<String, Object>) in.get("noopRebuildCompareVersion")).get("pluginVersion"),
                    (Map<String, Object>) pk.get("lambdaPackageCompareVersion"));
        }
        row(sb, "lambda:package, compressionLevel 0", (Map<String, Object>) pk.get("lambdaPackageLevel0"));
        row(sb, "lambda:package, deflateJarData", (Map<String, Object>) pk.get("lambdaPackageDeflateJarData"));
        row(sb, "maven-assembly-plugin", (Map<String, Object>) pk.get("assemblyPlugin"));
        row(sb, "copy-dependencies + zip -9 -X -r", (Map<String, Object>) pk.get("copyDependenciesPlusZip9"));
        sb.append("\nOver baseline vs assembly per round (lambda:package): ")
                .append(((Map<String, Object>) pk.get("lambdaPackage")).get("overBaselineVsAssemblyAll"))
                .append(".\n");
        noop(sb, (Map<String, Object>) in.get("noopRebuild"));
        if (in.containsKey("noopRebuildCompareVersion")) {
            noop(sb, (Map<String, Object>) in.get("noopRebuildCompareVersion"));
        }
    }

    private static void noop(StringBuilder sb, Map<String, Object> noop) {
        sb.append("\nNo-op rebuild (`mvn package` again, nothing changed), plugin ")
                .append(noop.get("pluginVersion"))
                .append(": plugin ms ")
                .append(noop.get("firstNoopPluginMs"))
                .append(" for the first no-op after a full build (rounds: ")
                .append(noop.get("firstNoopPluginMsAll"))
                .append("), ")
                .append(noop.get("secondNoopPluginMs"))
                .append(" for the second (")
                .append(noop.get("secondNoopPluginMsAll"))
                .append("), vs ")
                .append(noop.get("fullPluginMs"))
                .append(" for the full package; whole Maven run ")
                .append(noop.get("firstNoopWallMs"))
                .append(" / ")
                .append(noop.get("secondNoopWallMs"))
                .append(" vs ")
                .append(noop.get("fullWallMs"))
                .append(" ms; zips part ")
                .append(noop.get("firstNoopZipsMs"))
                .append(" / ")
                .append(noop.get("secondNoopZipsMs"))
                .append(" vs ")
                .append(noop.get("fullZipsMs"))
                .append(" ms.\n");
    }

    /** A ratio as "0.42×"; "–" when there is none, "n/a" when it could not be computed. */
    private static String times(Object ratio) {
        return ratio == null ? "–" : ratio instanceof Number ? ratio + "×" : String.valueOf(ratio);
    }

    private static void row(StringBuilder sb, String name, Map<String, Object> p) {
        if (p.containsKey("skipped")) {
            sb.append("| ")
                    .append(name)
                    .append(" | skipped: ")
                    .append(p.get("skipped"))
                    .append(" | | | | | | |\n");
            return;
        }
        sb.append(String.format(
                Locale.ROOT,
                "| %s | %,d | %,d | %s | %s | %s | %,d | %,d |\n",
                name,
                (long) p.get("wallMsMedian"),
                (long) p.get("overBaselineMs"),
                times(p.get("overBaselineVsAssembly")),
                p.containsKey("pluginMsMedian")
                        ? String.format(Locale.ROOT, "%,d", (long) p.get("pluginMsMedian"))
                        : "–",
                times(p.get("pluginVsIoFloor")),
                (long) p.get("zippedBytes"),
                (long) p.get("unzippedBytes")));
    }

    /** Just enough JSON for maps, lists, strings and numbers. */
    static final class Json {
        static String write(Object v) {
            StringBuilder sb = new StringBuilder();
            write(sb, v, "");
            return sb.toString();
        }

        @SuppressWarnings("unchecked")
        private static void write(StringBuilder sb, Object v, String indent) {
            if (v instanceof Map<?, ?> m) {
                sb.append("{\n");
                int i = 0;
                for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                    sb.append(indent).append("  \"").append(e.getKey()).append("\": ");
                    write(sb, e.getValue(), indent + "  ");
                    sb.append(++i < m.size() ? ",\n" : "\n");
                }
                sb.append(indent).append('}');
            } else if (v instanceof List<?> l) {
                sb.append(l.stream().map(Json::write).collect(Collectors.joining(", ", "[", "]")));
            } else if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else {
                sb.append('"')
                        .append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
        }
    }
}
