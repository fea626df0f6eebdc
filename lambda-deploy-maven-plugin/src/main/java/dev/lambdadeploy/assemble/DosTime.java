package dev.lambdadeploy.assemble;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** ZIP (DOS) times are local wall-clock fields; this gives the millis whose fields read the UTC time in any zone. */
final class DosTime {
    private DosTime() {}

    static long localizedMillis(Instant timestamp) {
        return LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC)
                .atZone(ZoneId.systemDefault())
                .toInstant()
                .toEpochMilli();
    }
}
