package dev.lambdadeploy.invoke;

/**
 * The handler could not be run or failed. {@code handlerFault} is true when the fault is in the function's code (its
 * exception, its static initializer) rather than in how it was started, so the build reports it as a failure.
 */
public class InvokeException extends Exception {
    private final boolean handlerFault;

    public InvokeException(String message, boolean handlerFault) {
        super(message);
        this.handlerFault = handlerFault;
    }

    public InvokeException(String message, Throwable cause) {
        super(message, cause);
        this.handlerFault = false;
    }

    public boolean handlerFault() {
        return handlerFault;
    }
}
