package com.example.compat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.apache.commons.text.WordUtils;

public class Handler implements RequestHandler<String, String> {
    @Override
    public String handleRequest(String input, Context context) {
        return WordUtils.capitalize(input);
    }
}
