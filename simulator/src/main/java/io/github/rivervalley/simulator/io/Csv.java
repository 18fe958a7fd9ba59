package io.github.rivervalley.simulator.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV helper (RFC 4180) of the cold paths: the quoting rule every writer here uses (a field
 * holding a comma, a double quote or a line break is written in double quotes, with its quotes doubled;
 * any other field as it is) and the matching reader.
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

    /**
     * The records of a CSV text (RFC 4180): quoted cells may hold commas, quotes (doubled) and line breaks;
     * CRLF or LF ends a record; empty lines are skipped. For the cold paths (sweep tables); the trace has
     * its own streaming reader.
     */
    public static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    record.add(cell.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
