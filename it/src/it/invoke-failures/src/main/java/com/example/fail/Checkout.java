package com.example.fail;

import java.util.Map;

public class Checkout {
    public String handle(Map<String, Integer> event) {
        return "charged " + validate(event.get("amount"));
    }

    private static int validate(int amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        return amount;
    }
}
