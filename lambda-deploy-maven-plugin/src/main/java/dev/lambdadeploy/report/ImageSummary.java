package dev.lambdadeploy.report;

import dev.lambdadeploy.publish.ImageDeployResult;
import dev.lambdadeploy.publish.image.ImageResult;
import dev.lambdadeploy.units.ByteSizes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The summary of a pushed image: one line per layer with its sizes and whether this push uploaded it. */
public final class ImageSummary {
    private ImageSummary() {}

    public static List<String> render(ImageResult r) {
        return render(ImageDeployResult.of(r));
    }

    public static List<String> render(ImageDeployResult r) {
        List<String> lines = new ArrayList<>();
        lines.add("Image " + r.imageUri() + " (" + r.platform() + ", CMD " + r.cmd() + ")"
                + (r.pushedTo().equals(r.imageUri()) ? "" : ", pushed to " + r.pushedTo()));
        String fmt = "  %-24s %12s %13s  %s";
        lines.add(String.format(Locale.ROOT, fmt, "LAYER", "COMPRESSED", "UNCOMPRESSED", "PUSH"));
        for (ImageDeployResult.Layer l : r.layers()) {
            lines.add(String.format(
                    Locale.ROOT,
                    fmt,
                    l.name(),
                    ByteSizes.human(l.compressedBytes()),
                    l.uncompressedBytes() < 0 ? "?" : ByteSizes.human(l.uncompressedBytes()),
                    l.pushed() ? "uploaded" : "already in registry"));
        }
        lines.add("  uploaded " + ByteSizes.human(r.pushedBytes()) + ", already in the registry "
                + ByteSizes.human(r.skippedBytes()) + "; size against Lambda's 10 GB image limit: "
                + ByteSizes.human(r.sizeForLimitBytes()) + (r.sizeExact() ? "" : " (base layers counted compressed)"));
        return lines;
    }
}
