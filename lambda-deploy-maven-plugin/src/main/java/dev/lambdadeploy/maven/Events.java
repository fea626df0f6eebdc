package dev.lambdadeploy.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;

/** Reads {@code lambda.event}: a file, inline JSON, or {@code -} for standard input; {@code {}} when unset. */
final class Events {
    private Events() {}

    static byte[] read(String event, Path basedir, InputStream stdin) throws MojoExecutionException {
        if (event == null || event.isBlank()) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        String e = event.trim();
        if (e.equals("-")) {
            try {
                return stdin.readAllBytes();
            } catch (IOException ex) {
                throw new MojoExecutionException("Cannot read the event from standard input: " + ex.getMessage(), ex);
            }
        }
        if (e.startsWith("{") || e.startsWith("[") || e.startsWith("\"") || e.equals("null")) {
            return e.getBytes(StandardCharsets.UTF_8);
        }
        Path file = basedir.resolve(e);
        if (!Files.isRegularFile(file)) {
            throw new MojoExecutionException(
                    "<event> (lambda.event) '" + event + "' is neither inline JSON nor a file (" + file
                            + " does not exist); pass a JSON file, inline JSON like '{\"name\":\"x\"}', or - for stdin");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException ex) {
            throw new MojoExecutionException("Cannot read <event> file " + file + ": " + ex.getMessage(), ex);
        }
    }
}
