package dev.lambdadeploy.config;

/**
 * Bad configuration. {@link #element()} names the POM element (or property) at fault, so the Maven adapter can say
 * exactly which line of the POM to change.
 */
public class ConfigException extends RuntimeException {
    private final String element;

    public ConfigException(String element, String message) {
        super(element + ": " + message);
        this.element = element;
    }

    public String element() {
        return element;
    }
}
