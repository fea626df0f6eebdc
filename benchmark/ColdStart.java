import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cold-start benchmark of lambda:analyze's advice on src-samples/unused-dependency: the sample as written ("before")
 * and with the advice applied (profile without-unused, "after") are packaged once, then run alternately with
 * lambda:invoke (one fresh JVM per run, Lambda's JVM flags), N times each. Writes the medians to
 * benchmark/target/cold-start.md and .json.
 *
 * <p>Run it from the repository root with {@code benchmark/cold-start [--runs N]} (installs the plugin first), or
 * {@code java benchmark/ColdStart.java [--runs N]} when the plugin is already in the local repository. Extra Maven
 * options (another local repository, settings) go in the {@code MAVEN_ARGS} environment variable.
 */
public class ColdStart {
    private static final Pattern NUMBER = Pattern.compile("\"%s\"\\s*:\\s*(-?[0-9.]+)");

    public static void main(String[] args) throws Exception {
        int runs = 9;
        if (args.length == 2 && args[0].equals("--runs")) {
            runs = Integer.parseInt(args[1]);
        } else if (args.length != 0) {
            throw new IllegalArgumentException("usage: java benchmark/ColdStart.java [--runs N]");
        }
        Path root = Path.of("").toAbsolutePath();
        Path out = root.resolve("benchmark/target/cold-start");
        Files.createDirectories(out); // files of an earlier run are overwritten
        List<String> mvn = List.of(root.resolve("mvnw").toString(), "-B", "-ntp");
        Map<String, Path> variants = new LinkedHashMap<>();
        variants.put("before", copySample(root, out.resolve("before")));
        variants.put("after (-Pwithout-unused)", copySample(root, out.resolve("after")));
        Map<String, Long> unzipped = new LinkedHashMap<>();
        for (Map.Entry<String, Path> v : variants.entrySet()) {
            List<String> cmd = new ArrayList<>(mvn);
            cmd.addAll(List.of("clean", "package"));
            if (v.getKey().startsWith("after")) {
                cmd.add("-Pwithout-unused");
            }
            maven(cmd, v.getValue(), out.resolve("package-" + v.getValue().getFileName() + ".log"));
            unzipped.put(v.getKey(), unzippedBytes(v.getValue().resolve("target/lambda/lambda-package.json")));
        }
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        variants.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        for (int i = 1; i <= runs; i++) {
            for (Map.Entry<String, Path> v : variants.entrySet()) { // alternate, so drift hits both alike
                List<String> cmd = new ArrayList<>(mvn);
                cmd.addAll(List.of("-o", "lambda:invoke", "-Dlambda.invoke.invocations=2"));
                maven(cmd, v.getValue(), out.resolve("invoke-" + v.getValue().getFileName() + "-" + i + ".log"));
                String json = Files.readString(v.getValue().resolve("target/lambda/invoke-result.json"));
                double[] inv = invocations(json);
                samples.get(v.getKey()).add(new double[] {number(json, "jvmStart"), number(json, "init"), inv[0]});
            }
            System.out.println("round " + i + "/" + runs + " done");
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "| variant | unzipped (function + layers) | JVM start | init (spawn to"
                        + " handler ready) | first invoke |%n|---|---:|---:|---:|---:|%n"));
        StringBuilder js = new StringBuilder("{\n  \"runs\": " + runs + ",\n  \"variants\": [\n");
        int n = 0;
        for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
            double jvm = median(e.getValue(), 0);
            double init = median(e.getValue(), 1);
            double first = median(e.getValue(), 2);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d bytes | %.0f ms | %.0f ms | %.0f ms |%n",
                    e.getKey(),
                    unzipped.get(e.getKey()),
                    jvm,
                    init,
                    first));
            js.append(String.format(
                    Locale.ROOT,
                    "    {\"variant\": \"%s\", \"unzippedBytes\": %d, \"jvmStartMs\": %.1f,"
                            + " \"initMs\": %.1f, \"firstInvokeMs\": %.1f, \"initSamplesMs\": %s}%s%n",
                    e.getKey(),
                    unzipped.get(e.getKey()),
                    jvm,
                    init,
                    first,
                    column(e.getValue(), 1),
                    ++n < samples.size() ? "," : ""));
        }
        js.append("  ]\n}\n");
        md.append(String.format(
                Locale.ROOT,
                "%nMedians of %d alternating runs per variant, one fresh JVM each" + " (lambda:invoke, %s, %d CPUs).%n",
                runs,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        Files.writeString(root.resolve("benchmark/target/cold-start.md"), md.toString());
        Files.writeString(root.resolve("benchmark/target/cold-start.json"), js.toString());
        System.out.print(md);
    }

    private static Path copySample(Path root, Path to) throws IOException {
        Path from = root.resolve("src-samples/unused-dependency");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(p -> !from.relativize(p).toString().startsWith("target"))
                    .toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static void maven(List<String> cmd, Path dir, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed in " + dir + "; see " + log);
        }
    }

    private static long unzippedBytes(Path manifest) throws IOException {
        Matcher m = Pattern.compile("\"unzippedBytes\"\\s*:\\s*(\\d+)").matcher(Files.readString(manifest));
        long sum = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile(String.format(NUMBER.pattern(), key)).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double[] invocations(String json) {
        Matcher m = Pattern.compile("\"invocations\"\\s*:\\s*\\[\\s*([0-9.]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no invocations in " + json);
        }
        return new double[] {Double.parseDouble(m.group(1))};
    }

    private static double median(List<double[]> rows, int col) {
        List<Double> v = new ArrayList<>();
        rows.forEach(r -> v.add(r[col]));
        v.sort(Comparator.naturalOrder());
        int mid = v.size() / 2;
        return v.size() % 2 == 1 ? v.get(mid) : (v.get(mid - 1) + v.get(mid)) / 2;
    }

    private static String column(List<double[]> rows, int col) {
        List<String> v = new ArrayList<>();
        rows.forEach(r -> v.add(String.format(Locale.ROOT, "%.1f", r[col])));
        return v.toString();
    }
}
