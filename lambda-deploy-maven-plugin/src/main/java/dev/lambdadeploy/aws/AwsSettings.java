package dev.lambdadeploy.aws;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach AWS: an optional named profile (else the default credentials chain), an optional endpoint override
 * used for every service (LocalStack, moto), and the SDK retry strategy.
 */
public record AwsSettings(String profile, URI endpoint, RetryStrategyMode retryMode, Duration socketTimeout) {

    public AwsSettings {
        retryMode = retryMode == null ? RetryStrategyMode.STANDARD : retryMode;
        socketTimeout = socketTimeout == null ? Duration.ofMinutes(2) : socketTimeout;
        profile = profile == null || profile.isBlank() ? null : profile.trim();
    }

    public static AwsSettings defaults() {
        return new AwsSettings(null, null, RetryStrategyMode.STANDARD, null);
    }
}
