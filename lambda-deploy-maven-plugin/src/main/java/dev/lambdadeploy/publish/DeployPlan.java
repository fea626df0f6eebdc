package dev.lambdadeploy.publish;

import dev.lambdadeploy.manifest.PackageManifest;
import java.util.ArrayList;
import java.util.List;

/**
 * What this deploy would put where: the manifest's zips with their transport, for every region alike, or a container
 * image ({@code image} true: the zips are not uploaded, the image is built from the same package).
 */
public record DeployPlan(PackageManifest manifest, List<PlannedZip> layers, PlannedZip function, boolean image) {
    public DeployPlan {
        layers = List.copyOf(layers);
    }

    public List<PlannedZip> all() {
        List<PlannedZip> all = new ArrayList<>(layers);
        all.add(function);
        return all;
    }

    public boolean usesS3() {
        return !image && all().stream().anyMatch(z -> z.transport() == DeployMode.S3);
    }

    public String architecture() {
        return manifest.architecture();
    }
}
