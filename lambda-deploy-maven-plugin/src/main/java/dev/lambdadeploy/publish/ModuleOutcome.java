package dev.lambdadeploy.publish;

/**
 * How the deploy of one module of a reactor ended: its result (null when it failed before it had one, e.g. no
 * manifest) and its failure ({@code null} when every function deployed).
 */
public record ModuleOutcome(String module, DeployResult result, String error) {

    public boolean failed() {
        return error != null || result != null && result.failed();
    }
}
