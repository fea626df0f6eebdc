package dev.lambdadeploy.shim;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Shows the user's stack trace, not ours: shim and reflection frames are removed, as Lambda's runtime does. */
final class StackTraces {
    private StackTraces() {}

    static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof InvocationTargetException || cur instanceof ExceptionInInitializerError)
                && cur.getCause() != null) {
            if (cur instanceof ExceptionInInitializerError) {
                return cur; // keep it: "in static initializer" is the useful part, its cause follows
            }
            cur = cur.getCause();
        }
        return cur;
    }

    static String render(Throwable t) {
        filter(t, new IdentityHashMap<>());
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    private static void filter(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return;
        }
        List<StackTraceElement> kept = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            if (!isRuntimeFrame(e.getClassName())) {
                kept.add(e);
            }
        }
        t.setStackTrace(kept.toArray(new StackTraceElement[0]));
        filter(t.getCause(), seen);
        for (Throwable s : t.getSuppressed()) {
            filter(s, seen);
        }
    }

    private static boolean isRuntimeFrame(String cls) {
        return cls.startsWith("dev.lambdadeploy.shim.")
                || cls.startsWith("jdk.internal.reflect.")
                || cls.startsWith("java.lang.reflect.")
                || cls.startsWith("sun.reflect.");
    }
}
