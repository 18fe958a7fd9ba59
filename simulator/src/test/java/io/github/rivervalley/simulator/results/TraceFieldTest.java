package io.github.rivervalley.simulator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rivervalley.landscapes.Decomposer.Measure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed row fields are the one index scheme: the layout, the CSV header and the decomposer agree with them. */
class TraceFieldTest {

    @Test
    void everyLayoutStartsWithTheFieldsInOrder() {
        TraceLayout layout = new TraceLayout(true, true, true, List.of("extra"), true, 2, true);
        for (TraceField field : TraceField.values()) {
            assertEquals(field.index(), layout.indexOf(field.column()), field.toString());
        }
        assertEquals(TraceColumns.REQUIRED, List.of(layout.header().split(",")).subList(0, TraceColumns.REQUIRED.size()));
    }

    @Test
    void eachDecomposerMeasureLandsInTheFieldOfItsName() {
        for (Measure m : Measure.values()) {
            assertEquals(m.column(), TraceField.of(m).column());
        }
    }

    @Test
    void meanSlotsAreTheAveragedFieldsInRowOrder() {
        int slot = 0;
        for (TraceField field : List.of(TraceField.LOSS, TraceField.RIVER_LOSS, TraceField.HILL_EXCESS, TraceField.RIVER_COORD,
                TraceField.HILL_DIST, TraceField.GRAD_NORM, TraceField.HILL_DISP, TraceField.CROSSINGS, TraceField.AMPLITUDE)) {
            assertEquals(slot++, field.meanSlot(), field.toString());
        }
        assertEquals(slot, TraceField.MEANS);
        assertThrows(IllegalArgumentException.class, TraceField.STEP::meanSlot);
        assertThrows(IllegalArgumentException.class, TraceField.DIVERGED::meanSlot);
    }
}
