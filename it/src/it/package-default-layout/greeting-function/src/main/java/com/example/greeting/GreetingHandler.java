package com.example.greeting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.example.greeting.lib.Greeter;
import java.util.Map;
import org.apache.commons.text.WordUtils;

public class GreetingHandler implements RequestHandler<Map<String, String>, String> {
    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        return Greeter.greet(WordUtils.capitalizeFully(event.getOrDefault("name", "world")));
    }
}
