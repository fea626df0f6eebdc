package dev.lambdadeploy.config;

import java.util.List;

/**
 * How dependency jars are slimmed: {@code enabled} switches stripping off entirely, {@code removals} are extra entry
 * globs to drop, {@code keeps} are entry globs that are never dropped (they win over every rule).
 */
public record StripSpec(boolean enabled, List<EntryGlob> removals, List<EntryGlob> keeps) {
    public StripSpec {
        removals = List.copyOf(removals);
        keeps = List.copyOf(keeps);
    }

    public static StripSpec defaults() {
        return new StripSpec(true, List.of(), List.of());
    }

    public static StripSpec disabled() {
        return new StripSpec(false, List.of(), List.of());
    }

    /** Stable text for cache keys: a change here must rebuild the zips. */
    public String fingerprint() {
        return enabled + "|" + removals + "|" + keeps;
    }
}
