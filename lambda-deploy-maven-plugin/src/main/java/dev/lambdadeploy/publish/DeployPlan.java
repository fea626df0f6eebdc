package dev.lambdadeploy.publish;

import dev.lambdadeploy.manifest.PackageManifest;
import java.util.ArrayList;
import java.util.List;

/** What this deploy would put where: the manifest's zips with their transport, for every region alike. */
public record DeployPlan(PackageManifest manifest, List<PlannedZip> layers, PlannedZip function) {
    public DeployPlan {
        layers = List.copyOf(layers);
    }

    public List<PlannedZip> all() {
        List<PlannedZip> all = new ArrayList<>(layers);
        all.add(function);
        return all;
    }

    public boolean usesS3() {
        return all().stream().anyMatch(z -> z.transport() == DeployMode.S3);
    }

    public String architecture() {
        return manifest.architecture();
    }
}
