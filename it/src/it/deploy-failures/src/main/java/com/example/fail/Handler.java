package com.example.fail;

public class Handler {
    public String handleRequest(String input) {
        return input;
    }
}
