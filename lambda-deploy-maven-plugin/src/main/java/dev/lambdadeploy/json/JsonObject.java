package dev.lambdadeploy.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A JSON object read with Jackson's streaming parser, with typed accessors for mapping it onto records by hand. For
 * the files every {@code lambda:package} reads, where setting up Jackson's data binding in a fresh Maven JVM cost more
 * than the rest of a no-op build. A missing field reads as null, 0, false or an empty list; a field of the wrong type
 * throws {@link IllegalArgumentException}, so callers treat the file as unreadable.
 */
public final class JsonObject {
    private final Map<String, Object> fields;

    private JsonObject(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** Reads the object the parser is at (call {@code nextToken()} first, as for the document's root). */
    public static JsonObject parse(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected a JSON object, found " + p.currentToken());
        }
        return (JsonObject) value(p);
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IOException("unexpected end of JSON");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return new JsonObject(m);
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected JSON token " + t);
        }
    }

    public String string(String name) {
        return typed(name, String.class);
    }

    public long longValue(String name) {
        Number n = typed(name, Number.class);
        return n == null ? 0 : n.longValue();
    }

    public int integer(String name) {
        return Math.toIntExact(longValue(name));
    }

    public boolean bool(String name) {
        return Boolean.TRUE.equals(typed(name, Boolean.class));
    }

    /** The nested object mapped by {@code mapper}, or null when missing. */
    public <T> T object(String name, Function<JsonObject, T> mapper) {
        JsonObject o = typed(name, JsonObject.class);
        return o == null ? null : mapper.apply(o);
    }

    /** An array of objects, each mapped by {@code mapper}; empty when missing. */
    public <T> List<T> list(String name, Function<JsonObject, T> mapper) {
        List<T> out = new ArrayList<>();
        for (Object o : array(name)) {
            if (!(o instanceof JsonObject element)) {
                throw new IllegalArgumentException("'" + name + "' holds " + o + " where an object belongs");
            }
            out.add(mapper.apply(element));
        }
        return out;
    }

    /** An array of strings; empty when missing. */
    public List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        for (Object o : array(name)) {
            if (!(o instanceof String s)) {
                throw new IllegalArgumentException("'" + name + "' holds " + o + " where a string belongs");
            }
            out.add(s);
        }
        return out;
    }

    private List<?> array(String name) {
        List<?> list = typed(name, List.class);
        return list == null ? List.of() : list;
    }

    private <T> T typed(String name, Class<T> type) {
        Object v = fields.get(name);
        if (v != null && !type.isInstance(v)) {
            throw new IllegalArgumentException("'" + name + "' is " + v + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }
}
