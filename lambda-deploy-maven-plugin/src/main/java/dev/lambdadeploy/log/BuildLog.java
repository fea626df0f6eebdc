package dev.lambdadeploy.log;

/** The engine's only way to talk to the user; the Maven adapter maps it to the Maven log, tests record it. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** Whether debug lines are shown; callers check it before building a costly one. */
    default boolean isDebugEnabled() {
        return true;
    }

    /** A log that drops everything, for callers that want none. */
    static BuildLog silent() {
        return new BuildLog() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {}
        };
    }
}
