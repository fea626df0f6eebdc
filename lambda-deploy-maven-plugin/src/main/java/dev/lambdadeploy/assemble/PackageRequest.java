package dev.lambdadeploy.assemble;

import dev.lambdadeploy.config.Architecture;
import dev.lambdadeploy.config.LayerSpec;
import dev.lambdadeploy.config.OutputTimestamp;
import dev.lambdadeploy.config.StripSpec;
import dev.lambdadeploy.manifest.ProjectInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Everything {@link LambdaPackager} needs, already validated and free of Maven types. */
public record PackageRequest(
        ProjectInfo project,
        Path classesDirectory,
        List<DependencyArtifact> artifacts,
        List<LayerSpec> layers,
        String defaultLayerName,
        Architecture architecture,
        StripSpec strip,
        Instant outputTimestamp,
        Path outputDirectory,
        boolean incremental,
        String pluginVersion,
        int parallelism,
        CompressionPolicy compression) {

    public PackageRequest {
        artifacts = List.copyOf(artifacts);
        layers = List.copyOf(layers);
    }

    public static Builder builder(ProjectInfo project, Path outputDirectory) {
        return new Builder(project, outputDirectory);
    }

    /** Defaults match the plugin's defaults; tests and the mojo set what they need. */
    public static final class Builder {
        private final ProjectInfo project;
        private final Path outputDirectory;
        private Path classesDirectory;
        private final List<DependencyArtifact> artifacts = new ArrayList<>();
        private final List<LayerSpec> layers = new ArrayList<>();
        private String defaultLayerName;
        private Architecture architecture = Architecture.X86_64;
        private StripSpec strip = StripSpec.defaults();
        private Instant outputTimestamp = OutputTimestamp.DEFAULT;
        private boolean incremental = true;
        private String pluginVersion = "dev";
        private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
        private CompressionPolicy compression = CompressionPolicy.DEFAULT;

        private Builder(ProjectInfo project, Path outputDirectory) {
            this.project = project;
            this.outputDirectory = outputDirectory;
            this.defaultLayerName = project.artifactId();
        }

        public Builder classesDirectory(Path v) {
            classesDirectory = v;
            return this;
        }

        public Builder artifacts(List<DependencyArtifact> v) {
            artifacts.addAll(v);
            return this;
        }

        public Builder artifact(DependencyArtifact v) {
            artifacts.add(v);
            return this;
        }

        public Builder layers(List<LayerSpec> v) {
            layers.addAll(v);
            return this;
        }

        public Builder defaultLayerName(String v) {
            defaultLayerName = v;
            return this;
        }

        public Builder architecture(Architecture v) {
            architecture = v;
            return this;
        }

        public Builder strip(StripSpec v) {
            strip = v;
            return this;
        }

        public Builder outputTimestamp(Instant v) {
            outputTimestamp = v;
            return this;
        }

        public Builder incremental(boolean v) {
            incremental = v;
            return this;
        }

        public Builder pluginVersion(String v) {
            pluginVersion = v;
            return this;
        }

        public Builder parallelism(int v) {
            parallelism = v;
            return this;
        }

        public Builder compression(CompressionPolicy v) {
            compression = v;
            return this;
        }

        public PackageRequest build() {
            return new PackageRequest(
                    project,
                    classesDirectory,
                    artifacts,
                    layers,
                    defaultLayerName,
                    architecture,
                    strip,
                    outputTimestamp,
                    outputDirectory,
                    incremental,
                    pluginVersion,
                    parallelism,
                    compression);
        }
    }
}
