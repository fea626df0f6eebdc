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
 * {@code benchmark/projects/large-layer/target/zip9/java/lib}. Prints two rounds (or ROUNDS, a positive second
 * argument); quote the last.
 *
 * <p>With the plugin's classes on the class path it also measures the plugin's default, jar-aware compression, and apart
 * from it: the self-check that compression makes (inflate and compare), zlib at levels 6 and 1 on the jars' central
 * directories alone (each primed with the 32 KB before it, as the plugin does), and SHA-256 and CRC32 of the jars. The
 * plugin compresses and CRCs the jars after stripping, so give it a built layer's jars for those rows ({@code unzip
 * target/lambda/layers/NAME.zip}, folder {@code java/lib}); it hashes the jars before stripping, so the SHA-256 row of
 * the input jars is the one for the inputs' hashes.
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
        if (rounds < 1) {
            throw new IllegalArgumentException("ROUNDS must be at least 1, not " + rounds);
        }
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
            jarAware(round, jars, total, buffer);
        }
    }

    /**
     * The plugin's default, when its classes are on the class path ({@code java -cp
     * lambda-deploy-maven-plugin/target/classes benchmark/DeflateLevels.java DIR}): compressed entry data copied, the
     * rest compressed (JarDeflater, package-private, hence reflection). Includes its check that each stream inflates
     * back to the jar; that check is then timed again alone, and so are zlib on the central directories, SHA-256 and
     * CRC32 (see the class comment).
     */
    private static void jarAware(int round, List<byte[]> jars, long total, byte[] buffer) throws Exception {
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
        byte[] digest = sha256.digest();
        long shaMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        CRC32 crc = new CRC32();
        for (byte[] jar : jars) {
            crc.update(jar);
        }
        long crcMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "round %d, of which its self-check (inflate and compare) %,d ms; SHA-256 of the jars %,d ms (%02x...),"
                        + " CRC32 %,d ms (%08x)%n",
                round, checkMs, shaMs, digest[0], crcMs, crc.getValue());
        for (int level : new int[] {6, 1}) {
            start = System.nanoTime();
            long directories = 0;
            long deflated = 0;
            for (byte[] jar : jars) {
                int directory = centralDirectory(jar);
                directories += jar.length - directory;
                deflated += centralDirectoryDeflated(jar, directory, level, buffer);
            }
            System.out.printf(
                    "round %d, zlib level %d on the central directories alone: %,d bytes -> %,d in %,d ms%n",
                    round, level, directories, deflated, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Where the jar's central directory starts, from its end record (found from the end, past any comment). */
    private static int centralDirectory(byte[] jar) {
        for (int i = jar.length - 22; i >= 0; i--) {
            if (jar[i] == 0x50 && jar[i + 1] == 0x4b && jar[i + 2] == 5 && jar[i + 3] == 6) {
                return (jar[i + 16] & 0xff)
                        | (jar[i + 17] & 0xff) << 8
                        | (jar[i + 18] & 0xff) << 16
                        | (jar[i + 19] & 0xff) << 24;
            }
        }
        throw new IllegalStateException("not a zip: no end record");
    }

    /** The central directory (to the end of the jar) deflated raw at {@code level}, the 32 KB before as dictionary. */
    private static long centralDirectoryDeflated(byte[] jar, int from, int level, byte[] buffer) {
        Deflater deflater = new Deflater(level, true);
        int dictionary = Math.max(0, from - 32768);
        if (from > dictionary) {
            deflater.setDictionary(jar, dictionary, from - dictionary);
        }
        deflater.setInput(jar, from, jar.length - from);
        deflater.finish();
        long out = 0;
        while (!deflater.finished()) {
            out += deflater.deflate(buffer);
        }
        deflater.end();
        return out;
    }
}
