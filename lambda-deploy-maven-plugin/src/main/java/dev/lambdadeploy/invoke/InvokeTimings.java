package dev.lambdadeploy.invoke;

import java.util.List;

/**
 * Milestones of one run in epoch microseconds: process spawn (parent clock), shim main entered, handler class loaded and
 * initialised, handler ready (instance and serializers built: the end of Lambda's Init phase), end of each invocation.
 * {@code classReady}/{@code ready} are 0 when the run failed before them.
 */
public record InvokeTimings(long spawn, long main, long classReady, long ready, List<Long> invokeEnds) {
    public InvokeTimings {
        invokeEnds = invokeEnds == null ? List.of() : List.copyOf(invokeEnds);
    }

    /** Process spawn to the runtime's main method: JVM start-up. */
    public double jvmStartMs() {
        return ms(spawn, main);
    }

    /** main to handler class loaded and statically initialised. */
    public double handlerClassMs() {
        return classReady == 0 ? Double.NaN : ms(main, classReady);
    }

    /** Spawn to handler ready: what Lambda reports as Init Duration (plus the JVM start Lambda does before it). */
    public double initMs() {
        return ready == 0 ? Double.NaN : ms(spawn, ready);
    }

    /** Duration of invocation {@code i} (1-based). */
    public double invokeMs(int i) {
        if (i > invokeEnds.size() || ready == 0) {
            return Double.NaN;
        }
        long start = i == 1 ? ready : invokeEnds.get(i - 2);
        return ms(start, invokeEnds.get(i - 1));
    }

    private static double ms(long fromMicros, long toMicros) {
        return (toMicros - fromMicros) / 1000.0;
    }
}
