package com.example.collide;

public class Handler {
    public String handleRequest(String input) {
        return input;
    }
}
