package dev.lambdadeploy.invoke;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The invoke JVM's own classpath, standing in for Lambda's {@code /var/runtime/lib}: the shim plus
 * aws-lambda-java-core and aws-lambda-java-serialization, found where this plugin's class loader got them.
 */
public final class ShimClasspath {
    public static final String MAIN_CLASS = "dev.lambdadeploy.shim.LambdaShim";
    private static final String[] ANCHORS = {
        MAIN_CLASS,
        "com.amazonaws.services.lambda.runtime.RequestHandler",
        "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory"
    };

    private ShimClasspath() {}

    public static List<Path> entries() {
        List<Path> paths = new ArrayList<>();
        ClassLoader cl = ShimClasspath.class.getClassLoader();
        for (String anchor : ANCHORS) {
            try {
                CodeSource cs =
                        Class.forName(anchor, false, cl).getProtectionDomain().getCodeSource();
                Path p = Paths.get(cs.getLocation().toURI());
                if (!paths.contains(p)) {
                    paths.add(p);
                }
            } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
                throw new IllegalStateException(
                        "lambda-deploy-maven-plugin is incomplete: " + anchor + " is missing from its class path (" + e
                                + ")",
                        e);
            }
        }
        return paths;
    }
}
