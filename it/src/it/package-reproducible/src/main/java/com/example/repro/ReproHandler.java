package com.example.repro;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.apache.commons.text.StringEscapeUtils;

public class ReproHandler implements RequestHandler<String, String> {
    @Override
    public String handleRequest(String input, Context context) {
        return StringEscapeUtils.escapeJson(input);
    }

    static final class Nested {
    }
}
