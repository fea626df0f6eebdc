package com.example.baseline;

import java.util.function.Function;

public class Handler implements Function<String, String> {
    @Override
    public String apply(String input) {
        return "baseline " + input;
    }
}
