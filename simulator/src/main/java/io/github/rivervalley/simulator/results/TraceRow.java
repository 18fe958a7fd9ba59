package io.github.rivervalley.simulator.results;

/**
 * One recorded row of a trace: the line's name and the values laid out by the run's {@link TraceLayout}.
 * The array belongs to the row; do not change it.
 */
public record TraceRow(String line, double[] values) {

    /** The step (number of updates applied on the line). */
    public long step() {
        return (long) values[TraceLayout.STEP];
    }

    /** Value at a layout index. */
    public double get(int index) {
        return values[index];
    }

    @Override
    public String toString() {
        return "TraceRow[" + line + " step " + step() + ", loss " + values[TraceLayout.LOSS] + "]";
    }
}
