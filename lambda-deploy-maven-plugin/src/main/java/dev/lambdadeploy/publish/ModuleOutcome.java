package dev.lambdadeploy.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * How the deploy of one module of a reactor ended: its result (null when it failed before it had one, e.g. no
 * manifest) and its failure ({@code null} when every function deployed).
 */
public record ModuleOutcome(String module, DeployResult result, String error) {

    public boolean failed() {
        return error != null || (result != null && result.failed());
    }

    /**
     * The unexpected exception (a bug, not an AWS or deploy failure) behind one of this module's failures, so the
     * goal fails with its stack; {@code null} when there is none.
     */
    public Throwable cause() {
        if (result == null) {
            return null;
        }
        return result.regions().stream()
                .map(RegionResult::firstCause)
                .filter(c -> c != null)
                .findFirst()
                .orElse(null);
    }

    /**
     * One line per failure: {@code <module>: function <name> in <region> (left <state>): <why>}; a region that
     * failed before any function was changed is one line for all its functions.
     */
    public List<String> failures() {
        List<String> out = new ArrayList<>();
        if (result == null) {
            if (error != null) {
                out.add(module + ": " + error);
            }
            return out;
        }
        for (RegionResult r : result.regions()) {
            if (r.error() != null) {
                List<String> names =
                        r.functions().stream().map(FunctionResult::name).toList();
                out.add(module + ": "
                        + (names.size() == 1
                                ? "function " + names.get(0)
                                : names.isEmpty() ? "deploy" : "functions " + String.join(", ", names))
                        + " in " + r.region()
                        + " (left unchanged): " + r.error());
                continue;
            }
            for (FunctionResult f : r.functions()) {
                if (f.failed()) {
                    out.add(module + ": function " + f.name() + " in " + r.region() + " (left " + f.leftIn() + "): "
                            + f.error());
                }
            }
        }
        return out;
    }
}
