package dev.lambdadeploy.config;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConfigParsingTest {
    @Test
    void architectureAcceptsAwsNamesAndAliases() {
        assertEquals(Architecture.X86_64, Architecture.parse("x86_64", "e"));
        assertEquals(Architecture.ARM64, Architecture.parse("aarch64", "e"));
        assertEquals(Architecture.ARM64, Architecture.parse(" ARM64 ", "e"));
    }

    @Test
    void unknownArchitectureNamesElementAndAllowedValues() {
        ConfigException e = assertThrows(ConfigException.class, () -> Architecture.parse("sparc", "<architecture>"));
        assertEquals("<architecture>", e.element());
        assertTrue(e.getMessage().contains("'sparc'"));
        assertTrue(e.getMessage().contains("x86_64, arm64"));
    }

    @Test
    void artifactPatternsWithWildcards() {
        ArtifactPattern sdk = ArtifactPattern.parse("software.amazon.awssdk:*", "e");
        assertTrue(sdk.matches("software.amazon.awssdk", "s3", "2.0"));
        assertFalse(sdk.matches("software.amazon.awssdkx", "s3", "2.0"));
        ArtifactPattern snapshots = ArtifactPattern.parse("*:*:*-SNAPSHOT", "e");
        assertTrue(snapshots.matches("a", "b", "1.0-SNAPSHOT"));
        assertFalse(snapshots.matches("a", "b", "1.0"));
        ArtifactPattern jackson = ArtifactPattern.parse("com.fasterxml.jackson.*:jackson-core", "e");
        assertTrue(jackson.matches("com.fasterxml.jackson.core", "jackson-core", "2"));
        assertFalse(jackson.matches("com.fasterxml.jackson.core", "jackson-databind", "2"));
        // '.' is literal, not a regex wildcard
        assertFalse(ArtifactPattern.parse("a.b:c", "e").matches("axb", "c", "1"));
    }

    @Test
    void malformedArtifactPatternsAreRefused() {
        for (String bad : new String[] {"", "justone", "a:b:c:d", "a b:c", "a:(b)"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> ArtifactPattern.parse(bad, "<include>"), bad);
            assertEquals("<include>", e.element());
            assertTrue(e.getMessage().contains("groupId:artifactId"));
        }
    }

    @Test
    void entryGlobs() {
        assertTrue(EntryGlob.parse("META-INF/maven/**", "e").matches("META-INF/maven/g/a/pom.xml"));
        assertTrue(EntryGlob.parse("**/*.md", "e").matches("README.md"));
        assertTrue(EntryGlob.parse("**/*.md", "e").matches("docs/x/README.md"));
        assertFalse(EntryGlob.parse("*.md", "e").matches("docs/README.md"));
        assertTrue(EntryGlob.parse("a/?.txt", "e").matches("a/b.txt"));
        assertThrows(ConfigException.class, () -> EntryGlob.parse("/abs/**", "e"));
        assertThrows(ConfigException.class, () -> EntryGlob.parse(" ", "e"));
    }

    @Test
    void layerNamesFollowLambdaRules() {
        LayerSpec.validateName("aws-sdk_2", "e");
        assertThrows(ConfigException.class, () -> LayerSpec.validateName("has space", "e"));
        assertThrows(ConfigException.class, () -> LayerSpec.validateName("x".repeat(141), "e"));
    }

    @Test
    void outputTimestamp() {
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), OutputTimestamp.parse("2026-01-01T00:00:00Z"));
        assertEquals(Instant.ofEpochSecond(1767225600), OutputTimestamp.parse("1767225600"));
        assertEquals(Instant.parse("1980-02-01T00:00:00Z"), OutputTimestamp.DEFAULT);
        assertEquals(OutputTimestamp.DEFAULT, OutputTimestamp.parse(null));
        assertEquals(OutputTimestamp.DEFAULT, OutputTimestamp.parse("a"));
        assertEquals(Instant.parse("1980-01-01T00:00:00Z"), OutputTimestamp.parse("10"));
        ConfigException e = assertThrows(ConfigException.class, () -> OutputTimestamp.parse("yesterday"));
        assertEquals("project.build.outputTimestamp", e.element());
    }
}
