package com.example.budget;

import java.util.function.Function;

public class Handler implements Function<String, String> {
    @Override
    public String apply(String input) {
        return "budget " + input;
    }
}
