package com.example.life;

public class Handler {
    public String handleRequest(String input) {
        return "v1:" + input;
    }

    public String handleAdmin(String input) {
        return "admin:" + input;
    }
}
