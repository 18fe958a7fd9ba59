package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.Decomposer;
import io.github.rivervalley.landscapes.GroupCurvature;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.noise.GradientOracle;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.results.TraceField;
import java.util.Arrays;

/**
 * Scratch space of one worker thread: its own gradient oracle (oracles may hold scratch), gradient and
 * measurement buffers. A worker only ever touches the replicas of the block it is processing, so results
 * never depend on which worker processed which block.
 */
final class Worker {

    /**
     * Slots of the per-replica measurement vector: the replica-averaged trace fields in row order
     * ({@link TraceField#meanSlot()}), then sharpness, preconditioned sharpness and the extra columns.
     */
    static final int LOSS = TraceField.LOSS.meanSlot();
    static final int RIVER_LOSS = TraceField.RIVER_LOSS.meanSlot();
    static final int HILL_EXCESS = TraceField.HILL_EXCESS.meanSlot();
    static final int RIVER_COORD = TraceField.RIVER_COORD.meanSlot();
    static final int HILL_DIST = TraceField.HILL_DIST.meanSlot();
    static final int GRAD_NORM = TraceField.GRAD_NORM.meanSlot();
    static final int HILL_DISP = TraceField.HILL_DISP.meanSlot();
    static final int CROSSINGS = TraceField.CROSSINGS.meanSlot();
    static final int AMPLITUDE = TraceField.AMPLITUDE.meanSlot();
    static final int SHARPNESS = TraceField.MEANS;
    static final int PRECONDITIONED_SHARPNESS = SHARPNESS + 1;
    static final int FIRST_EXTRA = SHARPNESS + 2;
    /** The slot of each decomposer measurement, by {@link Decomposer.Measure} ordinal. */
    private static final int[] MEASURE_SLOTS = new int[Decomposer.Measure.COUNT];

    static {
        for (Decomposer.Measure m : Decomposer.Measure.values()) {
            MEASURE_SLOTS[m.ordinal()] = TraceField.of(m).meanSlot();
        }
    }

    final Landscape landscape;
    final Decomposer decomposer;
    final GradientOracle oracle;
    final double[] gradient;
    final double[] exactGradient;
    final double[] measured;
    final double[] values;
    final double[] preconditioner;
    /** Lane arrays of the specialised straight-valley loop. */
    final Lanes lanes = new Lanes(Engine.BLOCK);
    private final GroupCurvature curvature;
    private final double[] curvatureValues;
    private SharpnessMeter sharpness;

    Worker(Landscape landscape, GradientOracle oracle, int extras) {
        this.landscape = landscape;
        this.decomposer = landscape instanceof Decomposer d ? d : null;
        this.oracle = oracle;
        int dimension = landscape.dimension();
        this.gradient = new double[dimension];
        this.exactGradient = new double[dimension];
        int measuredExtras = ExtraColumns.measured(landscape).size();
        this.measured = new double[Decomposer.Measure.COUNT + measuredExtras];
        // Extra slots beyond the decomposer's hold the per-group curvature (ExtraColumns).
        this.curvature = extras > measuredExtras ? (GroupCurvature) landscape : null;
        this.curvatureValues = new double[extras - measuredExtras];
        this.values = new double[FIRST_EXTRA + extras];
        this.preconditioner = new double[dimension];
    }

    /** Number of slots of the measurement vector for a landscape with {@code extras} extra columns. */
    static int width(int extras) {
        return FIRST_EXTRA + extras;
    }

    /**
     * Fills {@link #values} with the measurements at {@code x} (crossings and amplitude are left to the
     * caller) and returns the loss. Without a decomposer only loss and gradient norm are known; the rest
     * is NaN.
     */
    double measure(double[] x, boolean withSharpness, boolean withPreconditioned, Optimizer.State state) {
        double loss = landscape.gradient(x, exactGradient);
        double norm2 = 0.0;
        for (double g : exactGradient) {
            norm2 += g * g;
        }
        if (decomposer != null) {
            decomposer.measure(x, measured);
            for (int m = 0; m < Decomposer.Measure.COUNT; m++) {
                values[MEASURE_SLOTS[m]] = measured[m];
            }
            System.arraycopy(measured, Decomposer.Measure.COUNT, values, FIRST_EXTRA, measured.length - Decomposer.Measure.COUNT);
            loss = values[LOSS];
        } else {
            Arrays.fill(values, Double.NaN);
            values[LOSS] = loss;
        }
        if (curvature != null) {
            int at = FIRST_EXTRA + measured.length - Decomposer.Measure.COUNT;
            if (withSharpness) {
                curvature.groupCurvature(x, curvatureValues);
                System.arraycopy(curvatureValues, 0, values, at, curvatureValues.length);
            } else {
                Arrays.fill(values, at, at + curvatureValues.length, Double.NaN);
            }
        }
        values[GRAD_NORM] = Math.sqrt(norm2);
        values[SHARPNESS] = withSharpness ? sharpness().top(x) : Double.NaN;
        values[PRECONDITIONED_SHARPNESS] = withPreconditioned && state != null && state.preconditioner(preconditioner)
                ? sharpness().topPreconditioned(x, preconditioner) : Double.NaN;
        return loss;
    }

    /**
     * Writes the path columns of the iterate {@code x} last {@link #measure measured}: its river
     * coordinate, hill displacement and first {@code coordinates} coordinates, to {@code out} from {@code offset}.
     */
    void path(double[] x, int coordinates, double[] out, int offset) {
        out[offset] = values[RIVER_COORD];
        out[offset + 1] = values[HILL_DISP];
        System.arraycopy(x, 0, out, offset + 2, coordinates);
    }

    private SharpnessMeter sharpness() {
        if (sharpness == null) {
            sharpness = new SharpnessMeter(landscape);
        }
        return sharpness;
    }
}
