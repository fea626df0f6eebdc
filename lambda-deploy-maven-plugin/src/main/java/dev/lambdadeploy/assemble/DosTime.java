package dev.lambdadeploy.assemble;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** ZIP (DOS) times are local wall-clock fields; entries here carry the UTC fields of the build's timestamp. */
final class DosTime {
    /** 1980-01-01 00:00, the earliest DOS time. */
    private static final long EARLIEST = (1 << 21) | (1 << 16);
    /** 2107-12-31 23:59:58, the latest. */
    private static final long LATEST = (127L << 25) | (12 << 21) | (31 << 16) | (23 << 11) | (59 << 5) | 29;

    private DosTime() {}

    /** The millis whose local fields read the UTC time in any zone, for libraries that take a Java time. */
    static long localizedMillis(Instant timestamp) {
        return LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC)
                .atZone(ZoneId.systemDefault())
                .toInstant()
                .toEpochMilli();
    }

    /** The UTC fields packed as DOS time (low 16 bits) and date (high 16 bits), 2-second precision. */
    static long fields(Instant timestamp) {
        LocalDateTime t = LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC);
        if (t.getYear() < 1980) {
            return EARLIEST;
        }
        if (t.getYear() > 2107) {
            return LATEST;
        }
        return ((long) (t.getYear() - 1980) << 25)
                | ((long) t.getMonthValue() << 21)
                | ((long) t.getDayOfMonth() << 16)
                | ((long) t.getHour() << 11)
                | ((long) t.getMinute() << 5)
                | (t.getSecond() >> 1);
    }
}
