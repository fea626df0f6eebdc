package dev.lambdadeploy.analyze;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code -Xlog:class+load=info:file=...:uptimenanos}: one event per loaded class with the JVM uptime and the
 * source the class came from ({@code file:/.../x.jar}, {@code file:/.../task/}, {@code jrt:/java.base},
 * {@code shared objects file}, ...).
 */
public final class ClassLoadLog {
    private static final Pattern LINE = Pattern.compile("^\\[(\\d+)ns\\] (\\S+) source: (.*)$");

    public record Event(long uptimeNanos, String className, String source) {}

    private ClassLoadLog() {}

    public static List<Event> parse(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                events.add(new Event(
                        Long.parseLong(m.group(1)), m.group(2), m.group(3).trim()));
            }
        }
        return events;
    }

    /** The JVM option that writes such a log. */
    public static String jvmOption(Path file) {
        return "-Xlog:class+load=info:file=" + file.toAbsolutePath() + ":uptimenanos";
    }
}
