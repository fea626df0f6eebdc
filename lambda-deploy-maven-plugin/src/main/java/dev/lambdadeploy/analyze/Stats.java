package dev.lambdadeploy.analyze;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Medians over probe runs (NaN-free; NaN when there is nothing to take the median of). */
final class Stats {
    private Stats() {}

    static double median(Collection<? extends Number> values) {
        List<Double> v = new ArrayList<>();
        for (Number n : values) {
            if (n != null && !Double.isNaN(n.doubleValue())) {
                v.add(n.doubleValue());
            }
        }
        if (v.isEmpty()) {
            return Double.NaN;
        }
        v.sort(null);
        int mid = v.size() / 2;
        return v.size() % 2 == 1 ? v.get(mid) : (v.get(mid - 1) + v.get(mid)) / 2;
    }

    static double round1(double d) {
        return Double.isNaN(d) ? Double.NaN : Math.round(d * 10) / 10.0;
    }
}
