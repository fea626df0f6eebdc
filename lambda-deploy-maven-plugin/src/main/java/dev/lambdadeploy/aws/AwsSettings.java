package dev.lambdadeploy.aws;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach AWS: an optional named profile (else the default credentials chain), an optional endpoint override
 * used for every service (LocalStack, moto), the SDK retry strategy and how many attempts one call gets
 * ({@code null}: {@link RetryAttempts#resolve}).
 */
public record AwsSettings(
        String profile, URI endpoint, RetryStrategyMode retryMode, Duration socketTimeout, Integer maxAttempts) {

    public AwsSettings {
        retryMode = retryMode == null ? RetryStrategyMode.STANDARD : retryMode;
        socketTimeout = socketTimeout == null ? Duration.ofMinutes(2) : socketTimeout;
        profile = profile == null || profile.isBlank() ? null : profile.trim();
    }

    public AwsSettings(String profile, URI endpoint, RetryStrategyMode retryMode, Duration socketTimeout) {
        this(profile, endpoint, retryMode, socketTimeout, null);
    }

    public static AwsSettings defaults() {
        return new AwsSettings(null, null, RetryStrategyMode.STANDARD, null);
    }

    public AwsSettings withMaxAttempts(Integer attempts) {
        return new AwsSettings(profile, endpoint, retryMode, socketTimeout, attempts);
    }
}
