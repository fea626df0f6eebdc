package dev.lambdadeploy.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCommitTest {
    @TempDir
    Path dir;

    @Test
    void ciVariableWins() {
        assertEquals(Optional.of("0123456789ab"), GitCommit.find(dir, Map.of("GITHUB_SHA", "0123456789abcdef0123")));
    }

    @Test
    void readsTheBranchRefAboveTheProject() throws Exception {
        Path git = Files.createDirectories(dir.resolve(".git/refs/heads"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("main"), "fedcba9876543210fedcba9876543210fedcba98\n");
        Path module = Files.createDirectories(dir.resolve("app/module"));
        assertEquals(Optional.of("fedcba987654"), GitCommit.find(module, Map.of()));
    }

    @Test
    void packedRefsAndNoRepository() throws Exception {
        assertEquals(Optional.empty(), GitCommit.find(dir, Map.of()));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/release\n");
        Files.writeString(
                dir.resolve(".git/packed-refs"),
                "# pack-refs\naaaaaaaaaaaabbbbbbbbbbbbbbbbbbbbbbbbbbbb refs/heads/release\n");
        assertEquals(Optional.of("aaaaaaaaaaaa"), GitCommit.find(dir, Map.of()));
    }
}
