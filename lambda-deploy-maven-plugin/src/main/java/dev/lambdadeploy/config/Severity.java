package dev.lambdadeploy.config;

import java.util.Locale;

/** What a broken budget does: ERROR fails the build (after every report is written), WARN only reports. */
public enum Severity {
    ERROR,
    WARN;

    public static Severity parse(String value, String element) {
        if (value == null || value.isBlank()) {
            return ERROR;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.equals("WARNING")) {
            return WARN;
        }
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(element, "unknown level '" + value + "'. Use ERROR (fails the build) or WARN.");
        }
    }
}
