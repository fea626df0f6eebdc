package dev.lambdadeploy.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lambdadeploy.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes {@link SizeReport} as pretty JSON; readers ignore fields they do not know. */
public final class SizeReportIO {
    /** In a holder, so {@link #warmUpInBackground()} can set it up on another thread. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static volatile Throwable warmUpFailure;

    private SizeReportIO() {}

    /**
     * Sets up data binding on a daemon thread, so a report written after a full build does not wait for it: in a fresh
     * Maven JVM that set-up took about 150 ms, while packaging keeps the other threads busy anyway.
     * A failure is kept, not thrown: the warm-up runs on its own thread, and the first real write names it as cause.
     */
    @SuppressWarnings("StaticAssignmentOfThrowable")
    public static void warmUpInBackground() {
        Thread t = new Thread(
                () -> {
                    try {
                        Json.MAPPER.writeValueAsBytes(new SizeReport(
                                SizeReport.SCHEMA_VERSION,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                List.of(),
                                false,
                                List.of(),
                                List.of(),
                                null));
                    } catch (Throwable failure) {
                        // only a head start: kept so the report's own write can name it if data binding is broken
                        warmUpFailure = failure;
                    }
                },
                "lambda-size-report-warm-up");
        t.setDaemon(true);
        t.start();
    }

    public static void write(SizeReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Json.MAPPER.writeValue(file.toFile(), report);
        } catch (NoClassDefFoundError e) {
            // set-up failed on the warm-up thread; the JVM now only says "could not initialize class"
            throw new IOException(
                    "cannot set up JSON writing: " + e.getMessage(), warmUpFailure == null ? e : warmUpFailure);
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
