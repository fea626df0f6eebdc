package dev.lambdadeploy.fleet;

/**
 * Shared work failed where it was done: every module that waited on it fails with this, naming where it failed and
 * why, instead of trying (and failing) the same publication again.
 */
public final class SharedFailureException extends RuntimeException {
    private final String owner;

    SharedFailureException(String owner, Throwable cause) {
        super(
                cause.getMessage() + " (shared with other modules of this build; it failed once, in " + owner + ")",
                cause);
        this.owner = owner;
    }

    /** The module (or caller) that did the work. */
    public String owner() {
        return owner;
    }
}
