package com.example.orders.core;

import java.math.BigDecimal;
import java.util.List;

public record Order(String id, List<Line> lines) {
    public record Line(String sku, int quantity, BigDecimal unitPrice) {
        public BigDecimal total() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    public BigDecimal total() {
        return lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
