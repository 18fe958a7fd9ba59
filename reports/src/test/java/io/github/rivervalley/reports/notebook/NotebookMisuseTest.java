package io.github.rivervalley.reports.notebook;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Misusing the notebook API gives one readable line naming the call and the argument, not an internal
 * error (issue 17, item 12): a {@link NotebookError} whose message is "call: field: ..." as the
 * validation wrote it.
 */
class NotebookMisuseTest {

    @Test
    void aPointOfTheWrongDimensionIsRefused() {
        var valley = Notebook.curvedValley();
        assertNames("x", assertThrows(NotebookError.class, () -> Notebook.sharpness(valley, 1, 2, 3)));
        assertNames("x", assertThrows(NotebookError.class, () -> Notebook.sharpness(valley, 1)));
    }

    @Test
    void aMissingLandscapeIsNamed() {
        assertNames("landscape", assertThrows(NotebookError.class,
                () -> Notebook.run(null, Notebook.constant(0.1, 10), Notebook.gd())));
    }

    @Test
    void aRotatedValleyNeedsTwoDimensions() {
        assertNames("dimension", assertThrows(NotebookError.class, () -> Notebook.rotatedValley(0, 1, 1)));
    }

    private static void assertNames(String field, NotebookError e) {
        assertTrue(e.getMessage().contains(": " + field + ": "), e.getMessage());
        assertTrue(e.getStackTrace().length == 0, "a notebook error carries no stack trace");
    }
}
