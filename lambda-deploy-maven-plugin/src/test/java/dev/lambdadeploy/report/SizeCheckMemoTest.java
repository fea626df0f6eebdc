package dev.lambdadeploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lambdadeploy.config.BudgetSpec;
import dev.lambdadeploy.config.ExternalLayerSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The memo's key: equal for equal inputs, different when any field of a budget or external layer differs. */
class SizeCheckMemoTest {
    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:layer:otel:3";

    private static String key(List<BudgetSpec> budgets, List<ExternalLayerSpec> external) {
        SizeReportRequest r = new SizeReportRequest(
                null, Path.of("target/lambda"), budgets, external, null, false, OptionalLong.empty(), null);
        return SizeCheckMemo.key(r, "manifest-key", "presentation");
    }

    private static BudgetSpec budget(String kind, String max, String layer, String level, String element) {
        return BudgetSpec.parse(kind, max, layer, level, element);
    }

    @Test
    void everyFieldOfABudgetOrExternalLayerIsInTheKey() {
        BudgetSpec base = budget("layer-zipped", "40MB", "deps", "WARN", "<budgets><budget>[1]");
        List<String> keys = List.of(
                key(List.of(), List.of()),
                key(List.of(base), List.of()),
                key(List.of(budget("layer-unzipped", "40MB", "deps", "WARN", "<budgets><budget>[1]")), List.of()),
                key(List.of(budget("layer-zipped", "41MB", "deps", "WARN", "<budgets><budget>[1]")), List.of()),
                key(List.of(budget("layer-zipped", "40MB", "app", "WARN", "<budgets><budget>[1]")), List.of()),
                key(List.of(budget("layer-zipped", "40MB", null, "WARN", "<budgets><budget>[1]")), List.of()),
                key(List.of(budget("layer-zipped", "40MB", "deps", "ERROR", "<budgets><budget>[1]")), List.of()),
                key(List.of(budget("layer-zipped", "40MB", "deps", "WARN", "<budgets><budget>[2]")), List.of()),
                key(List.of(budget("growth", "5%", null, "WARN", "e")), List.of()),
                key(List.of(budget("growth", "500", null, "WARN", "e")), List.of()), // 5% is kept as 500 hundredths
                key(List.of(base, base), List.of()),
                key(List.of(base), List.of(ExternalLayerSpec.parse(ARN, "64KB", "e"))),
                key(List.of(base), List.of(ExternalLayerSpec.parse(ARN, "65KB", "e"))),
                key(List.of(base), List.of(ExternalLayerSpec.parse(ARN.replace(":3", ":4"), "64KB", "e"))));
        Set<String> distinct = new HashSet<>(keys);
        assertEquals(keys.size(), distinct.size(), "every variation gives its own key: " + keys);
        assertEquals(
                key(List.of(base), List.of(ExternalLayerSpec.parse(ARN, "64KB", "e"))),
                key(
                        List.of(budget("layer-zipped", "40MB", "deps", "WARN", "<budgets><budget>[1]")),
                        List.of(ExternalLayerSpec.parse(ARN, "64KB", "e"))),
                "the same budgets parsed again: the same key");
        assertNotEquals(key(List.of(), List.of()), key(List.of(base), List.of()));
    }

    /** A layer's name is the user's text: neither "null" nor separators in it may make two lists read the same. */
    @Test
    void layerNamesCannotCollide() {
        String e = "<budgets><budget>[1]";
        assertNotEquals(
                key(List.of(budget("layer-zipped", "1", null, "WARN", e)), List.of()),
                key(List.of(budget("layer-zipped", "1", "null", "WARN", e)), List.of()));
        assertNotEquals(
                key(
                        List.of(
                                budget("layer-zipped", "1", "a", "WARN", e),
                                budget("layer-zipped", "1", "X,WARN," + e + "][LAYER_ZIPPED,1,false,b", "WARN", e)),
                        List.of()),
                key(
                        List.of(
                                budget("layer-zipped", "1", "a,WARN," + e + "][LAYER_ZIPPED,1,false,X", "WARN", e),
                                budget("layer-zipped", "1", "b", "WARN", e)),
                        List.of()));
    }
}
