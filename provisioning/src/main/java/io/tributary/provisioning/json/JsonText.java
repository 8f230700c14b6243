package io.tributary.provisioning.json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON text of the small lists and maps kept in text columns. */
public final class JsonText {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private JsonText() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return json == null ? null : MAPPER.readValue(json, type);
    }

    public static List<String> readList(String json) {
        return json == null || json.isBlank() ? List.of() : MAPPER.readValue(json, STRING_LIST);
    }

    /** Sorted, so equal maps always serialize to the same text. */
    public static Map<String, String> readMap(String json) {
        return json == null || json.isBlank() ? new TreeMap<>() : new TreeMap<>(MAPPER.readValue(json, STRING_MAP));
    }

    public static String writeMap(Map<String, String> map) {
        return write(new TreeMap<>(map == null ? Map.of() : map));
    }
}
