package dev.lambdadeploy.publish;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a deploy did (or in a dry run would do) to a function's code or configuration, or to a layer; {@link #wire()}
 * is the value written to deploy-result.json and shown on the console (see docs/deploy-result-json.md).
 */
public enum DeployAction {
    CREATED("created"),
    UPDATED("updated"),
    UP_TO_DATE("up-to-date"),
    WOULD_CREATE("would-create"),
    WOULD_UPDATE("would-update"),
    FAILED("failed"),
    PUBLISHED("published"),
    WOULD_PUBLISH("would-publish");

    private final String wire;

    DeployAction(String wire) {
        this.wire = wire;
    }

    /** The documented JSON and console value, e.g. {@code up-to-date}. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** A dry run's action: nothing was changed. */
    public boolean planned() {
        return this == WOULD_CREATE || this == WOULD_UPDATE || this == WOULD_PUBLISH;
    }

    /** {@code UPDATED}, or {@code WOULD_UPDATE} in a dry run. */
    static DeployAction updated(boolean dryRun) {
        return dryRun ? WOULD_UPDATE : UPDATED;
    }

    @Override
    public String toString() {
        return wire;
    }
}
