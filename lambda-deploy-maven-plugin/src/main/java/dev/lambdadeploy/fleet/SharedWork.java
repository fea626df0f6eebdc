package dev.lambdadeploy.fleet;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Work done at most once per build for one key, whichever module or thread asks first: the others wait for it and
 * get the same value, or the same failure. This is what makes a reactor built with {@code -T} publish a shared
 * layer once, create a bucket once and read a region's identity once.
 */
public final class SharedWork {
    private final ConcurrentMap<String, CompletableFuture<Object>> done = new ConcurrentHashMap<>();

    /**
     * The value of {@code work} for {@code key}: computed by this thread when it is the first to ask, else the value
     * (or failure) of the thread that was. {@code owner} names who asks, for the message of a shared failure.
     */
    @SuppressWarnings("unchecked")
    public <T> Shared<T> once(String key, String owner, Supplier<T> work) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = done.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                T value = work.get();
                mine.complete(new Owned(owner, value));
                return new Shared<>(value, owner, true);
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(new SharedFailureException(owner, e));
                throw e;
            }
        }
        try {
            Owned o = (Owned) existing.get();
            return new Shared<>((T) o.value(), o.owner(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + key, e);
        } catch (ExecutionException e) {
            throw (SharedFailureException) e.getCause();
        }
    }

    /** How many distinct pieces of work were asked for (for tests and the summary). */
    public int size() {
        return done.size();
    }

    private record Owned(String owner, Object value) {}

    /**
     * A value and who produced it; {@code mine} is true for the caller that did the work (it reports the bytes it
     * uploaded, the others report none).
     */
    public record Shared<T>(T value, String owner, boolean mine) {}
}
