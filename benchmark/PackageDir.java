import dev.lambdadeploy.assemble.DependencyArtifact;
import dev.lambdadeploy.assemble.LambdaPackager;
import dev.lambdadeploy.assemble.PackageRequest;
import dev.lambdadeploy.assemble.PackageResult;
import dev.lambdadeploy.log.BuildLog;
import dev.lambdadeploy.manifest.ProjectInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The packager alone, without Maven: packages every jar of a folder into one layer zip (default settings), a given
 * number of times in one JVM, and prints each run's time and the zip's SHA-256. For profiling (the first run is a
 * cold JVM's, as in a Maven build; later runs show the warm cost) and for checking that a change leaves the zip
 * byte-identical (compare the SHA-256 printed by the old and the new classes).
 *
 * <p>{@code java -cp lambda-deploy-maven-plugin/target/classes:DEPS benchmark/PackageDir.java JARS OUT [RUNS]}, with
 * DEPS the plugin's runtime class path ({@code dependency:build-classpath}), JARS e.g. the benchmark input's jars
 * after {@code -Pbench-copy package} ({@code benchmark/projects/medium-layer/target/zip9/java/lib}). Every run is a
 * full build (not incremental); add {@code -Dnoop=true} to time no-op runs after the first.
 */
public class PackageDir {
    public static void main(String[] args) throws Exception {
        Path jars = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        boolean noop = Boolean.getBoolean("noop");
        List<Path> files;
        try (var list = Files.list(jars)) {
            files = list.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        PackageRequest.Builder b = PackageRequest.builder(new ProjectInfo("bench", "bench", "1.0.0"), out)
                .incremental(noop)
                .defaultLayerName("deps");
        for (Path f : files) {
            String name = f.getFileName().toString().replaceAll("\\.jar$", "");
            int dash = name.lastIndexOf('-');
            String artifactId = dash > 0 ? name.substring(0, dash) : name;
            String version = dash > 0 ? name.substring(dash + 1) : "1";
            b.artifact(new DependencyArtifact(
                    "bench", artifactId, version, version, "", "compile", f, List.of("bench:bench:1.0.0"), false));
        }
        PackageRequest request = b.build();
        BuildLog log = BuildLog.silent();
        // CPU time as well as wall time: on a shared machine the wall time says more about the neighbours
        var cpu = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 1; i <= runs; i++) {
            long start = System.nanoTime();
            long cpuStart = cpu.getProcessCpuTime();
            PackageResult r = new LambdaPackager(log).run(request);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long cpuMs = (cpu.getProcessCpuTime() - cpuStart) / 1_000_000;
            Path zip = out.resolve("layers/deps.zip");
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
            System.out.printf(
                    "run %d: %d ms, process CPU %d ms (built %d, reused %d) %s %,d bytes%n",
                    i, ms, cpuMs, r.builtZips(), r.reusedZips(), sha, Files.size(zip));
        }
    }
}
