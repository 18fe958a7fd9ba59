package io.github.rivervalley.simulator.io;

/**
 * The one CSV quoting rule every writer here uses (RFC 4180): a field holding a comma, a double quote or
 * a line break is written in double quotes, with its quotes doubled; any other field as it is.
 */
public final class Csv {

    private Csv() {
    }

    /** {@code text} as one CSV field; the same string (no copy) when it needs no quotes. */
    public static String field(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }
}
