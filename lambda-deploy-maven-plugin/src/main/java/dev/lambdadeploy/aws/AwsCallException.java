package dev.lambdadeploy.aws;

/**
 * An AWS call failed; the message is already translated into what happened and what to do
 * ({@link AwsErrorTranslator}). {@link #errorCode()} is AWS's error code when AWS answered, else {@code null}.
 */
public class AwsCallException extends RuntimeException {
    private final String operation;
    private final String errorCode;

    public AwsCallException(String message, String operation, String errorCode, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.errorCode = errorCode;
    }

    public String operation() {
        return operation;
    }

    public String errorCode() {
        return errorCode;
    }
}
