package dev.lambdadeploy.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One fault rule for {@link FaultProxy}: which requests it hits, what it does to them and how often. A transient
 * fault hits the first {@code times} matching requests and then lets traffic through; a persistent one never stops.
 */
public final class Fault {

    enum Kind {
        RESPOND,
        RESET_AFTER_BODY_BYTES,
        DELAY,
        RESET_AFTER_RESPONSE,
        BEFORE
    }

    final Predicate<RequestHead> matcher;
    final Kind kind;
    final int status;
    final Map<String, String> headers;
    final byte[] body;
    final long resetAfterBytes;
    final Duration delay;
    final Runnable action;
    private final AtomicInteger remaining;

    private Fault(
            Predicate<RequestHead> matcher,
            Kind kind,
            int status,
            Map<String, String> headers,
            byte[] body,
            long resetAfterBytes,
            Duration delay,
            int times) {
        this(matcher, kind, status, headers, body, resetAfterBytes, delay, times, null);
    }

    private Fault(
            Predicate<RequestHead> matcher,
            Kind kind,
            int status,
            Map<String, String> headers,
            byte[] body,
            long resetAfterBytes,
            Duration delay,
            int times,
            Runnable action) {
        this.matcher = matcher;
        this.kind = kind;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.resetAfterBytes = resetAfterBytes;
        this.delay = delay;
        this.remaining = new AtomicInteger(times);
        this.action = action;
    }

    /** Answers with this response instead of forwarding. */
    public static Fault respond(Predicate<RequestHead> matcher, int status, Map<String, String> headers, String body) {
        return new Fault(
                matcher,
                Kind.RESPOND,
                status,
                new LinkedHashMap<>(headers),
                body.getBytes(StandardCharsets.UTF_8),
                0,
                Duration.ZERO,
                -1);
    }

    /** Forwards the head and the first {@code bytes} of the body, then resets both connections (TCP RST). */
    public static Fault resetAfterBodyBytes(Predicate<RequestHead> matcher, long bytes) {
        return new Fault(matcher, Kind.RESET_AFTER_BODY_BYTES, 0, Map.of(), new byte[0], bytes, Duration.ZERO, -1);
    }

    /** Forwards the request, but holds the response back for {@code delay}. */
    public static Fault delay(Predicate<RequestHead> matcher, Duration delay) {
        return new Fault(matcher, Kind.DELAY, 0, Map.of(), new byte[0], 0, delay, -1);
    }

    /**
     * Forwards the whole request and lets the server answer, then resets the client's connection instead of passing
     * the answer on: the ambiguous failure after which a call that is not idempotent must not simply be repeated.
     */
    public static Fault resetAfterResponse(Predicate<RequestHead> matcher) {
        return new Fault(matcher, Kind.RESET_AFTER_RESPONSE, 0, Map.of(), new byte[0], 0, Duration.ZERO, -1, null);
    }

    /**
     * Holds the request and runs {@code action} (e.g. the test overwrites the S3 object a publish call refers to),
     * then forwards it unchanged: a race between two parties, made deterministic.
     */
    public static Fault before(Predicate<RequestHead> matcher, Runnable action) {
        return new Fault(matcher, Kind.BEFORE, 0, Map.of(), new byte[0], 0, Duration.ZERO, -1, action);
    }

    /** The same fault, limited to the first {@code n} matching requests (a transient fault). */
    public Fault times(int n) {
        return new Fault(matcher, kind, status, headers, body, resetAfterBytes, delay, n, action);
    }

    /** Claims one use of this fault for a request; false when it does not match or is used up. */
    boolean claim(RequestHead head) {
        if (!matcher.test(head)) {
            return false;
        }
        while (true) {
            int left = remaining.get();
            if (left == 0) {
                return false;
            }
            if (left < 0 || remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }
}
