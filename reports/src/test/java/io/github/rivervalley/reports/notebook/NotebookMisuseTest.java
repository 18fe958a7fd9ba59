package io.github.rivervalley.reports.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import org.junit.jupiter.api.Test;

/** Misusing the notebook API gives a message naming the argument, not an internal error (issue 17, item 12). */
class NotebookMisuseTest {

    @Test
    void aPointOfTheWrongDimensionIsRefused() {
        var valley = Notebook.curvedValley();
        InvalidValueException three = assertThrows(InvalidValueException.class, () -> Notebook.sharpness(valley, 1, 2, 3));
        assertEquals("x", three.field(), three.getMessage());
        InvalidValueException one = assertThrows(InvalidValueException.class, () -> Notebook.sharpness(valley, 1));
        assertEquals("x", one.field(), one.getMessage());
    }

    @Test
    void aMissingLandscapeIsNamed() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> Notebook.run(null, Notebook.constant(0.1, 10), Notebook.gd()));
        assertEquals("landscape", e.field(), e.getMessage());
    }

    @Test
    void aRotatedValleyNeedsTwoDimensions() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Notebook.rotatedValley(0, 1, 1));
        assertEquals("dimension", e.field(), e.getMessage());
    }
}
