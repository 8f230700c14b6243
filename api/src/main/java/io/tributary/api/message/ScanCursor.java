package io.tributary.api.message;

import io.tributary.api.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an incomplete search stopped, handed to the caller as an opaque string: per partition
 * the next offset to read and the offset the search ends at (fixed when it began, so a
 * continued search covers exactly what the first one would have).
 */
record ScanCursor(Map<Integer, Long> next, Map<Integer, Long> end) {

    String encode() {
        StringBuilder s = new StringBuilder("v1");
        new TreeMap<>(next).forEach((p, o) -> s.append(';').append(p).append('=').append(o).append(':').append(end.get(p)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static ScanCursor decode(String text) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            String[] parts = s.split(";");
            if (!parts[0].equals("v1")) {
                throw new IllegalArgumentException();
            }
            Map<Integer, Long> next = new TreeMap<>();
            Map<Integer, Long> end = new TreeMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] pe = parts[i].split("=");
                String[] oe = pe[1].split(":");
                int partition = Integer.parseInt(pe[0]);
                next.put(partition, Long.parseLong(oe[0]));
                end.put(partition, Long.parseLong(oe[1]));
            }
            return new ScanCursor(next, end);
        } catch (RuntimeException e) {
            throw ApiException.invalid(java.util.List.of(new ApiException.FieldProblem("cursor",
                    "is not a cursor this API gave out")));
        }
    }
}
