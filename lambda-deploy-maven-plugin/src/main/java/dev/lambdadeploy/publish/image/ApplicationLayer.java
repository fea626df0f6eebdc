package dev.lambdadeploy.publish.image;

import java.nio.file.Path;
import java.util.List;

/**
 * One image layer built from the package: its files (staged on disk) and where each goes in the container.
 * {@code bytes} is the sum of the file sizes, i.e. what the layer adds to the uncompressed image.
 */
public record ApplicationLayer(String name, List<File> files, long bytes) {
    public static final String DEPENDENCIES = "dependencies";
    public static final String SNAPSHOT_DEPENDENCIES = "snapshot-dependencies";
    public static final String RESOURCES = "resources";
    public static final String CLASSES = "classes";

    public ApplicationLayer {
        files = List.copyOf(files);
    }

    /** A staged file and its absolute path in the container. */
    public record File(Path source, String containerPath, long size) {}
}
