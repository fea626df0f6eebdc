package dev.lambdadeploy.assemble;

/** Packaging cannot go on; the message names the artifact or file at fault and how to fix it. */
public class PackagingException extends RuntimeException {
    public PackagingException(String message) {
        super(message);
    }

    public PackagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
