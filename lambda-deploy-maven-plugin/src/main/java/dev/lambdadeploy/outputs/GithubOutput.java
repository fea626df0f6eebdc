package dev.lambdadeploy.outputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * GitHub Actions step outputs: appends {@code name=value} lines to the file {@code $GITHUB_OUTPUT} names (other
 * steps of the job append to it too, so it is never truncated). Values are single-line ARNs, URIs and JSON.
 */
public final class GithubOutput {
    public static final String ENV = "GITHUB_OUTPUT";

    private GithubOutput() {}

    public static void append(Path file, Map<String, String> outputs) {
        StringBuilder sb = new StringBuilder();
        outputs.forEach((k, v) -> {
            if (v.contains("\n") || v.contains("\r")) {
                throw new IllegalArgumentException("output " + k + " has a line break");
            }
            sb.append(k).append('=').append(v).append('\n');
        });
        try {
            Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the step outputs to " + file + " ($" + ENV + ")", e);
        }
    }
}
