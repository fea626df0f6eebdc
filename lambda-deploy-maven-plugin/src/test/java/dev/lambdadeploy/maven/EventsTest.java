package dev.lambdadeploy.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTest {
    @TempDir
    Path dir;

    private String read(String event, String stdin) throws MojoExecutionException {
        return new String(
                Events.read(event, dir, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.UTF_8);
    }

    @Test
    void fileInlineStdinAndDefault() throws Exception {
        Files.writeString(dir.resolve("event.json"), "{\"from\":\"file\"}");
        assertEquals("{\"from\":\"file\"}", read("event.json", ""));
        assertEquals("{\"inline\":true}", read(" {\"inline\":true} ", ""));
        assertEquals("[1,2]", read("[1,2]", ""));
        assertEquals("\"text\"", read("\"text\"", ""));
        assertEquals("{\"from\":\"stdin\"}", read("-", "{\"from\":\"stdin\"}"));
        assertEquals("{}", read(null, "ignored"));
    }

    @Test
    void missingFileNamesTheParameterAndTheForms() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> read("nope.json", ""));
        assertTrue(e.getMessage().contains("<event> (lambda.event) 'nope.json'"), e.getMessage());
        assertTrue(e.getMessage().contains("- for stdin"), e.getMessage());
    }
}
