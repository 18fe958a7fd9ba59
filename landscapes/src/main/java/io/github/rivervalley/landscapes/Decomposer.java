package io.github.rivervalley.landscapes;

import java.util.List;

/**
 * Splits the loss at a point into its river part (true progress) and its hill part (the excess paid
 * for being up a wall), as a fixed set of named measurements.
 *
 * <p>Analytic valleys do this geometrically through {@link RiverValley}; data-derived landscapes (the
 * bigram models) do it by token group. The simulator records whatever a decomposer reports, so a
 * new kind of landscape only has to implement this interface to get traces, charts and sweeps.
 *
 * <p>{@link #measure} fills an array laid out as {@link Measure#values()} followed by
 * {@link #extraColumns()}.
 */
public interface Decomposer {

    /** The standard measurements, in the order {@link #measure} writes them. */
    enum Measure {
        /** {@code L(x)}. */
        LOSS("loss"),
        /** {@code L(Phi(x))}: the loss of the river point x belongs to. */
        RIVER_LOSS("river_loss"),
        /** {@code L(x) - L(Phi(x))}: the loss caused by being up a wall. */
        HILL_EXCESS("hill_excess"),
        /** Position of {@code Phi(x)} along the river. */
        RIVER_COORD("river_coord"),
        /** {@code |x - Phi(x)|}. */
        HILL_DIST("hill_dist"),
        /** Signed displacement {@code (x - Phi(x)) . n}, with n the steepest hill direction at {@code Phi(x)}. */
        HILL_DISP("hill_disp");

        private final String column;

        Measure(String column) {
            this.column = column;
        }

        /** The column name used in traces and summaries. */
        public String column() {
            return column;
        }

        /** Number of standard measurements. */
        public static final int COUNT = values().length;

        /** Writes the standard measurements into {@code out}, each at its own index: the one place that knows the layout. */
        public static void write(double[] out, double loss, double riverLoss, double hillExcess, double riverCoord,
                double hillDist, double hillDisp) {
            out[LOSS.ordinal()] = loss;
            out[RIVER_LOSS.ordinal()] = riverLoss;
            out[HILL_EXCESS.ordinal()] = hillExcess;
            out[RIVER_COORD.ordinal()] = riverCoord;
            out[HILL_DIST.ordinal()] = hillDist;
            out[HILL_DISP.ordinal()] = hillDisp;
        }
    }

    /** Names of measurements beyond the standard ones (for example per-group losses); may be empty. */
    default List<String> extraColumns() {
        return List.of();
    }

    /** Total number of values {@link #measure} writes. */
    default int measureCount() {
        return Measure.COUNT + extraColumns().size();
    }

    /**
     * Writes the standard measurements at {@code x}, then the extras, into {@code out}
     * (length at least {@link #measureCount()}). Called at recorded steps, not every step.
     */
    void measure(double[] x, double[] out);
}
