package dev.lambdadeploy.lifecycle;

import java.util.List;

/** {@code target/lambda/rollback-result.json}: see docs/lifecycle-json.md. */
public record RollbackResult(int schemaVersion, String startedAt, String to, List<RegionRollback> regions) {
    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "rollback-result.json";

    public RollbackResult {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    public boolean failed() {
        return regions.stream().anyMatch(r -> r.error() != null);
    }

    /** One region; {@code error} set when it was refused or failed (then nothing after the failing step changed). */
    public record RegionRollback(String region, List<FunctionRollback> functions, String error) {
        public RegionRollback {
            functions = functions == null ? List.of() : List.copyOf(functions);
        }
    }

    /**
     * One function: {@code target} says what it went back to ({@code previous deployment} or {@code version 2}),
     * {@code codeSource} where the code came from ({@code s3://...}, {@code version 2}, {@code unchanged}).
     */
    public record FunctionRollback(
            String name,
            String target,
            String codeSource,
            String fromCodeSha256,
            String toCodeSha256,
            String fromImageUri,
            String toImageUri,
            List<String> fromLayers,
            List<String> toLayers,
            String alias,
            String aliasVersion) {
        public FunctionRollback {
            fromLayers = fromLayers == null ? List.of() : List.copyOf(fromLayers);
            toLayers = toLayers == null ? List.of() : List.copyOf(toLayers);
        }
    }
}
