package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.Decomposer;
import io.github.rivervalley.landscapes.GroupCurvature;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.simulator.noise.GradientOracle;
import io.github.rivervalley.simulator.optim.Optimizer;
import java.util.Arrays;

/**
 * Scratch space of one worker thread: its own gradient oracle (oracles may hold scratch), gradient and
 * measurement buffers. A worker only ever touches the replicas of the block it is processing, so results
 * never depend on which worker processed which block.
 */
final class Worker {

    /** Slots of the per-replica measurement vector (Decomposer order first). */
    static final int LOSS = Decomposer.Measure.LOSS.ordinal();
    static final int RIVER_LOSS = Decomposer.Measure.RIVER_LOSS.ordinal();
    static final int HILL_EXCESS = Decomposer.Measure.HILL_EXCESS.ordinal();
    static final int RIVER_COORD = Decomposer.Measure.RIVER_COORD.ordinal();
    static final int HILL_DIST = Decomposer.Measure.HILL_DIST.ordinal();
    static final int HILL_DISP = Decomposer.Measure.HILL_DISP.ordinal();
    static final int GRAD_NORM = Decomposer.Measure.COUNT;
    static final int CROSSINGS = GRAD_NORM + 1;
    static final int AMPLITUDE = GRAD_NORM + 2;
    static final int SHARPNESS = GRAD_NORM + 3;
    static final int PRECONDITIONED_SHARPNESS = GRAD_NORM + 4;
    static final int FIRST_EXTRA = GRAD_NORM + 5;

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
            System.arraycopy(measured, 0, values, 0, Decomposer.Measure.COUNT);
            System.arraycopy(measured, Decomposer.Measure.COUNT, values, FIRST_EXTRA, measured.length - Decomposer.Measure.COUNT);
            loss = measured[LOSS];
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
