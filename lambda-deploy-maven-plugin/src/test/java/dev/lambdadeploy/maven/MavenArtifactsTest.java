package dev.lambdadeploy.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MavenArtifactsTest {
    @Test
    void trailEntriesAreShortenedToGroupArtifactVersion() {
        assertEquals("g:a:1.0", MavenArtifacts.shortCoordinates("g:a:jar:1.0"));
        assertEquals("g:a:1.0", MavenArtifacts.shortCoordinates("g:a:jar:linux-x86_64:1.0"));
        assertEquals("g:a:1.0", MavenArtifacts.shortCoordinates("g:a:1.0"));
        assertEquals("g:a", MavenArtifacts.shortCoordinates("g:a"));
        assertEquals("ex", MavenArtifacts.shortCoordinates("ex"));
    }
}
