package dev.lambdadeploy.shim;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a loaded handler class into an {@link Invocable}, following the rules of Lambda's Java runtime: the class form
 * needs RequestHandler or RequestStreamHandler; the {@code Class::method} form picks, among public methods of that
 * name, non-bridge methods first and longer signatures first (a trailing Context counts one extra), and accepts
 * {@code (X)}, {@code (X, Context)}, {@code ()}, {@code (Context)} and the InputStream/OutputStream/Context mixes.
 * The instance is created once, at init, like Lambda does.
 */
final class HandlerFactory {
    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** The handler cannot be used as written: the user must change the class or the handler string. */
    static final class BadHandlerException extends Exception {
        BadHandlerException(String message) {
            super(message);
        }
    }

    private HandlerFactory() {}

    static Invocable create(Class<?> cls, String method, ClassLoader loader) throws Throwable {
        Serializers serializers = new Serializers(loader);
        if (method == null) {
            if (RequestStreamHandler.class.isAssignableFrom(cls)) {
                RequestStreamHandler h = (RequestStreamHandler) newInstance(cls);
                return (event, ctx) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    h.handleRequest(new ByteArrayInputStream(event), out, ctx);
                    return out.toByteArray();
                };
            }
            if (RequestHandler.class.isAssignableFrom(cls)) {
                return requestHandler(cls, serializers);
            }
            throw new BadHandlerException("Class " + cls.getName() + " implements neither RequestHandler nor "
                    + "RequestStreamHandler; name a method instead: " + cls.getName() + "::handleRequest");
        }
        return methodHandler(cls, method, serializers);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Invocable requestHandler(Class<?> cls, Serializers serializers) throws Throwable {
        Type[] args = TypeArguments.of(cls, RequestHandler.class);
        if (args == null || args.length != 2) {
            throw new BadHandlerException(
                    "Class " + cls.getName() + " does not implement RequestHandler with concrete type parameters");
        }
        Type in = concrete(cls, args[0]);
        Type out = concrete(cls, args[1]);
        RequestHandler h = (RequestHandler) newInstance(cls);
        Serializers.Serializer reader = serializers.forType(in);
        Serializers.Serializer writer = isVoid(out) ? null : serializers.forType(out);
        return (event, ctx) -> {
            Object input = read(reader, event);
            Object result = h.handleRequest(input, ctx);
            return write(writer, result);
        };
    }

    private static Type concrete(Class<?> cls, Type t) throws BadHandlerException {
        if (t instanceof TypeVariable) {
            Type[] bounds = ((TypeVariable<?>) t).getBounds();
            if (bounds.length == 0 || Object.class.equals(bounds[0])) {
                throw new BadHandlerException("Class " + cls.getName()
                        + " does not implement RequestHandler with concrete type parameters: " + t + " has no bound");
            }
            return bounds[0];
        }
        return t;
    }

    private static Invocable methodHandler(Class<?> cls, String name, Serializers serializers) throws Throwable {
        List<Method> candidates = new ArrayList<>();
        for (Method m : cls.getMethods()) {
            if (m.getName().equals(name)) {
                candidates.add(m);
            }
        }
        candidates.sort(Comparator.comparing(Method::isBridge)
                .thenComparing(HandlerFactory::weight, Comparator.reverseOrder()));
        for (Method m : candidates) {
            Invocable inv = forMethod(cls, m, serializers);
            if (inv != null) {
                return inv;
            }
        }
        throw new BadHandlerException(
                candidates.isEmpty()
                        ? "Class " + cls.getName() + " has no public method named " + name
                        : "No public method named " + name + " with a handler signature on class " + cls.getName()
                                + " (expected e.g. (Event, Context), (InputStream, OutputStream, Context) or (Event))");
    }

    private static int weight(Method m) {
        Class<?>[] p = m.getParameterTypes();
        return p.length + (p.length > 0 && p[p.length - 1] == Context.class ? 1 : 0);
    }

    /** An invocable for a method whose parameters fit one of Lambda's shapes, else {@code null}. */
    private static Invocable forMethod(Class<?> cls, Method m, Serializers serializers) throws Throwable {
        Class<?>[] p = m.getParameterTypes();
        Type[] gp = m.getGenericParameterTypes();
        int inIdx = -1;
        int outIdx = -1;
        int ctxIdx = -1;
        int pojoIdx = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == InputStream.class && i == 0) {
                inIdx = i;
            } else if (p[i] == OutputStream.class && i == (inIdx < 0 ? 0 : 1)) {
                outIdx = i;
            } else if (p[i] == Context.class && i == p.length - 1) {
                ctxIdx = i;
            } else if (i == 0 && p[i] != Context.class && p[i] != InputStream.class && p[i] != OutputStream.class) {
                pojoIdx = i;
            } else {
                return null;
            }
        }
        if (p.length > 3 || (pojoIdx >= 0 && (inIdx >= 0 || outIdx >= 0))) {
            return null;
        }
        Object instance = Modifier.isStatic(m.getModifiers()) ? null : newInstance(cls);
        Serializers.Serializer reader = pojoIdx >= 0 ? serializers.forType(gp[pojoIdx]) : null;
        Type ret = m.getGenericReturnType();
        Serializers.Serializer writer = outIdx >= 0 || isVoid(ret) ? null : serializers.forType(ret);
        final int in = inIdx;
        final int out = outIdx;
        final int ctx = ctxIdx;
        final int pojo = pojoIdx;
        final boolean streamOut = outIdx >= 0;
        return (event, context) -> {
            Object[] args = new Object[p.length];
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            if (in >= 0) {
                args[in] = new ByteArrayInputStream(event);
            }
            if (out >= 0) {
                args[out] = buffer;
            }
            if (ctx >= 0) {
                args[ctx] = context;
            }
            if (pojo >= 0) {
                args[pojo] = read(reader, event);
            }
            Object result = m.invoke(instance, args);
            return streamOut ? buffer.toByteArray() : write(writer, result);
        };
    }

    private static Object read(Serializers.Serializer reader, byte[] event) {
        try {
            return reader.read(new ByteArrayInputStream(event));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("An error occurred during JSON parsing of the event", e);
        }
    }

    private static byte[] write(Serializers.Serializer writer, Object result) {
        if (writer == null) {
            return JSON_NULL.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(result, out);
        return out.toByteArray();
    }

    private static boolean isVoid(Type t) {
        return t == void.class || t == Void.class;
    }

    private static Object newInstance(Class<?> cls) throws Throwable {
        Constructor<?> c;
        try {
            c = cls.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new BadHandlerException(
                    cls.getEnclosingClass() != null && !Modifier.isStatic(cls.getModifiers())
                            ? "Class " + cls.getName()
                                    + " cannot be instantiated because it is a non-static inner class"
                            : "Class " + cls.getName() + " has no public zero-argument constructor");
        }
        try {
            return c.newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() == null ? e : e.getCause();
        }
    }
}
