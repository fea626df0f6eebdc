package dev.lambdadeploy.invoke;

import java.nio.file.Path;
import java.util.List;

/**
 * What one run produced. {@code outcome}: {@code ok}, {@code handlerError} (the handler threw), {@code initError}
 * (static initializer or constructor threw), {@code handlerNotFound}, {@code badHandler} (wrong shape or handler string).
 * {@code responses} are the raw response bodies, one per invocation that completed.
 */
public record InvokeResult(
        String outcome,
        List<String> responses,
        InvokeTimings timings,
        String errorType,
        String errorMessage,
        String errorStackTrace,
        long peakRssKb,
        long heapUsedBytes,
        Path logFile,
        List<String> command) {

    public InvokeResult {
        responses = responses == null ? List.of() : List.copyOf(responses);
        command = command == null ? List.of() : List.copyOf(command);
    }

    public boolean ok() {
        return "ok".equals(outcome);
    }

    /** The last response, as Lambda would return it. */
    public String response() {
        return responses.isEmpty() ? null : responses.get(responses.size() - 1);
    }
}
