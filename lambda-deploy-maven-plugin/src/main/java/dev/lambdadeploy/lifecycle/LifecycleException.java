package dev.lambdadeploy.lifecycle;

/** status, rollback or prune cannot go ahead; the message says why and how to fix it. */
public class LifecycleException extends RuntimeException {
    public LifecycleException(String message) {
        super(message);
    }

    public LifecycleException(String message, Throwable cause) {
        super(message, cause);
    }
}
