package dev.lambdadeploy.maven;

import dev.lambdadeploy.publish.ModuleOutcome;
import java.util.List;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one failure of a reactor's deploy, added to the build's result by the first module that fails so the other
 * modules still deploy and the build fails once, at its end. Its message is read when Maven prints it, so it lists
 * every failed function of every module, with the state each was left in.
 */
final class DeferredDeployFailure extends MojoFailureException {
    private static final long serialVersionUID = 1L;
    private final transient Supplier<List<ModuleOutcome>> outcomes;

    DeferredDeployFailure(Supplier<List<ModuleOutcome>> outcomes) {
        super("lambda:deploy failed");
        this.outcomes = outcomes;
    }

    @Override
    public String getMessage() {
        return describe(outcomes.get());
    }

    /** The first unexpected exception behind the build's failures, so {@code mvn -e} shows its stack. */
    @Override
    public synchronized Throwable getCause() {
        return cause(outcomes.get());
    }

    static Throwable cause(List<ModuleOutcome> outcomes) {
        return outcomes.stream()
                .map(ModuleOutcome::cause)
                .filter(c -> c != null)
                .findFirst()
                .orElse(null);
    }

    static String describe(List<ModuleOutcome> outcomes) {
        List<String> failures =
                outcomes.stream().flatMap(o -> o.failures().stream()).toList();
        long deployed = outcomes.stream()
                .filter(o -> o.result() != null)
                .flatMap(o -> o.result().regions().stream())
                .flatMap(r -> r.functions().stream())
                .filter(f -> !f.failed())
                .count();
        return "lambda:deploy failed for " + failures.size() + " function(s) or region(s)"
                + (deployed > 0 ? "; the " + deployed + " other function deploy(s) went through. " : ". ")
                + String.join(" | ", failures) + " Fix the cause and re-run: what is deployed already is skipped.";
    }
}
