package dev.lambdadeploy.lifecycle;

import dev.lambdadeploy.manifest.ProjectInfo;
import java.util.List;
import java.util.Map;

/** {@code target/lambda/status.json}: see docs/status-json.md. */
public record StatusResult(
        int schemaVersion,
        String generatedAt,
        ProjectInfo project,
        String localPackage,
        boolean drift,
        List<RegionStatus> regions) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "status.json";

    public StatusResult {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    /** True when a function could not be read (unknown function, wrong region, no permission). */
    public boolean failed() {
        return regions.stream().flatMap(r -> r.functions().stream()).anyMatch(f -> f.error() != null);
    }

    public record RegionStatus(String region, List<FunctionStatus> functions) {
        public RegionStatus {
            functions = functions == null ? List.of() : List.copyOf(functions);
        }
    }

    /**
     * One function in one region. {@code drift} lists every difference from the local package, empty when in sync;
     * {@code null} fields are left out of the JSON.
     */
    public record FunctionStatus(
            String name,
            String functionArn,
            String packageType,
            String state,
            String lastUpdateStatus,
            String lastUpdateStatusReason,
            String lastModified,
            String codeSha256,
            long codeSize,
            String imageUri,
            String imageDigest,
            String localCodeSha256,
            LocalImage localImage,
            List<LayerStatus> layers,
            String latestVersion,
            Map<String, String> aliases,
            History history,
            List<String> drift,
            String error) {

        public FunctionStatus {
            layers = layers == null ? List.of() : List.copyOf(layers);
            aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
            drift = drift == null ? List.of() : List.copyOf(drift);
        }

        static FunctionStatus failed(String name, String error) {
            return new FunctionStatus(
                    name, null, null, null, null, null, null, null, 0, null, null, null, null, null, null, null, null,
                    null, error);
        }
    }

    /**
     * What an image function is compared with when there is a local package: the image this checkout last built and
     * pushed ({@code image-build.json}, written by an image lambda:deploy). {@code status}: {@code in-sync} (the
     * function runs it), {@code differs} (it runs another image) or {@code unknown} (no record: not drift).
     * {@code packageChanged}: the local package changed since that image was built, so lambda:deploy would build a new
     * image; {@code null} when unknown.
     */
    public record LocalImage(
            String status, String digest, String imageUri, String builtAt, Boolean packageChanged, String note) {}

    /**
     * A layer of the function, or of the package only. {@code status}: {@code in-sync}, {@code differs} (the package
     * has other content), {@code not-in-package} (managed by an earlier deploy, gone from the package),
     * {@code not-deployed} (in the package, not on the function) or {@code foreign} (not managed by this plugin).
     */
    public record LayerStatus(
            String name,
            Long version,
            String arn,
            long codeSize,
            String codeSha256,
            String localCodeSha256,
            String status) {}

    /** What the deploy history tags say: when, from which commit, and what was there before. */
    public record History(
            String project, String deployedAt, String gitCommit, String previousCodeSha256, String previousLayers) {}
}
