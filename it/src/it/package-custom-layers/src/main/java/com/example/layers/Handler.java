package com.example.layers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

public class Handler implements RequestHandler<String, Integer> {
    @Override
    public Integer handleRequest(String input, Context context) {
        return input == null ? 0 : input.length();
    }
}
