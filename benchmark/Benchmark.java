import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@code java benchmark/Benchmark.java [--smoke] [--runs N] [--maven-repo DIR] [--release-cache DIR]}.
 * Everything it writes goes under benchmark/target/.
 */
public class Benchmark {

    /** The zips part of lambda:package (placement, stripping, zipping, incremental checks, manifest). */
    private static final Pattern ZIPS_TIME = Pattern.compile("(\\d+) zip\\(s\\) built, (\\d+) reused in (\\d+) ms");
    /** The whole goal: the zips plus the size reports and budget check (plugins before 0.1.0's issue-8 fix lack it). */
    private static final Pattern GOAL_TIME = Pattern.compile("lambda:package took (\\d+) ms");

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        new Benchmark(o).run();
    }

    record Options(boolean smoke, int runs, Path root, Path mavenRepo, Path releaseCache, boolean skipDeploy) {
        static Options parse(String[] args) {
            boolean smoke = false;
            int runs = -1;
            Path repo = null;
            Path cache = null;
            boolean skipDeploy = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--smoke" -> smoke = true;
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--maven-repo" -> repo = Path.of(args[++i]).toAbsolutePath();
                    case "--release-cache" -> cache = Path.of(args[++i]).toAbsolutePath();
                    case "--skip-deploy" -> skipDeploy = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --smoke, --runs N, --maven-repo DIR, --release-cache DIR, --skip-deploy");
                }
            }
            Path root = Path.of("").toAbsolutePath();
            if (!Files.isRegularFile(root.resolve("benchmark/Benchmark.java"))) {
                throw new IllegalStateException("run the benchmark from the repository root (benchmark/run does)");
            }
            return new Options(smoke, runs > 0 ? runs : smoke ? 1 : 5, root, repo, cache, skipDeploy);
        }
    }

    /**
     * One timed Maven (or zip) run. {@code pluginMs} is the whole lambda:package goal (falling back to its zips part
     * for plugins that do not log the whole), {@code zipsMs} the zips part; -1 when the run has no lambda:package.
     */
    record Timing(long wallMs, long pluginMs, long zipsMs) {
    }

    private final Options o;
    private final Path out;
    private final Path work;
    private final Path logs;
    private final String project;
    private final String pluginVersion;
    private int logCounter;

    Benchmark(Options o) throws IOException {
        this.o = o;
        this.out = o.root().resolve("benchmark/target");
        this.work = out.resolve("work");
        this.logs = out.resolve("logs");
        this.project = o.smoke() ? "smoke" : "large-layer";
        this.pluginVersion = readPluginVersion(o.root().resolve("pom.xml"));
    }

    void run() throws Exception {
        deleteTree(work);
        deleteTree(logs);
        Files.createDirectories(logs);
        copyTree(o.root().resolve("benchmark/projects"), work);
        Path dir = work.resolve(project);
        say("benchmark input: " + project + " (" + o.runs() + " timed run(s) per path), plugin " + pluginVersion);

        // Warm-up: resolves every plugin and dependency once and fills the OS file cache; not counted. The smoke run
        // (CI) only checks that every path still works, so it skips this.
        if (!o.smoke()) {
            for (String profile : List.of("", "bench-lambda", "bench-assembly", "bench-copy")) {
                maven(dir, "warm-up " + profile, "clean", "package", profile);
            }
        }

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine());
        results.put("input", project);
        results.put("runs", o.runs());

        // The paths run interleaved, one run of each per round, so a machine that gets slower or faster during the
        // benchmark (shared hosts do) shifts every path alike instead of whichever ran in that stretch.
        boolean zipInstalled = commandExists("zip");
        List<TimedPath> paths = new ArrayList<>();
        TimedPath baselinePath = new TimedPath("baseline", "", List.of(), null);
        TimedPath lambdaPath = new TimedPath("lambda", "bench-lambda", List.of(), "target/lambda/layers");
        // <compressionLevel>0: every entry stored, the fastest build (larger zip)
        TimedPath storedPath = new TimedPath("lambda level 0", "bench-lambda",
                List.of("-Dlambda.package.compressionLevel=0"), "target/lambda/layers");
        // <deflateJarData>true: jars deflated whole, their compressed entry data included (smallest zip)
        TimedPath wholePath = new TimedPath("lambda deflateJarData", "bench-lambda",
                List.of("-Dlambda.package.deflateJarData=true"), "target/lambda/layers");
        TimedPath assemblyPath = new TimedPath("assembly", "bench-assembly", List.of(), "target");
        paths.addAll(List.of(baselinePath, lambdaPath, storedPath, wholePath, assemblyPath));
        List<Timing> zip9 = new ArrayList<>();
        ZipSizes zip9Sizes = null;
        long originalJarBytes = 0;
        for (int i = 0; i < o.runs(); i++) {
            for (TimedPath path : paths) {
                maven(dir, "clean", "clean", "");
                path.runs.add(maven(dir, path.name, List.of("package"), path.profile, path.extra, Map.of()));
                if (path.zipDir != null) {
                    path.sizes = ZipSizes.of(single(dir.resolve(path.zipDir),
                            path == assemblyPath ? "-layer.zip" : ".zip"));
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
        }
        for (TimedPath path : paths) {
            say(String.format(Locale.ROOT, "%-10s median %,d ms over %d run(s)", path.name,
                    median(path.runs, Timing::wallMs), path.runs.size()));
        }
        List<Timing> baseline = baselinePath.runs;
        List<Timing> lambda = lambdaPath.runs;
        ZipSizes lambdaSizes = lambdaPath.sizes;
        List<Timing> lambdaStored = storedPath.runs;
        ZipSizes lambdaStoredSizes = storedPath.sizes;
        List<Timing> lambdaWhole = wholePath.runs;
        ZipSizes lambdaWholeSizes = wholePath.sizes;
        List<Timing> assembly = assemblyPath.runs;
        ZipSizes assemblySizes = assemblyPath.sizes;

        // No-op rebuild: the same build again with nothing changed (incremental reuse on, as by default).
        maven(dir, "clean", "clean", "");
        Timing full = maven(dir, "lambda full (incremental)", "package", "bench-lambda");
        List<Timing> noop = new ArrayList<>();
        for (int i = 0; i < o.runs(); i++) {
            noop.add(maven(dir, "lambda no-op", "package", "bench-lambda"));
        }

        long base = median(baseline, Timing::wallMs);
        Map<String, Object> packaging = new LinkedHashMap<>();
        packaging.put("unstrippedJarBytes", originalJarBytes);
        packaging.put("mavenBaselineWallMs", base);
        packaging.put("mavenBaselineWallMsAll", baseline.stream().map(Timing::wallMs).toList());
        packaging.put("lambdaPackage", path(lambda, baseline, lambdaSizes));
        packaging.put("lambdaPackageLevel0", path(lambdaStored, baseline, lambdaStoredSizes));
        packaging.put("lambdaPackageDeflateJarData", path(lambdaWhole, baseline, lambdaWholeSizes));
        packaging.put("assemblyPlugin", path(assembly, baseline, assemblySizes));
        packaging.put("copyDependenciesPlusZip9", zipInstalled ? path(zip9, baseline, zip9Sizes)
                : Map.of("skipped", "zip is not installed (apt-get install zip)"));
        results.put("packaging", packaging);

        Map<String, Object> noopResult = new LinkedHashMap<>();
        noopResult.put("fullPluginMs", median(lambda, Timing::pluginMs));
        noopResult.put("fullIncrementalRunPluginMs", full.pluginMs());
        noopResult.put("noopPluginMs", median(noop, Timing::pluginMs));
        noopResult.put("noopPluginMsAll", noop.stream().map(Timing::pluginMs).toList());
        noopResult.put("fullZipsMs", median(lambda, Timing::zipsMs));
        noopResult.put("noopZipsMs", median(noop, Timing::zipsMs));
        noopResult.put("noopWallMs", median(noop, Timing::wallMs));
        noopResult.put("fullWallMs", median(lambda, Timing::wallMs));
        results.put("noopRebuild", noopResult);
        if (o.skipDeploy()) {
            results.put("deploy", Map.of("skipped", "--skip-deploy"));
            results.put("image", Map.of("skipped", "--skip-deploy"));
        } else {
            DeployBench deploy = new DeployBench(dir);
            results.put("deploy", deploy.run());
            results.put("image", deploy.image());
        }

        Files.createDirectories(out);
        Files.writeString(out.resolve("results.json"), Json.write(results) + "\n");
        String md = markdown(results);
        Files.writeString(out.resolve("results.md"), md);
        System.out.println();
        System.out.println(md);
        say("wrote " + o.root().relativize(out.resolve("results.json")) + " and "
                + o.root().relativize(out.resolve("results.md")) + "; Maven logs in " + o.root().relativize(logs));
    }

    /**
     * {@code overBaselineMs} is the median over the rounds of this path's run minus the baseline run of the same
     * round: the paths run interleaved, so each difference compares runs made moments apart.
     */
    private Map<String, Object> path(List<Timing> runs, List<Timing> baseline, ZipSizes sizes) {
        Map<String, Object> m = new LinkedHashMap<>();
        long wall = median(runs, Timing::wallMs);
        m.put("wallMsMedian", wall);
        m.put("wallMsAll", runs.stream().map(Timing::wallMs).toList());
        List<Long> over = new ArrayList<>();
        for (int i = 0; i < Math.min(runs.size(), baseline.size()); i++) {
            over.add(runs.get(i).wallMs() - baseline.get(i).wallMs());
        }
        m.put("overBaselineMsAll", over);
        m.put("overBaselineMs", Math.max(0, median(over, Long::longValue)));
        long plugin = median(runs, Timing::pluginMs);
        if (plugin >= 0) {
            m.put("pluginMsMedian", plugin);
        }
        m.put("zippedBytes", sizes.zipped());
        m.put("unzippedBytes", sizes.unzipped());
        m.put("entries", sizes.entries());
        return m;
    }

    /** One packaging path timed by {@code mvn package}; {@code zipDir} holds the zip it makes (null: none). */
    private static final class TimedPath {
        final String name;
        final String profile;
        final List<String> extra;
        final String zipDir;
        final List<Timing> runs = new ArrayList<>();
        ZipSizes sizes;

        TimedPath(String name, String profile, List<String> extra, String zipDir) {
            this.name = name;
            this.profile = profile;
            this.extra = extra;
            this.zipDir = zipDir;
        }
    }

    private Timing maven(Path dir, String label, String goal, String profile) throws IOException,
            InterruptedException {
        return maven(dir, label, List.of(goal), profile);
    }

    private Timing maven(Path dir, String label, String goal1, String goal2, String profile) throws IOException,
            InterruptedException {
        return maven(dir, label, List.of(goal1, goal2), profile);
    }

    private Timing maven(Path dir, String label, List<String> goals, String profile) throws IOException,
            InterruptedException {
        return maven(dir, label, goals, profile, List.of(), Map.of());
    }

    private Timing maven(Path dir, String label, List<String> goals, String profile, List<String> extra,
            Map<String, String> env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(o.root().resolve(isWindows() ? "mvnw.cmd" : "mvnw").toString());
        cmd.addAll(List.of("-B", "-ntp", "-Dlambda-deploy.version=" + pluginVersion));
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
            Files.writeString(settings, "<settings><profiles><profile><id>release-cache</id>"
                    + "<repositories><repository>" + repo + "</repository></repositories>"
                    + "<pluginRepositories><pluginRepository>" + repo + "</pluginRepository></pluginRepositories>"
                    + "</profile></profiles><activeProfiles><activeProfile>release-cache</activeProfile>"
                    + "</activeProfiles></settings>\n");
        }
        return settings;
    }

    private String exec(Path dir, String label, List<String> cmd) throws IOException, InterruptedException {
        return exec(dir, label, cmd, Map.of());
    }

    private String exec(Path dir, String label, List<String> cmd, Map<String, String> env) throws IOException,
            InterruptedException {
        Path log = logs.resolve(String.format(Locale.ROOT, "%03d-%s.log", ++logCounter,
                label.trim().replaceAll("[^A-Za-z0-9.-]+", "-")));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        pb.environment().putAll(env);
        Process p = pb.start();
        int rc = p.waitFor();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (rc != 0) {
            throw new IllegalStateException(label + " failed (exit " + rc + "): " + String.join(" ", cmd)
                    + "\nsee " + log + "\n" + tail(text, 40));
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
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
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
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
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

    private static String readPluginVersion(Path rootPom) throws IOException {
        String pom = Files.readString(rootPom);
        Matcher m = Pattern.compile("<artifactId>lambda-deploy-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("cannot read the project version from " + rootPom);
        }
        return m.group(1);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("cpuModel", cpuModel());
        return m;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    private static void say(String s) {
        System.out.println("[benchmark] " + s);
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
            Path motoScript = o.root().resolve("it/src/test-servers/moto.sh");
            Path motoDir = out.resolve("moto");
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            exec(o.root(), "moto start", List.of("bash", motoScript.toString(), "start", "" + port, motoDir.toString()));
            try {
                exec(o.root(), "moto await", List.of("bash", motoScript.toString(), "await", "" + port,
                        motoDir.toString()));
                String endpoint = "http://127.0.0.1:" + port;
                createRole(endpoint);
                Map<String, String> env = new LinkedHashMap<>();
                env.put("AWS_ACCESS_KEY_ID", "bench-access-key");
                env.put("AWS_SECRET_ACCESS_KEY", "bench-secret-key");
                env.put("AWS_CONFIG_FILE", out.resolve("no-aws-config").toString());
                env.put("AWS_SHARED_CREDENTIALS_FILE", out.resolve("no-aws-credentials").toString());
                env.put("AWS_EC2_METADATA_DISABLED", "true");
                List<String> props = List.of("-Dlambda.endpoint=" + endpoint, "-Dlambda.region=us-east-1",
                        "-Dlambda.functionName=bench-function", "-Dlambda.handler=bench.Handler::handleRequest",
                        "-Dlambda.role=arn:aws:iam::123456789012:role/bench-role", "-Dlambda.deploy.mode=auto",
                        "-Dlambda.deploy.bucket=bench-artifacts", "-Dlambda.deploy.createBucket=true");
                Map<String, Object> steps = new LinkedHashMap<>();
                maven(dir, "clean", "clean", "");
                steps.put("first deploy", step("deploy first", props, env));
                steps.put("nothing changed", step("deploy unchanged", props, env));
                Path handler = dir.resolve("src/main/java/bench/Handler.java");
                Files.writeString(handler, Files.readString(handler).replace("\"hello \"", "\"hello again \""));
                steps.put("code-only change", step("deploy code change", props, env));
                String layerName = firstString(Files.readString(dir.resolve("target/lambda/deploy-result.json")),
                        "layerName");
                steps.put("layerVersions", countLayerVersions(endpoint, layerName));
                image = new ImageBench(dir, props, env).run();
                return steps;
            } finally {
                exec(o.root(), "moto stop", List.of("bash", motoScript.toString(), "stop", "" + port,
                        motoDir.toString()));
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

        /** Asks moto (Lambda ListLayerVersions) how many versions of the layer exist after the three deploys. */
        private long countLayerVersions(String endpoint, String layerName) throws Exception {
            java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint
                    + "/2018-10-31/layers/" + layerName + "/versions"))
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/lambda/aws4_request, "
                            + "SignedHeaders=host, Signature=0").GET().build();
            String body = java.net.http.HttpClient.newHttpClient().send(req,
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return Pattern.compile("\"LayerVersionArn\"").matcher(body).results().count();
        }

        private void createRole(String endpoint) throws Exception {
            java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint + "/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/iam/aws4_request, "
                            + "SignedHeaders=host, Signature=0")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("Action=CreateRole&Version=2010-05-08"
                            + "&RoleName=bench-role&AssumeRolePolicyDocument=%7B%7D")).build();
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(req,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("moto CreateRole answered " + r.statusCode() + ": " + r.body());
            }
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
            this.props = new ArrayList<>(zipProps.stream().filter(p -> !p.startsWith("-Dlambda.functionName=")
                    && !p.startsWith("-Dlambda.deploy.mode=")).toList());
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
                    .redirectErrorStream(true).redirectOutput(registryLog.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
            try {
                exec(o.root(), "docker-registry await", List.of("bash", script.toString(), "await", "" + port,
                        registryDir.toString()));
                Path base = baseImageTar();
                props.addAll(List.of("-Dlambda.functionName=bench-image-function", "-Dlambda.deploy.mode=image",
                        "-Dlambda.image.repository=bench-image", "-Dlambda.image.registry=127.0.0.1:" + port,
                        "-Dlambda.image.allowInsecureRegistries=true", "-Dlambda.image.baseImage=tar:" + base));
                Path blobs = registryDir.resolve("storage/docker/registry/v2/blobs");
                Map<String, Object> steps = new LinkedHashMap<>();
                steps.put("first push", step("image first push", blobs));
                steps.put("nothing changed", step("image unchanged", blobs));
                Path handler = dir.resolve("src/main/java/bench/Handler.java");
                Files.writeString(handler, Files.readString(handler).replace("\"hello again \"", "\"hello image \""));
                steps.put("classes-only change", step("image classes change", blobs));
                return steps;
            } finally {
                exec(o.root(), "docker-registry stop", List.of("bash", script.toString(), "stop", "" + port,
                        registryDir.toString()));
                registry.waitFor();
            }
        }

        private Map<String, Object> step(String label, Path blobs) throws Exception {
            long before = sizeOfTree(blobs);
            Timing t = maven(dir, label, List.of("package", "lambda:deploy"), "bench-lambda", props, env);
            long added = sizeOfTree(blobs) - before;
            Map<String, Object> result = JsonRead.object(Files.readString(dir.resolve("target/lambda/deploy-result.json")));
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
            m.put("functionCode", firstString(Files.readString(dir.resolve("target/lambda/deploy-result.json")), "code"));
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
            exec(baseDir, "base image layer", List.of("tar", "--owner=0", "--group=0", "--mtime=2025-01-01",
                    "--mode=755", "-cf", "layer.tar", "-C", "rootfs", "lambda-entrypoint.sh"));
            String diffId = "sha256:" + sha256(baseDir.resolve("layer.tar"));
            Files.writeString(baseDir.resolve("config.json"), "{\"architecture\":\"amd64\",\"os\":\"linux\","
                    + "\"config\":{\"Entrypoint\":[\"/lambda-entrypoint.sh\"],\"WorkingDir\":\"/var/task\","
                    + "\"Env\":[\"LAMBDA_TASK_ROOT=/var/task\",\"LAMBDA_RUNTIME_DIR=/var/runtime\"]},"
                    + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}");
            Files.writeString(baseDir.resolve("manifest.json"), "[{\"Config\":\"config.json\","
                    + "\"RepoTags\":[\"bench/lambda-java:21\"],\"Layers\":[\"layer.tar\"]}]");
            exec(baseDir, "base image tar", List.of("tar", "-cf", "base.tar", "manifest.json", "config.json",
                    "layer.tar"));
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
        Map<String, Object> pk = (Map<String, Object>) r.get("packaging");
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        long unstripped = (long) pk.get("unstrippedJarBytes");
        StringBuilder sb = new StringBuilder();
        sb.append("Input `").append(r.get("input")).append("`, ").append(r.get("runs"))
                .append(" timed run(s) per path, medians; ").append(machine.get("cpus")).append(" CPU(s) ")
                .append(machine.get("cpuModel")).append(", ").append(machine.get("java")).append(", ")
                .append(machine.get("date")).append(".\n\n");
        sb.append("Unstripped jars: ").append(String.format(Locale.ROOT, "%,d", unstripped)).append(" bytes. ")
                .append("Maven baseline (compile + jar, no packaging plugin): ")
                .append(String.format(Locale.ROOT, "%,d", (long) pk.get("mavenBaselineWallMs"))).append(" ms. ")
                .append("The paths ran interleaved, one run of each per round; \"over baseline\" is the median of each")
                .append(" round's run minus that round's baseline run.\n\n");
        sb.append("| java/lib layer made by | wall ms | over baseline ms | plugin ms | zipped bytes | unzipped bytes |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        row(sb, "lambda:package (this plugin)", (Map<String, Object>) pk.get("lambdaPackage"));
        row(sb, "lambda:package, compressionLevel 0", (Map<String, Object>) pk.get("lambdaPackageLevel0"));
        row(sb, "lambda:package, deflateJarData", (Map<String, Object>) pk.get("lambdaPackageDeflateJarData"));
        row(sb, "maven-assembly-plugin", (Map<String, Object>) pk.get("assemblyPlugin"));
        row(sb, "copy-dependencies + zip -9 -X -r", (Map<String, Object>) pk.get("copyDependenciesPlusZip9"));
        Map<String, Object> noop = (Map<String, Object>) r.get("noopRebuild");
        sb.append("\nNo-op rebuild (`mvn package` again, nothing changed): plugin ")
                .append(noop.get("noopPluginMs")).append(" ms vs ").append(noop.get("fullPluginMs"))
                .append(" ms for a full package (")
                .append(pct((long) noop.get("noopPluginMs"), (long) noop.get("fullPluginMs")))
                .append("); whole Maven run ").append(noop.get("noopWallMs")).append(" ms vs ")
                .append(noop.get("fullWallMs")).append(" ms. No-op runs in order: ").append(noop.get("noopPluginMsAll"))
                .append(" ms (the first one after a full build re-verifies the freshly written zips by content);")
                .append(" zips part alone ").append(noop.get("noopZipsMs")).append(" vs ").append(noop.get("fullZipsMs"))
                .append(" ms (").append(pct((long) noop.get("noopZipsMs"), (long) noop.get("fullZipsMs"))).append(").\n");
        Object d = r.get("deploy");
        if (d instanceof Map<?, ?> dm && !dm.containsKey("skipped")) {
            sb.append("\n| deploy to moto_server (`mvn package lambda:deploy`) | wall ms | deploy ms | bytes uploaded "
                    + "| layer | function code |\n|---|---:|---:|---:|---|---|\n");
            for (Map.Entry<?, ?> e : dm.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> step) {
                    sb.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %s | %s |\n", e.getKey(),
                            (long) step.get("wallMs"), (long) step.get("deployMs"), (long) step.get("bytesUploaded"),
                            step.get("layer"), step.get("functionCode")));
                }
            }
            sb.append("\nLayer versions published in total: ").append(dm.get("layerVersions")).append(".\n");
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
                sb.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %s | %,d | %s |\n", e.getKey(),
                        (long) step.get("wallMs"), (long) step.get("deployMs"), (long) step.get("pushedBytes"),
                        (long) step.get("registryBlobBytesAdded"), layers.isEmpty() ? "none" : String.join(", ",
                                layers.stream().map(String::valueOf).toList()),
                        (long) step.get("applicationLayersBytes"), step.get("functionCode")));
            }
            sb.append("\n\"Bytes pushed\" is what the plugin uploaded (layer blobs); \"registry blob bytes added\" is the "
                    + "growth of the registry's blob store, measured on disk, so it also counts the image config and "
                    + "manifest.\n");
        } else if (img instanceof Map<?, ?> im) {
            sb.append("\nImage: skipped (").append(im.get("skipped")).append(").\n");
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Map<String, Object> p) {
        if (p.containsKey("skipped")) {
            sb.append("| ").append(name).append(" | skipped: ").append(p.get("skipped")).append(" | | | | |\n");
            return;
        }
        sb.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %,d | %,d |\n", name, (long) p.get("wallMsMedian"),
                (long) p.get("overBaselineMs"), p.containsKey("pluginMsMedian")
                        ? String.format(Locale.ROOT, "%,d", (long) p.get("pluginMsMedian")) : "–",
                (long) p.get("zippedBytes"), (long) p.get("unzippedBytes")));
    }

    private static String pct(long part, long whole) {
        return whole <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
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
                sb.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
    }
}
