package dev.lambdadeploy.assemble;

import dev.lambdadeploy.manifest.Removal;
import java.util.List;

/** A jar ready to be zipped: the original bytes when nothing was worth removing, else a rewritten copy. */
public record StrippedJar(byte[] content, long originalBytes, long finalBytes, boolean signed, List<Removal> removed) {
    public StrippedJar {
        removed = List.copyOf(removed);
    }
}
