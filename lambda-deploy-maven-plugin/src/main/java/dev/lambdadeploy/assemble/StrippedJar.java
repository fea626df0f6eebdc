package dev.lambdadeploy.assemble;

import dev.lambdadeploy.manifest.Removal;
import java.nio.file.Path;
import java.util.List;

/** A jar ready to be zipped: the original file when nothing was worth removing, else a rewritten copy. */
public record StrippedJar(Path file, long originalBytes, long finalBytes, boolean signed, List<Removal> removed) {
    public StrippedJar {
        removed = List.copyOf(removed);
    }
}
