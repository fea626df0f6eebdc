package com.example.img;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Handler {
    private static final Logger LOG = LoggerFactory.getLogger(Handler.class);

    public String handleRequest(String input) {
        LOG.info("handling {}", input);
        return "image:" + input;
    }
}
