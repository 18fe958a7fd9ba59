package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.nio.file.Path;

/**
 * Bad curve input: the message names the file, the row (the line number in the file, the header being
 * row 1), the column, the value and what is allowed.
 */
public final class CurveFormatException extends InvalidValueException {

    private final int row;
    private final String column;

    public CurveFormatException(Path file, int row, String column, Object value, String allowed) {
        super(file + " row " + row + " column '" + column + "'", value, allowed);
        this.row = row;
        this.column = column;
    }

    /** The row (line number in the file; the header is row 1). */
    public int row() {
        return row;
    }

    /** The column's name. */
    public String column() {
        return column;
    }
}
