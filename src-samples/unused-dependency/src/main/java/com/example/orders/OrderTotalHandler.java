package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Totals an order: {"orderId": "...", "lines": [{"sku": "...", "quantity": 2, "unitPrice": 12.5}]}. */
public class OrderTotalHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    // findAndRegisterModules(): the common way to pick up jackson-datatype-jsr310 and friends; it also registers
    // every other Jackson module on the class path, used or not.
    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record Line(String sku, int quantity, double unitPrice) {}

    public record Order(String orderId, List<Line> lines) {}

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Order order = JSON.convertValue(event, Order.class);
        double total = order.lines().stream()
                .mapToDouble(l -> l.quantity() * l.unitPrice())
                .sum();
        return Map.of("orderId", order.orderId(), "lines", order.lines().size(), "total", total);
    }
}
