package dev.lambdadeploy.publish.image;

/**
 * Building or pushing the container image failed. The message says what is wrong and how to fix it;
 * {@link #element()} names the POM element or property to change, when one is at fault.
 */
public class ImageException extends RuntimeException {
    private final String element;

    public ImageException(String element, String message, Throwable cause) {
        super(element == null ? message : element + ": " + message, cause);
        this.element = element;
    }

    public ImageException(String element, String message) {
        this(element, message, null);
    }

    /** The POM element at fault, or {@code null} when the problem is not one of configuration. */
    public String element() {
        return element;
    }
}
