import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * How much deflating jars costs and saves, per level, on one thread in a warm JVM: the floor under any packaging path
 * that compresses the jars it zips (this plugin at its default level, maven-assembly-plugin, {@code zip -9}).
 *
 * <p>{@code java benchmark/DeflateLevels.java DIR} with DIR a folder of jars, e.g. the benchmark input's jars:
 * {@code ./mvnw -q -f benchmark/projects/large-layer/pom.xml -Pbench-copy package} leaves them in
 * {@code benchmark/projects/large-layer/target/zip9/java/lib}. Prints two rounds (or ROUNDS, a second argument); quote
 * the last. With the plugin's classes on the class path it also measures the plugin's default, jar-aware compression,
 * and apart from it the self-check that compression makes, and SHA-256 and CRC32 of the same bytes (what the plugin
 * computes for the inputs' hashes and the zip entries).
 */
public class DeflateLevels {
    public static void main(String[] args) throws Exception {
        List<byte[]> jars = new ArrayList<>();
        try (var files = Files.list(Path.of(args[0]))) {
            for (Path p : files.sorted().toList()) {
                jars.add(Files.readAllBytes(p));
            }
        }
        long total = jars.stream().mapToLong(b -> b.length).sum();
        byte[] buffer = new byte[1 << 20];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        for (int round = 1; round <= rounds; round++) {
            for (int level : new int[] {1, 6, 9}) {
                long start = System.nanoTime();
                long out = 0;
                for (byte[] jar : jars) {
                    Deflater deflater = new Deflater(level, true);
                    deflater.setInput(jar);
                    deflater.finish();
                    while (!deflater.finished()) {
                        out += deflater.deflate(buffer);
                    }
                    deflater.end();
                }
                System.out.printf(
                        "round %d, level %d: %,d jar bytes -> %,d (%.2f%%) in %,d ms%n",
                        round, level, total, out, 100.0 * out / total, (System.nanoTime() - start) / 1_000_000);
            }
            jarAware(round, jars, total);
        }
    }

    /**
     * The plugin's default, when its classes are on the class path ({@code java -cp
     * lambda-deploy-maven-plugin/target/classes benchmark/DeflateLevels.java DIR}): compressed entry data copied, the
     * rest compressed (JarDeflater, package-private, hence reflection). Includes its check that each stream inflates
     * back to the jar.
     */
    private static void jarAware(int round, List<byte[]> jars, long total) throws Exception {
        Method deflate;
        try {
            deflate = Class.forName("dev.lambdadeploy.assemble.JarDeflater")
                    .getDeclaredMethod("deflate", byte[].class, int.class);
        } catch (ClassNotFoundException e) {
            if (round == 1) {
                System.out.println("(jar-aware row skipped: put lambda-deploy-maven-plugin/target/classes on -cp)");
            }
            return;
        }
        deflate.setAccessible(true);
        Method check = Class.forName("dev.lambdadeploy.assemble.JarDeflater")
                .getDeclaredMethod("inflatesTo", byte[].class, byte[].class);
        check.setAccessible(true);
        long start = System.nanoTime();
        long out = 0;
        List<byte[]> streams = new ArrayList<>();
        for (byte[] jar : jars) {
            Optional<?> stream = (Optional<?>) deflate.invoke(null, jar, 9);
            byte[] bytes = (byte[]) stream.orElseThrow(() -> new IllegalStateException("not mapped"));
            streams.add(bytes);
            out += bytes.length;
        }
        System.out.printf(
                "round %d, jar-aware (plugin default): %,d jar bytes -> %,d (%.2f%%) in %,d ms%n",
                round, total, out, 100.0 * out / total, (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        for (int i = 0; i < jars.size(); i++) {
            if (!(Boolean) check.invoke(null, streams.get(i), jars.get(i))) {
                throw new IllegalStateException("a stream does not inflate to its jar");
            }
        }
        long checkMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (byte[] jar : jars) {
            sha256.update(jar);
        }
        sha256.digest();
        long shaMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        CRC32 crc = new CRC32();
        for (byte[] jar : jars) {
            crc.update(jar);
        }
        System.out.printf(
                "round %d, of which its self-check (inflate and compare) %,d ms; SHA-256 of the jars %,d ms, CRC32 %,d ms%n",
                round, checkMs, shaMs, (System.nanoTime() - start) / 1_000_000);
    }
}
