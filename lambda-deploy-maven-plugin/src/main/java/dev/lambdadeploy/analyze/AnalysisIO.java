package dev.lambdadeploy.analyze;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code analysis.json} (NaN, for "not measured", becomes null). */
public final class AnalysisIO {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AnalysisIO() {}

    public static void write(AnalysisReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String json = MAPPER.writeValueAsString(report).replaceAll(":\\s*NaN", " : null");
        Files.writeString(file, json + "\n");
    }
}
