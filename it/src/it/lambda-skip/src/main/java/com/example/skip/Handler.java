package com.example.skip;

public class Handler {
    public String handleRequest(String input) {
        return input;
    }
}
