package dev.lambdadeploy.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The commit being deployed, for layer and version descriptions: from the CI's environment (GITHUB_SHA,
 * CI_COMMIT_SHA, GIT_COMMIT) or from {@code .git/HEAD} above the project. Best effort: no git binary, no failure.
 */
public final class GitCommit {
    private GitCommit() {}

    public static Optional<String> find(Path dir, Map<String, String> env) {
        for (String var : new String[] {"GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT"}) {
            String v = env.get(var);
            if (v != null && v.matches("[0-9a-fA-F]{7,64}")) {
                return Optional.of(shorten(v));
            }
        }
        for (Path d = dir == null ? null : dir.toAbsolutePath(); d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            if (Files.isDirectory(git)) {
                return fromGitDir(git);
            }
            if (Files.isRegularFile(git)) { // worktree: "gitdir: <path>"
                try {
                    String line = Files.readString(git).trim();
                    if (line.startsWith("gitdir:")) {
                        return fromGitDir(d.resolve(line.substring(7).trim()));
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fromGitDir(Path git) {
        try {
            String head = Files.readString(git.resolve("HEAD")).trim();
            if (!head.startsWith("ref:")) {
                return Optional.of(shorten(head));
            }
            String ref = head.substring(4).trim();
            Path common = git;
            Path commonFile = git.resolve("commondir");
            if (Files.isRegularFile(commonFile)) {
                common = git.resolve(Files.readString(commonFile).trim()).normalize();
            }
            for (Path base : new Path[] {git, common}) {
                Path refFile = base.resolve(ref);
                if (Files.isRegularFile(refFile)) {
                    return Optional.of(shorten(Files.readString(refFile).trim()));
                }
                Path packed = base.resolve("packed-refs");
                if (Files.isRegularFile(packed)) {
                    for (String line : Files.readAllLines(packed)) {
                        if (line.endsWith(" " + ref)) {
                            return Optional.of(shorten(line.substring(0, line.indexOf(' '))));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no commit then
        }
        return Optional.empty();
    }

    private static String shorten(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
