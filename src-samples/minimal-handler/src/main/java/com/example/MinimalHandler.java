package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Handler string: com.example.MinimalHandler::handleRequest */
public class MinimalHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object name = event == null ? null : event.get("name");
        String function = context == null ? "local" : context.getFunctionName();
        return Map.of("message", "Hello, " + (name == null ? "world" : name) + "!", "function", function);
    }
}
