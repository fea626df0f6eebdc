package dev.lambdadeploy.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdadeploy.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link SizeReport} as pretty JSON; readers ignore fields they do not know. Written by
 * {@link SizeReportJson} (streaming); read with data binding, which only a build with a baseline sets up.
 */
public final class SizeReportIO {
    /** In a holder, so {@link #warmUpInBackground()} can set it up on another thread. */
    private static final class Json {
        static final ObjectMapper MAPPER =
                new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Why the warm-up failed, for the error of the read that then cannot set data binding up either. */
    private static volatile Throwable warmUpFailure;

    private SizeReportIO() {}

    /**
     * Sets up data binding for reading a baseline on a daemon thread, so the report after a full build does not wait
     * for it: in a fresh Maven JVM that set-up takes over 100 ms, while packaging keeps the other threads busy anyway.
     * A failure is kept, not thrown: the warm-up runs on its own thread, and the baseline's read names it as cause.
     */
    @SuppressWarnings("StaticAssignmentOfThrowable")
    public static void warmUpInBackground() {
        Thread t = new Thread(
                () -> {
                    try {
                        Json.MAPPER.readValue("{}", SizeReport.class);
                    } catch (Throwable failure) {
                        // only a head start; see above
                        warmUpFailure = failure;
                    }
                },
                "lambda-size-report-warm-up");
        t.setDaemon(true);
        t.start();
    }

    public static void write(SizeReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            SizeReportJson.write(report, out);
        }
    }

    /** An earlier report used as baseline; {@code element} names the POM element in the error. */
    public static SizeReport readBaseline(Path file, String element) {
        try {
            SizeReport r = Json.MAPPER.readValue(file.toFile(), SizeReport.class);
            if (r.totals() == null || r.schemaVersion() < 1) {
                throw new ConfigException(element, file + " is not a size-report.json written by lambda:package.");
            }
            return r;
        } catch (NoClassDefFoundError e) {
            // set-up failed on the warm-up thread; the JVM now only says "could not initialize class"
            throw new IllegalStateException(
                    "cannot set up JSON reading: " + e.getMessage(), warmUpFailure == null ? e : warmUpFailure);
        } catch (IOException e) {
            throw new ConfigException(
                    element,
                    "cannot read the baseline " + file + " as a size-report.json: "
                            + e.getMessage().lines().findFirst().orElse("")
                            + ". Point it at the target/lambda/size-report.json"
                            + " of an earlier build (e.g. the last release), or remove it.");
        }
    }
}
