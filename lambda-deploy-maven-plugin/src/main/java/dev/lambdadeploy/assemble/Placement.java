package dev.lambdadeploy.assemble;

/** The decision for one artifact: which zip, and under which (unique) file name. */
public record Placement(DependencyArtifact artifact, ZipTarget target, String jarName) {
    public String zipEntry() {
        return target.jarFolder() + jarName;
    }
}
