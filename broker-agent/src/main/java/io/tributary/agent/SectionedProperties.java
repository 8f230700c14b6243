package io.tributary.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@code .properties} document built from titled sections, each sorted by key, so the same input
 * always renders byte for byte the same text. Escapes keys and values the way
 * {@link java.util.Properties#load(java.io.InputStream)} (ISO-8859-1, which Kafka uses) reads them.
 */
final class SectionedProperties {

    private final List<String> header;
    private final List<Section> sections = new ArrayList<>();

    SectionedProperties(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a section; sections render in the order they were added. */
    Section section(String title) {
        Section section = new Section(title);
        sections.add(section);
        return section;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("# ").append(line).append('\n'));
        for (Section section : sections) {
            if (section.entries.isEmpty()) {
                continue;
            }
            out.append('\n').append("# --- ").append(section.title).append(" ---\n");
            section.entries.forEach((key, value) ->
                    out.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
        }
        return out.toString();
    }

    static final class Section {
        private final String title;
        private final SortedMap<String, String> entries = new TreeMap<>();

        private Section(String title) {
            this.title = title;
        }

        Section put(String key, String value) {
            if (entries.putIfAbsent(key, value) != null) {
                throw new IllegalStateException("duplicate key " + key + " in section " + title);
            }
            return this;
        }

        Section putAll(Map<String, String> values) {
            values.forEach(this::put);
            return this;
        }

        SortedMap<String, String> entries() {
            return java.util.Collections.unmodifiableSortedMap(entries);
        }
    }

    static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                case '=', ':', '#', '!' -> out.append(key || i == 0 ? "\\" + c : String.valueOf(c));
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
