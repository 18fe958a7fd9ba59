package io.github.rivervalley.simulator.results;

import java.util.List;

/**
 * Column names of {@code trace.csv}, the contract between the simulator that writes traces and the
 * reports, sweeps and notebooks that read them. Readers look columns up by name, never by position,
 * so optional columns may be added without breaking them.
 *
 * <p>Every row is one recorded step of one line: {@code step} is the number of updates applied so far
 * on that line ({@code 0} is the start point) and {@code lr} the learning rate of the update that
 * produced it (at step 0, the rate of the first update). Values are means over the replicas that have
 * not diverged.
 */
public final class TraceColumns {

    public static final String LINE = "line";
    public static final String STEP = "step";
    public static final String LR = "lr";
    public static final String LOSS = "loss";
    public static final String RIVER_LOSS = "river_loss";
    public static final String HILL_EXCESS = "hill_excess";
    public static final String RIVER_COORD = "river_coord";
    public static final String HILL_DIST = "hill_dist";
    public static final String GRAD_NORM = "grad_norm";

    /** Signed displacement along the steepest hill direction (replica mean). */
    public static final String HILL_DISP = "hill_disp";
    /** Valley-floor crossings (sign changes of {@code hill_disp}) since the previous recorded row, replica mean. */
    public static final String CROSSINGS = "crossings";
    /** Largest {@code |hill_disp|} since the previous recorded row, replica mean. */
    public static final String AMPLITUDE = "amplitude";
    /** Standard error of the replica mean of {@code loss} (only with more than one replica). */
    public static final String LOSS_SE = "loss_se";
    /** Standard error of the replica mean of {@code hill_excess} (only with more than one replica). */
    public static final String HILL_EXCESS_SE = "hill_excess_se";
    /** Standard error of the replica mean of {@code river_loss} (only with more than one replica). */
    public static final String RIVER_LOSS_SE = "river_loss_se";
    /** Top Hessian eigenvalue (replica mean); empty on rows where it was not computed. */
    public static final String SHARPNESS = "sharpness";
    /** Top eigenvalue of the Adam-preconditioned Hessian, when requested. */
    public static final String PRECONDITIONED_SHARPNESS = "preconditioned_sharpness";
    /** Replica 0's own river coordinate (not a mean), with {@code record.path}; empty once it diverged. */
    public static final String PATH_RIVER_COORD = "path_river_coord";
    /** Replica 0's own signed hill displacement, with {@code record.path}; empty once it diverged. */
    public static final String PATH_HILL_DISP = "path_hill_disp";
    /** Prefix of replica 0's coordinates {@code path_x0, path_x1, ...}: with {@code record.path} on landscapes of dimension at most {@link #PATH_MAX_DIMENSION}. */
    public static final String PATH_X = "path_x";
    /** Largest landscape dimension whose coordinates the {@code path_x*} columns hold. */
    public static final int PATH_MAX_DIMENSION = 3;
    /** Number of replicas diverged so far on this line. */
    public static final String DIVERGED = "diverged";

    /**
     * Last but one column of {@code trace.csv} (text): the phase of the update that produced the row
     * ({@code warmup}, {@code stable}, {@code decay}, {@code rewarmup}), from the schedule.
     */
    public static final String PHASE = "phase";
    /** Last column of {@code trace.csv}: on the row a checkpoint's values come from, its budget; empty elsewhere. */
    public static final String CHECKPOINT = "checkpoint";
    /** The columns that hold text, not numbers. */
    public static final List<String> TEXT = List.of(LINE, PHASE);
    /** Expected loss from the moment engine (exact theory; only on runs where it is exact). */
    public static final String THEORY_LOSS = "theory_loss";
    /** Expected river loss from the moment engine. */
    public static final String THEORY_RIVER_LOSS = "theory_river_loss";
    /** Expected hill excess from the moment engine. */
    public static final String THEORY_HILL_EXCESS = "theory_hill_excess";
    /** Expected river coordinate from the moment engine. */
    public static final String THEORY_RIVER_COORD = "theory_river_coord";
    /** The theory columns, in the order a trace holds them (after the standard errors). */
    public static final List<String> THEORY = List.of(THEORY_LOSS, THEORY_RIVER_LOSS, THEORY_HILL_EXCESS, THEORY_RIVER_COORD);

    /** The columns every trace starts with, in this order. */
    public static final List<String> REQUIRED = List.of(
            LINE, STEP, LR, LOSS, RIVER_LOSS, HILL_EXCESS, RIVER_COORD, HILL_DIST, GRAD_NORM);

    /** The column of replica 0's coordinate {@code k}: {@code path_x<k>}. */
    public static String pathX(int k) {
        return PATH_X + k;
    }

    private TraceColumns() {
    }
}
