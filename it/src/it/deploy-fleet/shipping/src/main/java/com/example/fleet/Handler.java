package com.example.fleet;

import java.util.Map;

/** The shipping function of the fleet. */
public class Handler {
    public Map<String, String> handleRequest(Map<String, String> event) {
        return Map.of("service", "shipping");
    }
}
