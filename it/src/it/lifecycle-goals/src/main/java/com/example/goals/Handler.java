package com.example.goals;

public class Handler {
    public String handleRequest(String input) {
        return "v1:" + input;
    }
}
