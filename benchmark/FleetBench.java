import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The fleet benchmark (issue 14): a generated reactor of N function modules that share one layer, deployed to a
 * local moto_server with {@code mvn package lambda:deploy}, sequentially and with {@code -T 4}: first deploy (moto
 * reset, clean build) and unchanged redeploy. For each run it records the Maven wall time, the AWS calls the plugin
 * counted (reactor-deploy-result.json and each module's deploy-result.json), the HTTP requests moto logged for the
 * run (an independent count, by operation), the bytes uploaded, what the deploy bucket holds, and how many layer
 * versions exist afterwards (must be 1).
 *
 * <p>Run it from the repository root with {@code benchmark/run --fleet} (which installs the plugin first) or
 * directly: {@code java benchmark/FleetBench.java [--sizes 8,32] [--smoke] [--maven-repo DIR]}. Everything it
 * writes goes under benchmark/target/: the reactors in fleet-N/, Maven logs in fleet-logs/, results in fleet.json
 * and fleet.md.
 */
public class FleetBench {

    private static final String REGION = "us-east-1";
    private static final String PREFIX = "bench-fleet-";
    /** One request line of moto's (werkzeug's) log. */
    private static final Pattern REQUEST = Pattern.compile("\"([A-Z]+) (\\S+) HTTP/[\\d.]+\" (\\d{3})");

    public static void main(String[] args) throws Exception {
        new FleetBench(Options.parse(args)).run();
    }

    record Options(List<Integer> sizes, boolean smoke, Path root, Path mavenRepo) {
        static Options parse(String[] args) {
            List<Integer> sizes = List.of(8, 32);
            boolean smoke = false;
            Path repo = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--sizes" -> sizes = Stream.of(args[++i].split(",")).map(String::trim)
                            .map(Integer::parseInt).toList();
                    case "--smoke" -> smoke = true;
                    case "--maven-repo" -> repo = Path.of(args[++i]).toAbsolutePath();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --sizes 8,32, --smoke, --maven-repo DIR");
                }
            }
            if (smoke) {
                sizes = List.of(2);
            }
            if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1 || n > 999)) {
                throw new IllegalArgumentException("--sizes takes numbers of modules from 1 to 999, e.g. --sizes 8,32");
            }
            Path root = Path.of("").toAbsolutePath();
            if (!Files.isRegularFile(root.resolve("benchmark/FleetBench.java"))) {
                throw new IllegalStateException("run the fleet benchmark from the repository root (benchmark/run does)");
            }
            return new Options(sizes, smoke, root, repo);
        }
    }

    /** The two ways the reactor is built: one module after the other, or four at a time. */
    record Mode(String name, List<String> mavenArgs) {
    }

    private static final List<Mode> MODES = List.of(new Mode("sequential", List.of()),
            new Mode("-T 4", List.of("-T", "4")));

    private final Options o;
    private final Path out;
    private final Path logs;
    private final String pluginVersion;
    private final String jacksonVersion;
    private final HttpClient http = HttpClient.newHttpClient();
    private int logCounter;
    private String endpoint;
    private Path motoLog;
    /** The deploy bucket the last deploy of this size and mode named. */
    private String deployBucket;

    FleetBench(Options o) throws IOException {
        this.o = o;
        this.out = o.root().resolve("benchmark/target");
        this.logs = out.resolve("fleet-logs");
        String rootPom = Files.readString(o.root().resolve("pom.xml"));
        this.pluginVersion = match(rootPom, "<artifactId>lambda-deploy-parent</artifactId>\\s*<version>([^<]+)</version>");
        this.jacksonVersion = match(rootPom, "<jackson.version>([^<]+)</jackson.version>");
    }

    void run() throws Exception {
        deleteTree(logs);
        Files.createDirectories(logs);
        say("fleet benchmark: sizes " + o.sizes() + ", modes " + MODES.stream().map(Mode::name).toList()
                + ", plugin " + pluginVersion + ", shared layer jackson-databind " + jacksonVersion);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine());
        results.put("loadBefore", loadAverage());
        List<Map<String, Object>> rows = new ArrayList<>();

        Path motoScript = o.root().resolve("it/src/test-servers/moto.sh");
        Path motoDir = out.resolve("fleet-moto");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        motoLog = motoDir.resolve("moto.log");
        exec(o.root(), "moto start", List.of("bash", motoScript.toString(), "start", "" + port, motoDir.toString()),
                Map.of());
        try {
            exec(o.root(), "moto await", List.of("bash", motoScript.toString(), "await", "" + port,
                    motoDir.toString()), Map.of());
            endpoint = "http://127.0.0.1:" + port;
            for (int n : o.sizes()) {
                Path dir = generate(n);
                for (Mode mode : MODES) {
                    rows.addAll(measure(dir, n, mode));
                    // written after every mode, so an interrupted run still leaves what it measured
                    results.put("runs", rows);
                    Files.writeString(out.resolve("fleet.json"), Json.write(results) + "\n");
                }
            }
        } finally {
            exec(o.root(), "moto stop", List.of("bash", motoScript.toString(), "stop", "" + port, motoDir.toString()),
                    Map.of());
        }
        results.put("loadAfter", loadAverage());
        results.put("runs", rows);
        Files.writeString(out.resolve("fleet.json"), Json.write(results) + "\n");
        String md = markdown(results);
        Files.writeString(out.resolve("fleet.md"), md);
        System.out.println();
        System.out.println(md);
        say("wrote " + o.root().relativize(out.resolve("fleet.json")) + " and "
                + o.root().relativize(out.resolve("fleet.md")) + "; Maven logs in " + o.root().relativize(logs));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if ((long) r.get("layerVersions") != 1 || (long) r.get("distinctLayerArns") != 1) {
                problems.add(r.get("functions") + " functions, " + r.get("mode") + ", " + r.get("step") + ": "
                        + r.get("layerVersions") + " layer version(s), " + r.get("distinctLayerArns")
                        + " distinct layer ARN(s) on the functions");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the fleet did not converge on one layer version:\n  "
                    + String.join("\n  ", problems));
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
            Files.writeString(dir.resolve(m + "/src/main/java/bench/fleet/" + m + "/Handler.java"), """
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
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Generated by benchmark/FleetBench.java: %d function modules sharing one layer. -->
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
        post("/moto-api/reset", "", "application/json");
        deployBucket = null;
        createRole();
        maven(dir, n + "-" + mode.name() + " clean", List.of("clean"), mode);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(step(dir, n, mode, "first deploy"));
        rows.add(step(dir, n, mode, "unchanged redeploy"));
        return rows;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> step(Path dir, int n, Mode mode, String step) throws Exception {
        long motoLogBefore = Files.exists(motoLog) ? Files.size(motoLog) : 0;
        long wall = maven(dir, n + "-" + mode.name() + " " + step, List.of("package", "lambda:deploy"), mode);
        Map<String, Long> requests = motoRequests(motoLogBefore);

        Map<String, Object> reactor = JsonRead.object(Files.readString(dir.resolve(
                "target/lambda/reactor-deploy-result.json")));
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
            Map<String, Object> r = JsonRead.object(Files.readString(dir.resolve(module(i)
                    + "/target/lambda/deploy-result.json")));
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
        long motoTotal = requests.values().stream().mapToLong(Long::longValue).sum();
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
        m.put("moduleAwsCallsMin", moduleCalls.stream().mapToLong(Long::longValue).min().orElse(0));
        m.put("moduleAwsCallsMax", moduleCalls.stream().mapToLong(Long::longValue).max().orElse(0));
        m.put("moduleAwsCalls", moduleCalls);
        m.put("motoRequests", motoTotal);
        m.put("motoRequestsByOperation", new LinkedHashMap<String, Object>(requests));
        m.put("bytesUploaded", (long) reactor.get("bytesUploaded"));
        m.put("layerBytesUploaded", layerBytes);
        m.put("functionBytesUploaded", functionBytes);
        m.put("bucketObjects", bucket == null ? 0L : bucketObjects(bucket).size());
        m.put("bucketBytes", bucket == null ? 0L : bucketObjects(bucket).stream().mapToLong(Long::longValue).sum());
        m.put("layerActions", new LinkedHashMap<String, Object>(layerActions));
        m.put("functionCodeActions", new LinkedHashMap<String, Object>(functionActions));
        m.put("layerVersions", layerName == null ? 0L : countLayerVersions(layerName));
        m.put("distinctLayerArns", (long) layerArns.size());
        say(String.format(Locale.ROOT, "  %-18s wall %,d ms, %d AWS calls (%.2f per function; moto saw %d requests),"
                        + " %,d bytes uploaded, %d layer version(s)", step, wall, calls, (double) calls / n, motoTotal,
                (long) reactor.get("bytesUploaded"), (long) m.get("layerVersions")));
        return m;
    }

    /**
     * The HTTP requests moto logged since {@code offset}, by operation: method and path with the names of this fleet,
     * hashes, numbers and ARNs replaced, so the same operation on different functions counts together. STS and IAM
     * calls are all {@code POST /} (their action is in the body).
     */
    private Map<String, Long> motoRequests(long offset) throws IOException {
        Map<String, Long> ops = new TreeMap<>();
        if (!Files.exists(motoLog)) {
            return ops;
        }
        byte[] all = Files.readAllBytes(motoLog);
        String text = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
        Matcher m = REQUEST.matcher(text);
        while (m.find()) {
            String path = m.group(2);
            int q = path.indexOf('?');
            String query = "";
            if (q >= 0) {
                query = "?" + Stream.of(path.substring(q + 1).split("&")).map(p -> p.split("=", 2)[0])
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

    // ---- moto ------------------------------------------------------------------------------------------------

    private String auth(String service) {
        return "AWS4-HMAC-SHA256 Credential=bench/20260101/" + REGION + "/" + service + "/aws4_request, "
                + "SignedHeaders=host, Signature=0";
    }

    private String post(String path, String body, String contentType) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("moto " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private void createRole() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", auth("iam"))
                .POST(HttpRequest.BodyPublishers.ofString("Action=CreateRole&Version=2010-05-08"
                        + "&RoleName=bench-fleet-role&AssumeRolePolicyDocument=%7B%7D")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("moto CreateRole answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Lambda ListLayerVersions: how many versions of the shared layer exist. */
    private long countLayerVersions(String layerName) throws Exception {
        String body = get("/2018-10-31/layers/" + layerName + "/versions", "lambda");
        return Pattern.compile("\"LayerVersionArn\"").matcher(body).results().count();
    }

    /** S3 ListObjectsV2 of the deploy bucket: the size of every object in it. */
    private List<Long> bucketObjects(String bucket) throws Exception {
        String body = get("/" + bucket + "?list-type=2&max-keys=1000", "s3");
        List<Long> sizes = new ArrayList<>();
        Matcher m = Pattern.compile("<Size>(\\d+)</Size>").matcher(body);
        while (m.find()) {
            sizes.add(Long.parseLong(m.group(1)));
        }
        return sizes;
    }

    private String get(String path, String service) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + path))
                .header("Authorization", auth(service)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("moto GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    // ---- Maven and processes ---------------------------------------------------------------------------------

    /** Runs Maven in the reactor against moto and answers its wall time in ms. */
    private long maven(Path dir, String label, List<String> goals, Mode mode) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(o.root().resolve("mvnw").toString());
        cmd.addAll(List.of("-B", "-ntp"));
        if (o.mavenRepo() != null) {
            cmd.add("-Dmaven.repo.local=" + o.mavenRepo());
        }
        cmd.addAll(mode.mavenArgs());
        cmd.addAll(List.of("-Dlambda.endpoint=" + endpoint, "-Dlambda.region=" + REGION));
        cmd.addAll(goals);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "bench-access-key");
        env.put("AWS_SECRET_ACCESS_KEY", "bench-secret-key");
        env.put("AWS_CONFIG_FILE", out.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", out.resolve("no-aws-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        long start = System.nanoTime();
        exec(dir, label, cmd, env);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private String exec(Path dir, String label, List<String> cmd, Map<String, String> env) throws IOException,
            InterruptedException {
        Path log = logs.resolve(String.format(Locale.ROOT, "%03d-%s.log", ++logCounter,
                label.trim().replaceAll("[^A-Za-z0-9.-]+", "-")));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // the plugin must not pick up the caller's AWS settings (profile, retries, real endpoints)
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(env);
        int rc = pb.start().waitFor();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (rc != 0) {
            List<String> lines = text.lines().toList();
            throw new IllegalStateException(label + " failed (exit " + rc + "): " + String.join(" ", cmd) + "\nsee "
                    + log + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        return text;
    }

    // ---- Output ----------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static String markdown(Map<String, Object> results) {
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        StringBuilder sb = new StringBuilder();
        sb.append(machine.get("cpus")).append(" CPU(s) ").append(machine.get("cpuModel")).append(", ")
                .append(machine.get("java")).append(", ").append(machine.get("date")).append("; load average before ")
                .append(results.get("loadBefore")).append(", after ").append(results.get("loadAfter")).append(".\n\n");
        sb.append("| functions | mode | step | wall ms | deploy ms, slowest module / sum | AWS calls | calls per function "
                + "| calls per module min–max | moto requests | bytes uploaded | layer versions |\n");
        sb.append("|---:|---|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (Map<String, Object> r : (List<Map<String, Object>>) results.get("runs")) {
            sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %,d | %,d / %,d | %,d | %.2f | %d–%d | %,d | %,d | %d |\n",
                    (long) r.get("functions"), r.get("mode"), r.get("step"), (long) r.get("wallMs"),
                    (long) r.get("moduleDeployMsMax"), (long) r.get("moduleDeployMsSum"),
                    (long) r.get("awsCalls"), ((Number) r.get("awsCallsPerFunction")).doubleValue(),
                    (long) r.get("moduleAwsCallsMin"), (long) r.get("moduleAwsCallsMax"),
                    (long) r.get("motoRequests"), (long) r.get("bytesUploaded"), (long) r.get("layerVersions")));
        }
        sb.append("\nmoto requests by operation (method and path; `POST /` is STS/IAM):\n\n");
        for (Map<String, Object> r : (List<Map<String, Object>>) results.get("runs")) {
            sb.append("- ").append(r.get("functions")).append(" functions, ").append(r.get("mode")).append(", ")
                    .append(r.get("step")).append(": ");
            Map<String, Object> ops = (Map<String, Object>) r.get("motoRequestsByOperation");
            sb.append(ops.entrySet().stream().map(e -> "`" + e.getKey() + "` " + e.getValue())
                    .collect(Collectors.joining(", "))).append('\n');
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

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        String cpu = "unknown";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | java.io.UncheckedIOException e) {
            // not Linux: leave it unknown
        }
        m.put("cpuModel", cpu);
        return m;
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("cannot find " + regex + " in the root pom.xml");
        }
        return m.group(1);
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

    private static void say(String s) {
        System.out.println("[fleet-benchmark] " + s);
    }

    /** Just enough of a JSON reader for the plugin's result files (the same as Benchmark.java's). */
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
