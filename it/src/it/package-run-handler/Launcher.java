import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stands in for the Lambda Java runtime: java -cp task:task/lib/*:opt/java/lib/* Launcher.java Handler key=value...
 * Loads the handler reflectively from the classpath, calls handleRequest(event, context) and prints the result
 * and where the classes came from.
 */
public class Launcher {
    public static void main(String[] args) throws Exception {
        ClassLoader cl = ClassLoader.getSystemClassLoader();
        Class<?> handlerClass = Class.forName(args[0], true, cl);
        Map<String, String> event = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            event.put(kv[0], kv[1]);
        }
        Class<?> contextType = Class.forName("com.amazonaws.services.lambda.runtime.Context", true, cl);
        Object context = Proxy.newProxyInstance(cl, new Class<?>[] {contextType}, (proxy, method, a) -> {
            switch (method.getName()) {
                case "getFunctionName": return "hello-fn";
                case "getRemainingTimeInMillis": return 30_000;
                case "getMemoryLimitInMB": return 512;
                case "toString": return "TestContext";
                default: return null;
            }
        });
        Object handler = handlerClass.getConstructor().newInstance();
        Method handle = handlerClass.getMethod("handleRequest", Object.class, contextType);
        System.out.println("RESULT: " + handle.invoke(handler, event, context));
        for (String name : new String[] {args[0], "com.example.hello.lib.Greeter", "org.apache.commons.text.WordUtils",
                "org.apache.commons.lang3.StringUtils", "com.amazonaws.services.lambda.runtime.RequestHandler"}) {
            System.out.println("FROM " + name + " " + Class.forName(name, false, cl).getProtectionDomain().getCodeSource().getLocation());
        }
    }
}
