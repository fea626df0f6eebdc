package dev.lambdadeploy.publish;

import java.util.List;

/**
 * {@code target/lambda/reactor-deploy-result.json} under the execution root: every module's deploy of one build,
 * next to each module's own deploy-result.json (see docs/fleet.md).
 */
public record ReactorResult(
        int schemaVersion,
        int modules,
        int functions,
        int failedFunctions,
        long bytesUploaded,
        long awsCalls,
        List<Module> results) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "reactor-deploy-result.json";

    /** One module: its own result file's content, or why it has none. */
    public record Module(String module, String status, String error, DeployResult result) {}

    public static ReactorResult of(List<ModuleOutcome> outcomes) {
        List<Module> modules = outcomes.stream()
                .map(o -> new Module(
                        o.module(),
                        o.failed() ? "failed" : o.result() != null && o.result().dryRun() ? "dry-run" : "deployed",
                        o.error(),
                        o.result()))
                .toList();
        int functions = 0;
        int failed = 0;
        long bytes = 0;
        long calls = 0;
        for (ModuleOutcome o : outcomes) {
            if (o.result() == null) {
                continue;
            }
            bytes += o.result().bytesUploaded();
            calls += o.result().awsCalls();
            for (RegionResult r : o.result().regions()) {
                functions += r.functions().size();
                failed += (int)
                        r.functions().stream().filter(FunctionResult::failed).count();
            }
        }
        return new ReactorResult(SCHEMA_VERSION, outcomes.size(), functions, failed, bytes, calls, modules);
    }
}
