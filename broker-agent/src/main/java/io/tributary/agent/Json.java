package io.tributary.agent;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The agent's only JSON entry point (jackson-jr): maps and lists in, text out. */
final class Json {

    private static final JSON JSON_STD = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private Json() {
    }

    static Map<String, Object> parseObject(String text) throws IOException {
        return JSON_STD.mapFrom(text);
    }

    static String write(Object value) {
        try {
            return JSON_STD.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String requiredString(Map<String, Object> map, String field) {
        Object value = map.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value.toString();
    }

    static long requiredLong(Map<String, Object> map, String field) {
        Object value = map.get(field);
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value == null) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + field + "' is not a number: " + value);
        }
    }

    static double optionalDouble(Map<String, Object> map, String field, double defaultValue) {
        Object value = map.get(field);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + field + "' is not a number: " + value);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> map, String field) {
        Object value = map.get(field);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("field '" + field + "' is not an object");
    }

    static List<?> list(Map<String, Object> map, String field) {
        Object value = map.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("field '" + field + "' is not an array");
    }
}
