package dev.lambdadeploy.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What lambda:prune did with a layer version, S3 object or image; {@link #wire()} is the value in prune-result.json
 * and on the console (see docs/lifecycle-json.md).
 */
public enum PruneAction {
    DELETED("deleted"),
    WOULD_DELETE("would-delete"),
    KEPT("kept");

    private final String wire;

    PruneAction(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** {@code DELETED}, or {@code WOULD_DELETE} in a dry run. */
    static PruneAction deleted(boolean delete) {
        return delete ? DELETED : WOULD_DELETE;
    }

    @Override
    public String toString() {
        return wire;
    }
}
