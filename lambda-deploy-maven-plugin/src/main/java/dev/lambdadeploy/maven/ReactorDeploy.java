package dev.lambdadeploy.maven;

import dev.lambdadeploy.fleet.FleetSession;
import dev.lambdadeploy.publish.ModuleOutcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * The state the lambda:deploy executions of one Maven session share, whatever {@code -T}: the engine's
 * {@link FleetSession}, which modules are expected to deploy, how each ended, and the one failure that fails the
 * build at its end. Kept in the resolver session's data (present in Maven 3.8 and 3.9), keyed by this class, so
 * modules that load the plugin in the same realm share it and a module with another realm simply deploys on its
 * own (it still converges through content-addressed layer reuse).
 */
final class ReactorDeploy {
    static final String PLUGIN_KEY = "dev.lambdadeploy:lambda-deploy-maven-plugin";

    private final FleetSession fleet;
    private final Set<String> expected;
    private final Set<String> finished = new LinkedHashSet<>();
    private final List<ModuleOutcome> outcomes = new ArrayList<>();
    private DeferredDeployFailure failure;
    private boolean summarized;

    private ReactorDeploy(FleetSession fleet, Set<String> expected) {
        this.fleet = fleet;
        this.expected = expected;
    }

    /** The session's state, created by the first deploy execution that asks. */
    static ReactorDeploy of(MavenSession session, int concurrency) {
        if (session == null || session.getRepositorySession() == null) {
            return new ReactorDeploy(new FleetSession(concurrency), new LinkedHashSet<>());
        }
        var data = session.getRepositorySession().getData();
        while (true) {
            Object existing = data.get(ReactorDeploy.class);
            if (existing instanceof ReactorDeploy r) {
                return r;
            }
            ReactorDeploy created = new ReactorDeploy(new FleetSession(concurrency), expectedModules(session));
            if (data.set(ReactorDeploy.class, null, created)) {
                return created;
            }
        }
    }

    FleetSession fleet() {
        return fleet;
    }

    /**
     * Records how one module's deploy ended (or that it was skipped: {@code outcome} null) and answers whether it
     * was the last deploy of the build the session expected, with every outcome so far.
     */
    synchronized Completion finish(MavenProject project, ModuleOutcome outcome) {
        String id = id(project);
        expected.add(id);
        finished.add(id);
        if (outcome != null) {
            outcomes.add(outcome);
        }
        boolean last = finished.containsAll(expected) && !summarized;
        if (last) {
            summarized = true;
        }
        return new Completion(last, List.copyOf(outcomes), expected.size());
    }

    /**
     * The failure that fails the build at its end, listing every failed function of every module, created by the
     * first module that fails; {@code created} says whether this call made it.
     */
    synchronized DeferredDeployFailure failure(Supplier<List<ModuleOutcome>> outcomesNow, boolean[] created) {
        if (failure == null) {
            failure = new DeferredDeployFailure(outcomesNow);
            created[0] = true;
        }
        return failure;
    }

    synchronized boolean hasDeferredFailure() {
        return failure != null;
    }

    synchronized List<ModuleOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** @param expectedModules how many modules were expected to deploy */
    record Completion(boolean last, List<ModuleOutcome> outcomes, int expectedModules) {}

    /**
     * The reactor's modules that run lambda:deploy: all of them when the goal is on the command line (Maven runs it
     * in each), else those with an execution of the goal in their build.
     */
    static Set<String> expectedModules(MavenSession session) {
        boolean onCommandLine = session.getGoals().stream().anyMatch(ReactorDeploy::isDeployGoal);
        Set<String> ids = new LinkedHashSet<>();
        for (MavenProject p : session.getProjects()) {
            if (onCommandLine || hasDeployExecution(p)) {
                ids.add(id(p));
            }
        }
        return ids;
    }

    static boolean isDeployGoal(String goal) {
        String g = goal.contains("@") ? goal.substring(0, goal.indexOf('@')) : goal;
        return g.equals("lambda:deploy") || (g.startsWith(PLUGIN_KEY + ":") && g.endsWith(":deploy"));
    }

    private static boolean hasDeployExecution(MavenProject p) {
        for (Plugin plugin : p.getBuildPlugins()) {
            if (PLUGIN_KEY.equals(plugin.getKey())) {
                for (PluginExecution e : plugin.getExecutions()) {
                    if (e.getGoals().contains("deploy")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static String id(MavenProject p) {
        return p.getGroupId() + ":" + p.getArtifactId();
    }
}
