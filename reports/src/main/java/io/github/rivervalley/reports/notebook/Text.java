package io.github.rivervalley.reports.notebook;

/**
 * Text meant for the terminal (a table, a sparkline, a plot). jshell shows a value through its
 * {@code toString}, so wrapping the text keeps line breaks intact instead of an escaped string literal.
 * Text of several lines starts on a new line, so that jshell's {@code $1 ==> } prefix does not push
 * the first line out of alignment.
 */
public record Text(String text) {

    public Text {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
    }

    @Override
    public String toString() {
        return text.indexOf('\n') >= 0 && text.indexOf('\n') < text.length() - 1 ? "\n" + text : text;
    }
}
