package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.TraceLayout;
import io.github.rivervalley.simulator.results.TraceRow;

/**
 * Accumulates, row by row, how far a simulation's means are from the theory columns in standard errors:
 * {@code z = (mean - theory) / SE} for loss, river loss and hill excess, a row's |z| being the largest of
 * its columns' (columns whose SE is 0 or missing are skipped; a row with none is not counted).
 */
final class TheoryAgreement {

    private static final String[] COLUMNS = {TraceColumns.LOSS, TraceColumns.RIVER_LOSS, TraceColumns.HILL_EXCESS};

    private final int[] mean;
    private final int[] se;
    private final int[] theory;
    private long rows;
    private long above3;
    private double worst = -1;
    private String worstLine;
    private long worstStep;
    private String worstColumn;

    TheoryAgreement(TraceLayout layout) {
        int s = layout.lossSe();
        int t = layout.theory();
        // loss_se, hill_excess_se, river_loss_se; theory_loss, theory_river_loss, theory_hill_excess.
        this.mean = new int[] {TraceLayout.LOSS, TraceLayout.RIVER_LOSS, TraceLayout.HILL_EXCESS};
        this.se = s < 0 ? null : new int[] {s, s + 2, s + 1};
        this.theory = t < 0 ? null : new int[] {t, t + 1, t + 2};
    }

    void add(TraceRow row) {
        if (se == null || theory == null) {
            return;
        }
        double rowZ = -1;
        int column = -1;
        for (int c = 0; c < COLUMNS.length; c++) {
            double error = row.get(se[c]);
            double expected = row.get(theory[c]);
            double value = row.get(mean[c]);
            if (error > 0 && Double.isFinite(error) && Double.isFinite(expected) && Double.isFinite(value)) {
                double z = Math.abs(value - expected) / error;
                if (z > rowZ) {
                    rowZ = z;
                    column = c;
                }
            }
        }
        if (column < 0) {
            return;
        }
        rows++;
        if (rowZ > 3) {
            above3++;
        }
        if (rowZ > worst) {
            worst = rowZ;
            worstLine = row.line();
            worstStep = row.step();
            worstColumn = COLUMNS[column];
        }
    }

    RunSummary.TheoryResult result() {
        if (rows == 0) {
            return new RunSummary.TheoryResult(true, null, null, 0L, null, null, null, null, null);
        }
        return new RunSummary.TheoryResult(true, null, null, rows, worst, (double) above3 / rows, worstLine, worstStep, worstColumn);
    }
}
