package dev.lambdadeploy.assemble;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The paths of a directory tree in the order {@code Files.walk(root).sorted()} gives them (root included, symbolic
 * links listed but not followed), listed with plain directory streams: in a fresh Maven JVM the first {@code
 * Files.walk} stream pipeline costs several milliseconds of class loading and set-up, more than a no-op build spends
 * on the whole tree.
 */
final class FileTrees {
    private FileTrees() {}

    static List<Path> sorted(Path root) throws IOException {
        List<Path> all = new ArrayList<>();
        add(root, all);
        Collections.sort(all);
        return all;
    }

    /** The regular files (links followed, as a content read follows them) of {@link #sorted}. */
    static List<Path> regularFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : sorted(root)) {
            if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        return files;
    }

    private static void add(Path path, List<Path> all) throws IOException {
        all.add(path);
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
            for (Path child : children) {
                add(child, all);
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause(); // as Files.walk reports it: the IOException
        }
    }
}
