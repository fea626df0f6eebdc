package dev.lambdadeploy.publish;

import dev.lambdadeploy.aws.AwsSettings;
import dev.lambdadeploy.fleet.FleetSession;
import dev.lambdadeploy.publish.image.ImageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Everything {@link LambdaDeployer} needs; built by the Maven adapter (or a test) and validated there. */
public final class DeployRequest {
    private final Path outputDirectory;
    private final List<Path> staleIfNewer;
    private final String expectedArtifact;
    private final List<String> regions;
    private final List<String> functionNames;
    private final FunctionSettings function;
    private final Map<String, FunctionOverride> overrides;
    private final LayerSettings layers;
    private final DeployMode mode;
    private final S3Settings s3;
    private final ImageSettings image;
    private final AwsSettings aws;
    private final boolean dryRun;
    private final boolean recordHistory;
    private final Duration waitTimeout;
    private final Duration pollInterval;
    private final String gitCommit;
    private final FleetSession session;
    private final boolean layersOnly;

    private DeployRequest(Builder b) {
        this.outputDirectory = Objects.requireNonNull(b.outputDirectory, "outputDirectory");
        this.staleIfNewer = List.copyOf(b.staleIfNewer);
        this.expectedArtifact = b.expectedArtifact;
        this.regions = List.copyOf(b.regions);
        this.functionNames = List.copyOf(b.functionNames);
        this.function = b.function;
        this.overrides = Map.copyOf(b.overrides);
        this.layers = b.layers;
        this.mode = b.mode;
        this.s3 = b.s3;
        this.image = b.image;
        this.aws = b.aws;
        this.dryRun = b.dryRun;
        this.recordHistory = b.recordHistory;
        this.session = b.session != null ? b.session : FleetSession.standalone();
        this.waitTimeout = b.waitTimeout;
        this.pollInterval = b.pollInterval;
        this.gitCommit = b.gitCommit;
        this.layersOnly = b.layersOnly;
        if (layersOnly && mode == DeployMode.IMAGE) {
            throw new dev.lambdadeploy.config.ConfigException(
                    "<layersOnly> (lambda.deploy.layersOnly)",
                    "image mode "
                            + "deploys no layers (image functions cannot use them); use mode auto, direct or s3 with layersOnly.");
        }
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region");
        }
    }

    public static Builder builder(Path outputDirectory) {
        return new Builder(outputDirectory);
    }

    /** {@code target/lambda/}: where the manifest, the zips and deploy-result.json live. */
    public Path outputDirectory() {
        return outputDirectory;
    }
    /** Files or folders (e.g. target/classes) whose newer content means the manifest is stale. */
    public List<Path> staleIfNewer() {
        return staleIfNewer;
    }
    /** groupId:artifactId the manifest must be for, or null. */
    public String expectedArtifact() {
        return expectedArtifact;
    }

    public List<String> regions() {
        return regions;
    }
    /** The functions to deploy; none for a layers-only deploy. */
    public List<String> functionNames() {
        return layersOnly ? List.of() : functionNames;
    }
    /** Publish (or reuse) the layers only and touch no function (functions owned by CloudFormation, CDK, SAM, Terraform). */
    public boolean layersOnly() {
        return layersOnly;
    }
    /** The settings all functions share. */
    public FunctionSettings function() {
        return function;
    }
    /** The settings of one function: the shared ones with its {@link FunctionOverride} on top. */
    public FunctionSettings settingsFor(String functionName) {
        FunctionOverride o = overrides.get(functionName);
        return o == null ? function : o.applyTo(function);
    }

    public LayerSettings layers() {
        return layers;
    }

    public DeployMode mode() {
        return mode;
    }

    public S3Settings s3() {
        return s3;
    }
    /** The container image settings (image mode, or auto over 250 MB). */
    public ImageSettings image() {
        return image;
    }

    public AwsSettings aws() {
        return aws;
    }

    public boolean dryRun() {
        return dryRun;
    }
    /** Tag functions with what was deployed (and what was there before), for status and rollback. */
    public boolean recordHistory() {
        return recordHistory;
    }

    public Duration waitTimeout() {
        return waitTimeout;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public String gitCommit() {
        return gitCommit;
    }
    /** What this deploy shares with the other deploys of the build (once-only publications, deploy slots). */
    public FleetSession session() {
        return session;
    }

    public static final class Builder {
        private final Path outputDirectory;
        private final List<Path> staleIfNewer = new ArrayList<>();
        private String expectedArtifact;
        private final List<String> regions = new ArrayList<>();
        private final List<String> functionNames = new ArrayList<>();
        private FunctionSettings function = FunctionSettings.none();
        private final Map<String, FunctionOverride> overrides = new LinkedHashMap<>();
        private LayerSettings layers = LayerSettings.defaults();
        private DeployMode mode = DeployMode.AUTO;
        private S3Settings s3 = S3Settings.defaults();
        private ImageSettings image = ImageSettings.none();
        private AwsSettings aws = AwsSettings.defaults();
        private boolean dryRun;
        private boolean recordHistory = true;
        private Duration waitTimeout = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofSeconds(2);
        private String gitCommit;
        private FleetSession session;
        private boolean layersOnly;

        private Builder(Path outputDirectory) {
            this.outputDirectory = outputDirectory;
        }

        public Builder staleIfNewer(List<Path> v) {
            staleIfNewer.addAll(v);
            return this;
        }

        public Builder expectedArtifact(String v) {
            expectedArtifact = v;
            return this;
        }

        public Builder regions(List<String> v) {
            regions.addAll(v);
            return this;
        }

        public Builder functionNames(List<String> v) {
            functionNames.addAll(v);
            return this;
        }

        public Builder function(FunctionSettings v) {
            function = v;
            return this;
        }
        /** Settings of one function that differ from the shared ones. */
        public Builder override(String functionName, FunctionOverride v) {
            overrides.put(functionName, v);
            return this;
        }

        public Builder overrides(Map<String, FunctionOverride> v) {
            overrides.putAll(v);
            return this;
        }

        public Builder layers(LayerSettings v) {
            layers = v;
            return this;
        }

        public Builder mode(DeployMode v) {
            mode = v;
            return this;
        }

        public Builder s3(S3Settings v) {
            s3 = v;
            return this;
        }

        public Builder image(ImageSettings v) {
            image = v;
            return this;
        }

        public Builder aws(AwsSettings v) {
            aws = v;
            return this;
        }

        public Builder dryRun(boolean v) {
            dryRun = v;
            return this;
        }

        public Builder recordHistory(boolean v) {
            recordHistory = v;
            return this;
        }

        public Builder waitTimeout(Duration v) {
            waitTimeout = v;
            return this;
        }

        public Builder pollInterval(Duration v) {
            pollInterval = v;
            return this;
        }

        public Builder gitCommit(String v) {
            gitCommit = v;
            return this;
        }
        /** The build's session; default: one of its own. */
        public Builder session(FleetSession v) {
            session = v;
            return this;
        }

        public Builder layersOnly(boolean v) {
            layersOnly = v;
            return this;
        }

        public DeployRequest build() {
            return new DeployRequest(this);
        }
    }
}
