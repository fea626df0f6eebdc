package dev.lambdadeploy.shim;

/** A handler string as Lambda reads it: {@code package.Class::method} or {@code package.Class}. */
final class HandlerName {
    private final String className;
    private final String methodName;

    private HandlerName(String className, String methodName) {
        this.className = className;
        this.methodName = methodName;
    }

    static HandlerName parse(String handler) {
        String h = handler == null ? "" : handler.trim();
        int sep = h.indexOf("::");
        String cls = sep < 0 ? h : h.substring(0, sep);
        String method = sep < 0 ? null : h.substring(sep + 2);
        if (cls.isEmpty() || (method != null && method.isEmpty())) {
            throw new IllegalArgumentException(
                    "Invalid handler '" + handler + "': expected package.Class::method or package.Class");
        }
        return new HandlerName(cls, method);
    }

    String className() {
        return className;
    }

    /** {@code null} for the class form (RequestHandler / RequestStreamHandler). */
    String methodName() {
        return methodName;
    }
}
