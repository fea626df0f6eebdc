package com.example.extra;

/** A plain class: handler string com.example.extra.Echo::upper. */
public class Echo {
    public String upper(String text) {
        return text.toUpperCase(java.util.Locale.ROOT);
    }
}
