package dev.lambdadeploy.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lambdadeploy.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link SizeReport} as pretty JSON; readers ignore fields they do not know. */
public final class SizeReportIO {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SizeReportIO() {}

    public static void write(SizeReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MAPPER.writeValue(file.toFile(), report);
    }

    /** An earlier report used as baseline; {@code element} names the POM element in the error. */
    public static SizeReport readBaseline(Path file, String element) {
        try {
            SizeReport r = MAPPER.readValue(file.toFile(), SizeReport.class);
            if (r.totals() == null || r.schemaVersion() < 1) {
                throw new ConfigException(element, file + " is not a size-report.json written by lambda:package.");
            }
            return r;
        } catch (IOException e) {
            throw new ConfigException(element, "cannot read the baseline " + file + " as a size-report.json: "
                    + e.getMessage().lines().findFirst().orElse("") + ". Point it at the target/lambda/size-report.json"
                    + " of an earlier build (e.g. the last release), or remove it.");
        }
    }
}
