package dev.lambdadeploy.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses {@code project.build.outputTimestamp} the way Maven's reproducible-build support does. */
public final class OutputTimestamp {
    /** Used when the project sets none: a fixed instant inside the range a ZIP's DOS time can hold. */
    public static final Instant DEFAULT = Instant.ofEpochSecond(318_211_200L); // 1980-02-01T00:00:00Z

    // (epoch seconds, not Instant.parse: a no-op build should not set up date-time parsing for two constants)
    private static final Instant DOS_MIN = Instant.ofEpochSecond(315_532_800L); // 1980-01-01T00:00:00Z

    private OutputTimestamp() {}

    public static Instant parse(String value) {
        // Maven treats an empty or one-character value (e.g. "a", used by parents to switch it off) as "not set".
        if (value == null || value.trim().length() < 2) {
            return DEFAULT;
        }
        String v = value.trim();
        Instant instant;
        try {
            instant = v.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochSecond(Long.parseLong(v))
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigException(
                    "project.build.outputTimestamp",
                    "cannot parse '" + value
                            + "'. Use ISO-8601 with offset (e.g. 2026-01-01T00:00:00Z) or seconds since the epoch.");
        }
        return instant.isBefore(DOS_MIN) ? DOS_MIN : instant;
    }
}
