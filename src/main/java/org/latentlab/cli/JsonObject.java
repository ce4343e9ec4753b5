package org.latentlab.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON object written on one line, keys in the order they were put: strings, numbers (a
 * non-finite number becomes {@code null}, which JSON has instead of NaN), booleans and nested
 * objects. Enough for the command line's {@code --json} output. Confined to one thread.
 */
final class JsonObject {

    private final Map<String, String> members = new LinkedHashMap<>();

    JsonObject put(String key, String value) {
        members.put(key, value == null ? "null" : quoted(value));
        return this;
    }

    JsonObject put(String key, double value) {
        members.put(key, Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    JsonObject put(String key, long value) {
        members.put(key, Long.toString(value));
        return this;
    }

    JsonObject put(String key, boolean value) {
        members.put(key, Boolean.toString(value));
        return this;
    }

    JsonObject put(String key, JsonObject value) {
        members.put(key, value.toString());
        return this;
    }

    @Override
    public String toString() {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> member : members.entrySet()) {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(quoted(member.getKey())).append(": ").append(member.getValue());
        }
        return json.append('}').toString();
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
