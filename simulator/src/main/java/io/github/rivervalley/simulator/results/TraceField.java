package io.github.rivervalley.simulator.results;

import io.github.rivervalley.landscapes.Decomposer.Measure;

/**
 * The fields every trace row starts with, in file order: the one definition of where each sits. A field's
 * {@link #index()} is its position in a {@link TraceRow}'s values ({@link TraceLayout}'s constants are these
 * indexes), its {@link #column()} its name in {@code trace.csv} ({@link TraceColumns}), and the engine's
 * per-replica measurement vector holds the averaged fields {@link #LOSS} to {@link #AMPLITUDE} in the same
 * order ({@link #meanSlot()}), so a row's means are one copy. A field the landscape's decomposer measures
 * names its {@link Measure}, and {@link #of(Measure)} maps the decomposer's output onto the row.
 */
public enum TraceField {
    STEP(TraceColumns.STEP, null),
    LR(TraceColumns.LR, null),
    LOSS(TraceColumns.LOSS, Measure.LOSS),
    RIVER_LOSS(TraceColumns.RIVER_LOSS, Measure.RIVER_LOSS),
    HILL_EXCESS(TraceColumns.HILL_EXCESS, Measure.HILL_EXCESS),
    RIVER_COORD(TraceColumns.RIVER_COORD, Measure.RIVER_COORD),
    HILL_DIST(TraceColumns.HILL_DIST, Measure.HILL_DIST),
    GRAD_NORM(TraceColumns.GRAD_NORM, null),
    HILL_DISP(TraceColumns.HILL_DISP, Measure.HILL_DISP),
    CROSSINGS(TraceColumns.CROSSINGS, null),
    AMPLITUDE(TraceColumns.AMPLITUDE, null),
    DIVERGED(TraceColumns.DIVERGED, null);

    /** Number of replica-averaged fields ({@link #LOSS} to {@link #AMPLITUDE}): the first slots of the measurement vector. */
    public static final int MEANS = AMPLITUDE.ordinal() - LOSS.ordinal() + 1;

    private static final TraceField[] BY_MEASURE = new TraceField[Measure.COUNT];

    static {
        for (TraceField field : values()) {
            if (field.measure != null) {
                BY_MEASURE[field.measure.ordinal()] = field;
            }
        }
    }

    private final String column;
    private final Measure measure;

    TraceField(String column, Measure measure) {
        if (measure != null && !measure.column().equals(column)) {
            throw new IllegalStateException("the decomposer calls " + measure + " '" + measure.column() + "', the trace '" + column + "'");
        }
        this.column = column;
        this.measure = measure;
    }

    /** Position in a row's values. */
    public int index() {
        return ordinal();
    }

    /** Column name in {@code trace.csv}. */
    public String column() {
        return column;
    }

    /** Slot in the engine's per-replica measurement vector: {@code index() - LOSS.index()}, for the averaged fields only. */
    public int meanSlot() {
        if (this.compareTo(LOSS) < 0 || this.compareTo(AMPLITUDE) > 0) {
            throw new IllegalArgumentException(this + " is not a replica mean");
        }
        return ordinal() - LOSS.ordinal();
    }

    /** The field that holds the decomposer's {@code measure}. */
    public static TraceField of(Measure measure) {
        return BY_MEASURE[measure.ordinal()];
    }
}
