package com.example.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;

public class OrderHandler implements RequestHandler<OrderHandler.Order, OrderHandler.Receipt> {
    public static class Order {
        public String id;
        public List<String> items;
        public boolean express;
    }

    public static class Receipt {
        public String orderId;
        public int count;
        public String shipping;
        public String function;
        public int memory;
    }

    @Override
    public Receipt handleRequest(Order order, Context context) {
        Receipt r = new Receipt();
        r.orderId = order.id;
        r.count = order.items.size();
        r.shipping = order.express ? "express" : "standard";
        r.function = context.getFunctionName();
        r.memory = context.getMemoryLimitInMB();
        return r;
    }
}
