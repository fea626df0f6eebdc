package dev.lambdadeploy.invoke;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Messages that fix a handler string: where we looked and which classes have the same simple name. */
public final class HandlerHints {
    private HandlerHints() {}

    public static String notFound(LambdaLayout layout, String handler) {
        String cls = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        int jars = layout.classpath().size() - 1;
        StringBuilder sb = new StringBuilder("Handler class '")
                .append(cls)
                .append("' was not found in the packaged function: looked in task/ (function.zip classes) and ")
                .append(jars)
                .append(" jar(s) in task/lib and opt/java/lib.");
        List<String> similar = sameSimpleName(layout, cls.substring(cls.lastIndexOf('.') + 1));
        if (!similar.isEmpty()) {
            sb.append(" Did you mean ").append(String.join(" or ", similar)).append('?');
        }
        sb.append(" Set <handler> (or -Dlambda.handler) to package.Class::method or package.Class,"
                + " e.g. -Dlambda.handler=com.example.MyHandler::handleRequest, and run 'mvn package' before"
                + " lambda:invoke.");
        return sb.toString();
    }

    private static List<String> sameSimpleName(LambdaLayout layout, String simple) {
        List<String> found = new ArrayList<>();
        String suffix = "/" + simple + ".class";
        for (LambdaLayout.Entry e : layout.classpath()) {
            try {
                if (e.jar() == null) {
                    try (Stream<Path> s = Files.walk(e.path())) {
                        s.map(p -> "/" + e.path().relativize(p).toString().replace('\\', '/'))
                                .filter(n -> n.endsWith(suffix) || n.equals(suffix))
                                .forEach(n -> found.add(toClassName(n.substring(1))));
                    }
                } else {
                    try (ZipFile z = new ZipFile(e.path().toFile())) {
                        Enumeration<? extends ZipEntry> en = z.entries();
                        while (en.hasMoreElements()) {
                            String n = en.nextElement().getName();
                            if (("/" + n).endsWith(suffix)) {
                                found.add(toClassName(n));
                            }
                        }
                    }
                }
            } catch (IOException ignored) {
                // a hint only
            }
            if (found.size() >= 3) {
                break;
            }
        }
        return found;
    }

    private static String toClassName(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }
}
