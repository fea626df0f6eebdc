package dev.lambdadeploy.testing;

import dev.lambdadeploy.log.BuildLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A BuildLog that keeps every line ("INFO ...", "WARN ...") for assertions. */
public final class RecordingLog implements BuildLog {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    public List<String> lines() {
        return lines;
    }

    public String text() {
        return String.join("\n", lines);
    }
}
