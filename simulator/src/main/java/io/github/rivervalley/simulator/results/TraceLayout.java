package io.github.rivervalley.simulator.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns of one run's {@code trace.csv} after {@code line}, and where each sits in a
 * {@link TraceRow}'s values: the {@link TraceColumns#REQUIRED} ones, then {@code hill_disp},
 * {@code crossings}, {@code amplitude}, {@code diverged}; with more than one replica the standard errors
 * {@code loss_se}, {@code hill_excess_se}, {@code river_loss_se}; on runs with exact expected dynamics the
 * {@link TraceColumns#THEORY} columns; {@code sharpness} and
 * {@code preconditioned_sharpness} when requested; then the decomposer's extra columns; then, with
 * {@code record.path}, replica 0's own {@code path_river_coord}, {@code path_hill_disp} and its
 * coordinates {@code path_x0, path_x1, ...} (only for landscapes of dimension at most 3).
 */
public final class TraceLayout {

    /** Indexes into {@link TraceRow#values()} of the columns every layout has (the {@link TraceField}s). */
    public static final int STEP = TraceField.STEP.index();
    public static final int LR = TraceField.LR.index();
    public static final int LOSS = TraceField.LOSS.index();
    public static final int RIVER_LOSS = TraceField.RIVER_LOSS.index();
    public static final int HILL_EXCESS = TraceField.HILL_EXCESS.index();
    public static final int RIVER_COORD = TraceField.RIVER_COORD.index();
    public static final int HILL_DIST = TraceField.HILL_DIST.index();
    public static final int GRAD_NORM = TraceField.GRAD_NORM.index();
    public static final int HILL_DISP = TraceField.HILL_DISP.index();
    public static final int CROSSINGS = TraceField.CROSSINGS.index();
    public static final int AMPLITUDE = TraceField.AMPLITUDE.index();
    public static final int DIVERGED = TraceField.DIVERGED.index();

    private final List<String> columns;
    private final int lossSe;
    private final int sharpness;
    private final int preconditionedSharpness;
    private final int firstExtra;
    private final int path;
    private final int pathCoordinates;
    private final int theory;

    /**
     * @param standardErrors whether to include the {@code *_se} columns (more than one replica)
     * @param sharpness whether to include {@code sharpness}
     * @param preconditionedSharpness whether to include {@code preconditioned_sharpness}
     * @param extras the decomposer's extra columns
     * @param path whether to include replica 0's path columns
     * @param dimension the landscape's dimension (path coordinate columns only up to {@link TraceColumns#PATH_MAX_DIMENSION})
     * @param theory whether to include (after the standard errors) the {@link TraceColumns#THEORY} columns: the moment
     *     engine's expected values, on runs where they are exact
     */
    public TraceLayout(boolean standardErrors, boolean sharpness, boolean preconditionedSharpness, List<String> extras,
            boolean path, int dimension, boolean theory) {
        List<String> names = new ArrayList<>();
        for (TraceField field : TraceField.values()) {
            names.add(field.column());
        }
        this.lossSe = standardErrors ? names.size() : -1;
        if (standardErrors) {
            names.addAll(List.of(TraceColumns.LOSS_SE, TraceColumns.HILL_EXCESS_SE, TraceColumns.RIVER_LOSS_SE));
        }
        this.theory = theory ? names.size() : -1;
        if (theory) {
            names.addAll(TraceColumns.THEORY);
        }
        this.sharpness = sharpness ? names.size() : -1;
        if (sharpness) {
            names.add(TraceColumns.SHARPNESS);
        }
        this.preconditionedSharpness = preconditionedSharpness ? names.size() : -1;
        if (preconditionedSharpness) {
            names.add(TraceColumns.PRECONDITIONED_SHARPNESS);
        }
        this.firstExtra = names.size();
        names.addAll(extras);
        this.path = path ? names.size() : -1;
        this.pathCoordinates = path && dimension <= TraceColumns.PATH_MAX_DIMENSION ? dimension : 0;
        if (path) {
            names.add(TraceColumns.PATH_RIVER_COORD);
            names.add(TraceColumns.PATH_HILL_DISP);
            for (int k = 0; k < pathCoordinates; k++) {
                names.add(TraceColumns.pathX(k));
            }
        }
        this.columns = Collections.unmodifiableList(names);
    }

    /** Column names after {@code line}, in order. */
    public List<String> columns() {
        return columns;
    }

    /** Number of values in a row. */
    public int width() {
        return columns.size();
    }

    /** Index of {@code name} in a row's values, or -1. */
    public int indexOf(String name) {
        return columns.indexOf(name);
    }

    /** Index of {@code loss_se} ({@code hill_excess_se} and {@code river_loss_se} follow), or -1 without standard errors. */
    public int lossSe() {
        return lossSe;
    }

    /** Index of {@code sharpness}, or -1. */
    public int sharpness() {
        return sharpness;
    }

    /** Index of {@code preconditioned_sharpness}, or -1. */
    public int preconditionedSharpness() {
        return preconditionedSharpness;
    }

    /** Index of the first extra column. */
    public int firstExtra() {
        return firstExtra;
    }

    /**
     * Index of {@code path_river_coord} ({@code path_hill_disp} and the {@link #pathCoordinates()}
     * {@code path_x*} columns follow), or -1 without path columns.
     */
    public int path() {
        return path;
    }

    /**
     * Index of {@code theory_loss} ({@code theory_river_loss}, {@code theory_hill_excess} and
     * {@code theory_river_coord} follow), or -1 without theory columns.
     */
    public int theory() {
        return theory;
    }

    /** Number of {@code path_x*} columns (0 without them). */
    public int pathCoordinates() {
        return pathCoordinates;
    }

    /** Number of path columns (0 without them). */
    public int pathWidth() {
        return path < 0 ? 0 : 2 + pathCoordinates;
    }

    /** The CSV header line (without newline). */
    public String header() {
        return TraceColumns.LINE + "," + String.join(",", columns);
    }

    /**
     * Formats one value: whole numbers for {@code step} and {@code diverged}; {@link Double#toString} (an
     * exact round trip) for the others; NaN as {@code NaN} in the required columns and as an empty field
     * in the optional ones (a diverged line, a sharpness not computed on that row).
     */
    public void format(int index, double value, StringBuilder out) {
        if (index == STEP || index == DIVERGED) {
            out.append((long) value);
        } else if (Double.isNaN(value)) {
            if (index <= GRAD_NORM) {
                out.append("NaN");
            }
        } else {
            out.append(value);
        }
    }

    @Override
    public String toString() {
        return "TraceLayout" + columns;
    }
}
