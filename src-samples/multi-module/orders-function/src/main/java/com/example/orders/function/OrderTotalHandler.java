package com.example.orders.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.example.orders.core.Order;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Reads an order as JSON and answers {"id": ..., "total": ...}.
 * Handler string: com.example.orders.function.OrderTotalHandler::handleRequest
 */
public class OrderTotalHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Order order = JSON.readValue(input, Order.class);
        JSON.writeValue(output, Map.of("id", order.id(), "total", order.total()));
    }
}
