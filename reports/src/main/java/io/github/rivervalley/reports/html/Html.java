package io.github.rivervalley.reports.html;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** HTML text helpers: escaping and relative links. */
public final class Html {

    private Html() {
    }

    /** {@code text} escaped for HTML element content and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    /** A relative URL from directory {@code from} to {@code target}, percent-encoded, with '/' separators. */
    public static String link(Path from, Path target) {
        Path relative = from.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
        StringBuilder out = new StringBuilder();
        for (Path part : relative) {
            if (out.length() > 0) {
                out.append('/');
            }
            for (byte b : part.toString().getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xFF);
                boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_' || c == '.' || c == '~';
                if (safe) {
                    out.append(c);
                } else {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        return out.toString();
    }

    /** A number for tables: 4 significant digits, or a dash for missing values. */
    public static String number(Double value) {
        if (value == null || Double.isNaN(value)) {
            return "&ndash;";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "&infin;" : "&minus;&infin;";
        }
        double a = Math.abs(value);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(java.util.Locale.ROOT, "%.3e", value);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }

    /** A share as a whole percentage ({@code 0.734 -> "73%"}), or a dash when not finite. */
    public static String percent(double share) {
        return Double.isFinite(share) ? io.github.rivervalley.reports.analysis.Numbers.percent(share) : "&ndash;";
    }

    /**
     * {@code text} escaped, cut to at most {@code max} characters (at a word boundary when there is one
     * in its second half, ending in an ellipsis) with the full text as the hover title.
     */
    public static String abbreviated(String text, int max) {
        if (text == null || text.length() <= max) {
            return escape(text);
        }
        int cut = max - 1;
        int space = text.lastIndexOf(' ', cut);
        if (space > max / 2) {
            cut = space;
        }
        return "<span title=\"" + escape(text) + "\">" + escape(text.substring(0, cut).stripTrailing()) + "&hellip;</span>";
    }
}
