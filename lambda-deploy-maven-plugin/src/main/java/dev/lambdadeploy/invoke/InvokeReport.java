package dev.lambdadeploy.invoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The console summary of a run and {@code target/lambda/invoke-result.json}. */
public final class InvokeReport {
    public static final String FILE_NAME = "invoke-result.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InvokeReport() {}

    public static List<String> summary(String handler, InvokeResult r) {
        InvokeTimings t = r.timings();
        List<String> lines = new ArrayList<>();
        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT,
                "lambda:invoke %s: JVM start %.0f ms -> handler class ready %.0f ms -> init done at %.0f ms",
                handler,
                t.jvmStartMs(),
                t.handlerClassMs(),
                t.initMs()));
        for (int i = 1; i <= t.invokeEnds().size(); i++) {
            sb.append(String.format(Locale.ROOT, " -> %s invoke %.1f ms", ordinal(i), t.invokeMs(i)));
        }
        lines.add(sb.toString());
        if (r.peakRssKb() > 0) {
            lines.add(String.format(Locale.ROOT, "  peak memory (RSS) %d MB", r.peakRssKb() / 1024));
        }
        lines.add("  response: " + r.response());
        return lines;
    }

    private static String ordinal(int i) {
        return switch (i) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            default -> i + "th";
        };
    }

    public static ObjectNode toJson(String handler, InvokeResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("handler", handler);
        n.put("outcome", r.outcome());
        n.put("response", r.response());
        ArrayNode rs = n.putArray("responses");
        r.responses().forEach(rs::add);
        ObjectNode t = n.putObject("timingsMs");
        InvokeTimings ti = r.timings();
        t.put("jvmStart", round(ti.jvmStartMs()));
        t.put("handlerClassReady", round(ti.handlerClassMs()));
        t.put("init", round(ti.initMs()));
        ArrayNode inv = t.putArray("invocations");
        for (int i = 1; i <= ti.invokeEnds().size(); i++) {
            inv.add(round(ti.invokeMs(i)));
        }
        n.put("peakRssKb", r.peakRssKb());
        if (r.errorType() != null) {
            ObjectNode e = n.putObject("error");
            e.put("errorType", r.errorType());
            e.put("errorMessage", r.errorMessage());
            e.put("stackTrace", r.errorStackTrace());
        }
        return n;
    }

    public static void write(Path file, String handler, InvokeResult r) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MAPPER.writeValue(file.toFile(), toJson(handler, r));
    }

    static double round(double ms) {
        return Double.isNaN(ms) ? -1 : Math.round(ms * 10) / 10.0;
    }
}
