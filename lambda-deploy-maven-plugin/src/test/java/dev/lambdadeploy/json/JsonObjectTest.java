package dev.lambdadeploy.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonObjectTest {
    private static final JsonFactory JSON = new JsonFactory();

    /** The document's root object, read as the callers do: parser at the first token. */
    private static JsonObject read(String json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            return JsonObject.parse(p);
        }
    }

    private record Point(long x, long y) {
        static Point of(JsonObject o) {
            return new Point(o.longValue("x"), o.longValue("y"));
        }
    }

    @Test
    void readsEveryKindOfValue() throws IOException {
        JsonObject o = read("{\"s\":\"text\",\"n\":42,\"big\":9007199254740993,\"neg\":-7,\"t\":true,\"f\":false,"
                + "\"nil\":null,\"p\":{\"x\":1,\"y\":2},\"ps\":[{\"x\":3},{\"y\":4}],\"names\":[\"a\",\"b\"]}");
        assertEquals("text", o.string("s"));
        assertEquals(42, o.integer("n"));
        assertEquals(9007199254740993L, o.longValue("big"), "a long, exact beyond a double's 53 bits");
        assertEquals(-7, o.longValue("neg"));
        assertTrue(o.bool("t"));
        assertFalse(o.bool("f"));
        assertNull(o.string("nil"));
        assertEquals(new Point(1, 2), o.object("p", Point::of));
        assertEquals(List.of(new Point(3, 0), new Point(0, 4)), o.list("ps", Point::of));
        assertEquals(List.of("a", "b"), o.strings("names"));
    }

    @Test
    void decodesEscapesAndUnicode() throws IOException {
        JsonObject o =
                read("{\"q\":\"a \\\"quoted\\\" \\\\ back\\/slash\\n\\ttab\",\"u\":\"\\u00e9t\\u00e9 \\ud83d\\ude00\","
                        + "\"raw\":\"λ → 😀\",\"clé\":\"x\"}");
        assertEquals("a \"quoted\" \\ back/slash\n\ttab", o.string("q"));
        assertEquals("été 😀", o.string("u"), "\\u escapes, including a surrogate pair");
        assertEquals("λ → 😀", o.string("raw"));
        assertEquals("x", o.string("clé"), "non-ASCII field names");
    }

    @Test
    void nestsObjectsInArraysInObjects() throws IOException {
        JsonObject o = read("{\"a\":{\"b\":[{\"c\":{\"d\":[\"deep\"]}},{\"c\":{\"d\":[]}}],\"e\":[[1,2],[]]}}");
        List<List<String>> ds = o.object("a", a -> a.list("b", b -> b.object("c", c -> c.strings("d"))));
        assertEquals(List.of(List.of("deep"), List.of()), ds);
    }

    @Test
    void missingFieldsReadAsNullZeroFalseOrEmpty() throws IOException {
        JsonObject o = read("{}");
        assertNull(o.string("x"));
        assertEquals(0, o.longValue("x"));
        assertEquals(0, o.integer("x"));
        assertFalse(o.bool("x"));
        assertNull(o.object("x", Point::of));
        assertEquals(List.of(), o.list("x", Point::of));
        assertEquals(List.of(), o.strings("x"));
        JsonObject nulls = read("{\"n\":null,\"l\":null,\"o\":null}");
        assertEquals(0, nulls.longValue("n"), "null reads like a missing field");
        assertEquals(List.of(), nulls.strings("l"));
        assertNull(nulls.object("o", Point::of));
    }

    @Test
    void aFieldOfTheWrongTypeIsRejected() throws IOException {
        JsonObject o = read("{\"s\":\"1\",\"n\":1,\"b\":\"true\",\"o\":[1],\"l\":{\"x\":1},\"mixed\":[\"a\",1],"
                + "\"objs\":[{\"x\":1},\"no\"],\"huge\":4294967296}");
        assertThrows(IllegalArgumentException.class, () -> o.longValue("s"), "no number from a string");
        assertThrows(IllegalArgumentException.class, () -> o.string("n"), "no string from a number");
        assertThrows(IllegalArgumentException.class, () -> o.bool("b"));
        assertThrows(IllegalArgumentException.class, () -> o.object("o", Point::of));
        assertThrows(IllegalArgumentException.class, () -> o.strings("l"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.strings("mixed"));
        assertTrue(e.getMessage().contains("'mixed'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.list("objs", Point::of));
        assertThrows(ArithmeticException.class, () -> o.integer("huge"), "an int field beyond int is not wrapped");
        assertEquals(4294967296L, o.longValue("huge"));
    }

    @Test
    void theLastOfARepeatedFieldWins() throws IOException {
        assertEquals("second", read("{\"k\":\"first\",\"k\":\"second\"}").string("k"));
    }

    @Test
    void leavesTheParserAfterTheObjectSoTheCallerCanReadOn() throws IOException {
        try (JsonParser p = JSON.createParser("[{\"x\":1,\"nested\":{\"z\":[2]}},{\"x\":5}]")) {
            assertEquals(JsonToken.START_ARRAY, p.nextToken());
            p.nextToken();
            assertEquals(new Point(1, 0), Point.of(JsonObject.parse(p)));
            assertEquals(JsonToken.END_OBJECT, p.currentToken());
            p.nextToken();
            assertEquals(new Point(5, 0), Point.of(JsonObject.parse(p)));
            assertEquals(JsonToken.END_ARRAY, p.nextToken());
        }
    }

    @Test
    void notAnObjectOrCutShortIsAnIoError() throws IOException {
        assertThrows(IOException.class, () -> read("[1,2]"));
        assertThrows(IOException.class, () -> read("\"text\""));
        assertThrows(IOException.class, () -> read(""), "an empty file");
        assertThrows(IOException.class, () -> read("{\"a\":[1,"));
        assertThrows(IOException.class, () -> read("{\"a\":{\"b\":1}"));
        assertThrows(IOException.class, () -> read("{\"n\":123456789012345678901234567890}"), "beyond a long");
    }
}
