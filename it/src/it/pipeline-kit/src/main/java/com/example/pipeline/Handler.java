package com.example.pipeline;

public class Handler {
    public String handleRequest(String input) {
        return "v1:" + input;
    }
}
