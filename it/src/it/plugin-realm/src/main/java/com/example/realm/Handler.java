package com.example.realm;

public class Handler {
    public String handleRequest(String input) {
        return input;
    }
}
