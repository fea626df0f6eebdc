package dev.lambdadeploy.aws;

import dev.lambdadeploy.config.ConfigException;
import java.util.Locale;

/** The SDK's retry strategies we offer: {@code standard} (default) or {@code adaptive} (client-side rate limiting). */
public enum RetryStrategyMode {
    STANDARD,
    ADAPTIVE;

    public static RetryStrategyMode parse(String value, String element) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "":
            case "standard":
                return STANDARD;
            case "adaptive":
                return ADAPTIVE;
            default:
                throw new ConfigException(
                        element,
                        "unknown retry mode '" + value
                                + "'. Use standard or adaptive, e.g. -Dlambda.retryMode=adaptive when AWS throttles the deploy.");
        }
    }
}
