package com.example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.hello.lib.Greeter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.text.WordUtils;

public class HelloHandler implements RequestHandler<Map<String, String>, String> {
    private static final Properties SETTINGS = load();

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        String name = WordUtils.capitalizeFully(event.getOrDefault("name", "world"));
        String function = context == null ? "?" : context.getFunctionName();
        return Greeter.greet(name) + " (" + SETTINGS.getProperty("edition") + " from " + function + ")";
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = HelloHandler.class.getResourceAsStream("/hello.properties")) {
            if (in == null) {
                throw new IllegalStateException("hello.properties is not on the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
