package dev.lambdadeploy.aws;

import dev.lambdadeploy.config.ConfigException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How many attempts one AWS call gets. The SDK's own default (3) lets a release pipeline fail on three throttled or
 * reset calls in a row, so the plugin's default is higher; the settings users already know still win: the POM
 * ({@code lambda.aws.maxAttempts}), then the {@code aws.maxAttempts} system property, {@code AWS_MAX_ATTEMPTS} and
 * the profile's {@code max_attempts}.
 */
public final class RetryAttempts {
    /** Enough for a burst of throttling: with the SDK's backoff the 8th attempt comes about 10-25 s after the first. */
    public static final int DEFAULT = 8;

    static final String ELEMENT = "<maxAttempts> (lambda.aws.maxAttempts)";

    private RetryAttempts() {}

    /**
     * @param configured  the POM's value, or {@code null}
     * @param systemProps {@code System::getProperty}
     * @param env         the environment
     * @param profileMax  the active profile's {@code max_attempts}, when it has one
     */
    public static int resolve(
            Integer configured,
            Function<String, String> systemProps,
            Map<String, String> env,
            Optional<String> profileMax) {
        if (configured != null) {
            if (configured < 1) {
                throw new ConfigException(
                        ELEMENT,
                        "must be at least 1 (1 = no retries), was " + configured + "; e.g. -Dlambda.aws.maxAttempts="
                                + DEFAULT);
            }
            return configured;
        }
        return parse(systemProps.apply("aws.maxAttempts"), "the system property aws.maxAttempts")
                .or(() -> parse(env.get("AWS_MAX_ATTEMPTS"), "the environment variable AWS_MAX_ATTEMPTS"))
                .or(() -> profileMax.flatMap(v -> parse(v, "max_attempts of the AWS profile")))
                .orElse(DEFAULT);
    }

    private static Optional<Integer> parse(String value, String where) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(
                ELEMENT,
                where + " is '" + value + "', which is not a number of attempts of at "
                        + "least 1. Fix or unset it, or set -Dlambda.aws.maxAttempts=" + DEFAULT + ".");
    }
}
