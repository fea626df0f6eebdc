package dev.lambdadeploy.lifecycle;

import java.time.Duration;

/**
 * @param to {@code null} for the previous deployment, else a published version number, an alias name or a deploy id
 *           (the git commit a deploy recorded, at least 7 characters)
 */
public record RollbackRequest(LifecycleScope scope, String to, Duration waitTimeout, Duration pollInterval) {
    public RollbackRequest {
        to = to == null || to.isBlank() ? null : to.trim();
        waitTimeout = waitTimeout == null ? Duration.ofMinutes(5) : waitTimeout;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
    }
}
