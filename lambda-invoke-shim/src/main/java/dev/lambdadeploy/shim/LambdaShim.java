package dev.lambdadeploy.shim;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Entry point of the invoke JVM: {@code LambdaShim <handler> <event file> <result file> <invocations>}.
 *
 * <p>Mirrors what Lambda's Java runtime does at start: the runtime's own jars are the JVM classpath, the function is
 * loaded by a child class loader over {@code $LAMBDA_TASK_ROOT}, {@code $LAMBDA_TASK_ROOT/lib/*.jar} and
 * {@code <opt>/lib/*.jar} (jar names sorted), the handler class is loaded and initialised, instantiated once, then
 * invoked. Milestones are written to the result file as epoch microseconds so the parent can line them up with its
 * own clock and with {@code -Xlog:class+load} output.
 */
public final class LambdaShim {
    private LambdaShim() {}

    public static void main(String[] args) throws IOException {
        long mainEntered = nowMicros();
        if (args.length != 4) {
            System.err.println("usage: LambdaShim <handler> <event file> <result file> <invocations>");
            System.exit(2);
        }
        Properties result = new Properties();
        result.setProperty("t.main", Long.toString(mainEntered));
        Path resultFile = Paths.get(args[2]);
        try {
            run(args[0], Files.readAllBytes(Paths.get(args[1])), Integer.parseInt(args[3]), result);
        } finally {
            result.setProperty("peakRssKb", Long.toString(peakRssKb()));
            Runtime rt = Runtime.getRuntime();
            result.setProperty("heapUsedBytes", Long.toString(rt.totalMemory() - rt.freeMemory()));
            try (OutputStream out = Files.newOutputStream(resultFile)) {
                result.store(out, "lambda-invoke-shim result");
            }
        }
        System.out.flush();
        System.exit(0);
    }

    private static void run(String handler, byte[] event, int invocations, Properties result) {
        HandlerName name;
        try {
            name = HandlerName.parse(handler);
        } catch (IllegalArgumentException e) {
            fail(result, "badHandler", e);
            return;
        }
        ClassLoader loader = customerClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(name.className(), true, loader);
        } catch (ClassNotFoundException e) {
            fail(result, "handlerNotFound", e);
            return;
        } catch (Throwable t) { // static initializer or linkage failure: the user's code, so the user's trace
            fail(result, "initError", StackTraces.unwrap(t));
            return;
        }
        result.setProperty("t.classReady", Long.toString(nowMicros()));
        Invocable invocable;
        try {
            invocable = HandlerFactory.create(handlerClass, name.methodName(), loader);
        } catch (HandlerFactory.BadHandlerException e) {
            fail(result, "badHandler", e);
            return;
        } catch (Throwable t) {
            fail(result, "initError", StackTraces.unwrap(t));
            return;
        }
        result.setProperty("t.ready", Long.toString(nowMicros()));
        ShimEnvironment env = ShimEnvironment.fromSystem();
        for (int i = 1; i <= invocations; i++) {
            try {
                byte[] response = invocable.invoke(event, env.newContext());
                result.setProperty("t.invoke." + i, Long.toString(nowMicros()));
                result.setProperty("response." + i, new String(response, StandardCharsets.UTF_8));
            } catch (Throwable t) {
                result.setProperty("t.invoke." + i, Long.toString(nowMicros()));
                fail(result, "handlerError", StackTraces.unwrap(t));
                return;
            }
        }
        result.setProperty("outcome", "ok");
    }

    private static void fail(Properties result, String outcome, Throwable t) {
        result.setProperty("outcome", outcome);
        result.setProperty("error.type", t.getClass().getName());
        result.setProperty("error.message", String.valueOf(t.getMessage()));
        result.setProperty("error.stackTrace", StackTraces.render(t));
    }

    /** The function's class loader, built like Lambda's: task root first, then its lib jars, then the layers' jars. */
    private static ClassLoader customerClassLoader() {
        String taskRoot = System.getenv("LAMBDA_TASK_ROOT");
        String optRoot = System.getProperty("lambdadeploy.optRoot", "/opt/java");
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(new File(taskRoot).toURI().toURL());
            addJars(new File(taskRoot, "lib"), urls);
            addJars(new File(optRoot, "lib"), urls);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getSystemClassLoader());
    }

    private static void addJars(File dir, List<URL> urls) throws MalformedURLException {
        String[] names = dir.list((d, n) -> n.endsWith(".jar"));
        if (names == null) {
            return;
        }
        Arrays.sort(names);
        for (String n : names) {
            urls.add(new File(dir, n).toURI().toURL());
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** High-water mark of the resident set (Linux), the closest local stand-in for Lambda's "Max Memory Used". */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return -1;
    }
}
