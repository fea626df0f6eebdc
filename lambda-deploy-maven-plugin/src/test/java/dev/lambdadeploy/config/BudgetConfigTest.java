package dev.lambdadeploy.config;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class BudgetConfigTest {
    @Test
    void sizesInBytesAndBinaryUnits() {
        assertEquals(52_428_800L, ByteSize.parse("52428800", "e"));
        assertEquals(52_428_800L, ByteSize.parse("50MB", "e"));
        assertEquals(52_428_800L, ByteSize.parse("50 MiB", "e"));
        assertEquals(52_428_800L, ByteSize.parse(" 50mb ", "e"));
        assertEquals(262_144_000L, ByteSize.parse("250MB", "e"));
        assertEquals(1_610_612_736L, ByteSize.parse("1.5GB", "e"));
        assertEquals(1_610_612_736L, ByteSize.parse("1.5 GiB", "e"));
        assertEquals(1024L, ByteSize.parse("1KB", "e"));
        assertEquals(1024L, ByteSize.parse("1kib", "e"));
        assertEquals(7L, ByteSize.parse("7B", "e"));
        assertEquals(0L, ByteSize.parse("0", "e"));
        // fractions of a unit round down to whole bytes
        assertEquals(1536L, ByteSize.parse("1.5KB", "e"));
        assertEquals(102L, ByteSize.parse("0.1KB", "e"));
    }

    @Test
    void badSizesNameTheElementAndTheFormat() {
        for (String bad : new String[] {"-1", "50MBs", "abc", "", "1.5", "50 M B", "5e6", "1,000"}) {
            ConfigException e =
                    assertThrows(ConfigException.class, () -> ByteSize.parse(bad, "<budgets><budget>[1]<max>"), bad);
            assertEquals("<budgets><budget>[1]<max>", e.element(), bad);
            assertTrue(e.getMessage().startsWith("<budgets><budget>[1]<max>: "), e.getMessage());
            assertTrue(e.getMessage().contains("50MB"), "says how to write it: " + e.getMessage());
        }
        assertTrue(assertThrows(ConfigException.class, () -> ByteSize.parse("-1", "e"))
                .getMessage()
                .contains("negative"));
        assertTrue(assertThrows(ConfigException.class, () -> ByteSize.parse("50MBs", "e"))
                .getMessage()
                .contains("unknown unit 'MBs'"));
        assertTrue(assertThrows(ConfigException.class, () -> ByteSize.parse("abc", "e"))
                .getMessage()
                .contains("'abc' is not a size"));
        assertTrue(assertThrows(ConfigException.class, () -> ByteSize.parse("99999999999GB", "e"))
                .getMessage()
                .contains("too large"));
    }

    @Test
    void budgetsParseEachKind() {
        BudgetSpec layer = BudgetSpec.parse("layer-zipped", "40MB", "deps", "warn", "<budget>");
        assertEquals(BudgetKind.LAYER_ZIPPED, layer.kind());
        assertEquals(41_943_040L, layer.limit());
        assertEquals("deps", layer.layer());
        assertEquals(Severity.WARN, layer.level());
        assertEquals(
                Severity.ERROR,
                BudgetSpec.parse("total-unzipped", "200MB", null, null, "e").level());
        assertEquals(
                BudgetKind.FUNCTION_UNZIPPED,
                BudgetSpec.parse("functionUnzipped", "1MB", null, null, "e").kind());
        BudgetSpec count = BudgetSpec.parse("layer-count", "3", null, "ERROR", "e");
        assertEquals(3, count.limit());
        BudgetSpec pct = BudgetSpec.parse("growth", "2.5%", null, null, "e");
        assertTrue(pct.percent());
        assertEquals(250, pct.limit());
        BudgetSpec bytes = BudgetSpec.parse("growth", "1MB", "function", null, "e");
        assertFalse(bytes.percent());
        assertEquals(1_048_576, bytes.limit());
        assertEquals(
                10_737_418_240L,
                BudgetSpec.parse("image-size", "10GB", null, null, "e").limit());
    }

    @Test
    void badBudgetsNameTheElement() {
        ConfigException kind = assertThrows(
                ConfigException.class, () -> BudgetSpec.parse("zip-size", "1MB", null, null, "<budgets><budget>[2]"));
        assertEquals("<budgets><budget>[2]<kind>", kind.element());
        assertTrue(kind.getMessage().contains("function-zipped, function-unzipped, layer-zipped"), kind.getMessage());
        assertEquals(
                "<budget><max>",
                assertThrows(
                                ConfigException.class,
                                () -> BudgetSpec.parse("layer-zipped", "50MBs", null, null, "<budget>"))
                        .element());
        assertEquals(
                "<budget><max>",
                assertThrows(
                                ConfigException.class,
                                () -> BudgetSpec.parse("layer-zipped", null, null, null, "<budget>"))
                        .element());
        assertEquals(
                "<budget><max>",
                assertThrows(
                                ConfigException.class,
                                () -> BudgetSpec.parse("layer-count", "3MB", null, null, "<budget>"))
                        .element());
        assertEquals(
                "<budget><max>",
                assertThrows(ConfigException.class, () -> BudgetSpec.parse("growth", "-1%", null, null, "<budget>"))
                        .element());
        assertEquals(
                "<budget><max>",
                assertThrows(
                                ConfigException.class,
                                () -> BudgetSpec.parse("total-unzipped", "5%", null, null, "<budget>"))
                        .element());
        assertEquals(
                "<budget><level>",
                assertThrows(
                                ConfigException.class,
                                () -> BudgetSpec.parse("layer-count", "3", null, "FATAL", "<budget>"))
                        .element());
        assertEquals(
                "<budget><layer>",
                assertThrows(
                                ConfigException.class,
                                () -> BudgetSpec.parse("total-unzipped", "1MB", "deps", null, "<budget>"))
                        .element());
    }

    @Test
    void externalLayersNeedAVersionArnAndAnUnzippedSize() {
        ExternalLayerSpec ok =
                ExternalLayerSpec.parse("arn:aws:lambda:eu-west-1:123456789012:layer:otel-java:7", "30MB", "e");
        assertEquals(31_457_280L, ok.unzippedBytes());
        assertEquals("otel-java:7", ok.name());
        ConfigException arn = assertThrows(
                ConfigException.class,
                () -> ExternalLayerSpec.parse("arn:aws:lambda:eu-west-1:123456789012:layer:otel-java", "1MB", "<x>"));
        assertEquals("<x><arn>", arn.element());
        assertEquals(
                "<x><unzippedSize>",
                assertThrows(ConfigException.class, () -> ExternalLayerSpec.parse(ok.arn(), null, "<x>"))
                        .element());
        assertEquals(
                "<x><unzippedSize>",
                assertThrows(ConfigException.class, () -> ExternalLayerSpec.parse(ok.arn(), "abc", "<x>"))
                        .element());
    }
}
