package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.TraceField;
import io.github.rivervalley.simulator.results.TraceLayout;
import io.github.rivervalley.simulator.schedule.Line;
import java.util.Arrays;

/**
 * Turns merged replica statistics into trace rows laid out by {@link TraceLayout}: the row's learning
 * rate (from the schedule), replica means, standard errors, and NaN where no replica is left.
 */
final class RowMaker {

    private final Run run;
    private final TraceLayout layout;
    private final int extras;

    RowMaker(Run run, TraceLayout layout, int extras) {
        this.run = run;
        this.layout = layout;
        this.extras = extras;
    }

    /**
     * The {@code lr} of a row: the rate of the update that produced the state at {@code step} (for step 0,
     * of the first update). A branch's first row was produced by its parent's update, so it shows the
     * parent's rate, exactly like the parent's row at that step.
     */
    double lr(Line line, long step) {
        return run.schedule().rowRate(line, step);
    }

    /** Lays out one row from merged statistics (NaN means where no replica is left). */
    double[] values(long step, double lr, double n, double[] mean, double[] m2, long diverged) {
        double[] values = new double[layout.width()];
        values[TraceLayout.STEP] = step;
        values[TraceLayout.LR] = lr;
        boolean any = n > 0;
        if (any) { // the measurement vector holds the averaged fields in row order (TraceField)
            System.arraycopy(mean, Worker.LOSS, values, TraceLayout.LOSS, TraceField.MEANS);
        } else {
            Arrays.fill(values, TraceLayout.LOSS, TraceLayout.LOSS + TraceField.MEANS, Double.NaN);
        }
        values[TraceLayout.DIVERGED] = diverged;
        if (layout.lossSe() >= 0) {
            int se = layout.lossSe();
            values[se] = standardError(n, m2[Worker.LOSS]);
            values[se + 1] = standardError(n, m2[Worker.HILL_EXCESS]);
            values[se + 2] = standardError(n, m2[Worker.RIVER_LOSS]);
        }
        if (layout.sharpness() >= 0) {
            values[layout.sharpness()] = any ? mean[Worker.SHARPNESS] : Double.NaN;
        }
        if (layout.preconditionedSharpness() >= 0) {
            values[layout.preconditionedSharpness()] = any ? mean[Worker.PRECONDITIONED_SHARPNESS] : Double.NaN;
        }
        for (int k = 0; k < extras; k++) {
            values[layout.firstExtra() + k] = any ? mean[Worker.FIRST_EXTRA + k] : Double.NaN;
        }
        if (layout.theory() >= 0) { // filled by the theory track on schedule lines; the flow line has none
            Arrays.fill(values, layout.theory(), layout.theory() + TraceColumns.THEORY.size(), Double.NaN);
        }
        return values;
    }

    private static double standardError(double n, double m2) {
        return n >= 2 ? Math.sqrt(m2 / (n - 1) / n) : Double.NaN;
    }
}
