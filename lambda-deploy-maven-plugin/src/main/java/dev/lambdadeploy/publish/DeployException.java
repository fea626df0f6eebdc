package dev.lambdadeploy.publish;

/** The deploy cannot go ahead or did not finish; the message says why and how to fix it. */
public class DeployException extends RuntimeException {
    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
