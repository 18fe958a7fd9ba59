package io.github.rivervalley.reports.notebook;

import static io.github.rivervalley.reports.notebook.Notebook.budgets;
import static io.github.rivervalley.reports.notebook.Notebook.constant;
import static io.github.rivervalley.reports.notebook.Notebook.every;
import static io.github.rivervalley.reports.notebook.Notebook.gd;
import static io.github.rivervalley.reports.notebook.Notebook.run;
import static io.github.rivervalley.reports.notebook.Notebook.setup;
import static io.github.rivervalley.reports.notebook.Notebook.straightValley;
import static io.github.rivervalley.reports.notebook.Notebook.wsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Schedule;
import org.junit.jupiter.api.Test;

/**
 * Results checked against GD's closed form on a straight valley {@code L = -x_0 + (lambda/2) h^2}:
 * {@code h_t = (1 - eta lambda)^t h_0} and {@code x_0(t) = sum_{s<t} eta_s}.
 */
class ResultTest {

    private static final double LAMBDA = 4.0;
    private static final double ETA = 0.1;
    /** Deterministic GD: the simulator's arithmetic differs from the closed form only by rounding. */
    private static final double EXACT = 1e-12;
    /** Table cells keep four significant digits (%.4g): half a unit in the fourth digit. */
    private static final double PRINTED = 5e-4;

    private final StraightValley valley = straightValley(LAMBDA);

    private static double closedFormLoss(long t) {
        double h = Math.pow(1 - ETA * LAMBDA, t);
        return -ETA * t + LAMBDA / 2 * h * h;
    }

    @Test
    void columnsAndTablesMatchTheClosedForm() {
        Result r = run(setup(valley, constant(ETA, 50), gd()).withStart(0, 1).withRecord(every(1)));
        double[] loss = r.column("loss");
        double[] steps = r.steps();
        assertEquals(51, loss.length);
        for (int i = 0; i < loss.length; i++) {
            double expected = closedFormLoss((long) steps[i]);
            assertEquals(expected, loss[i], EXACT * Math.max(1, Math.abs(expected)), "step " + steps[i]);
        }
        long[] chosen = {0, 7, 20, 50};
        String[] lines = r.tableAt(chosen, "step", "loss").text().split("\n");
        assertEquals(2 + chosen.length, lines.length);
        for (int i = 0; i < chosen.length; i++) {
            String[] cells = lines[2 + i].strip().split("\\s+");
            assertEquals(chosen[i], Long.parseLong(cells[0]));
            double expected = closedFormLoss(chosen[i]);
            assertEquals(expected, Double.parseDouble(cells[1]), PRINTED * Math.abs(expected), lines[2 + i]);
        }
        // table(n): n evenly spaced rows from the first to the last step.
        String[] even = r.table(6).text().split("\n");
        assertEquals(2 + 6, even.length);
        assertEquals(0, Long.parseLong(even[2].strip().split("\\s+")[0]));
        assertEquals(50, Long.parseLong(even[7].strip().split("\\s+")[0]));
        assertEquals(closedFormLoss(50), r.loss(), EXACT * Math.abs(closedFormLoss(50)));
        assertEquals(closedFormLoss(20), r.at(20, "loss"), EXACT * Math.abs(closedFormLoss(20)));
    }

    @Test
    void finalPathFollowsTheMainLineThenTheLastBranch() {
        Schedule schedule = wsd(ETA, 0.2, budgets(50, 100));
        Result r = run(setup(valley, schedule, gd()).withStart(0, 1).withRecord(every(1)));
        String branch = r.last().line();
        Line last = schedule.line(branch);
        assertEquals(80, last.forkStep());
        assertEquals(80, r.forkStep());
        double[] steps = r.steps();
        double[] coord = r.column("river_coord");
        assertEquals(101, steps.length);
        double sum = 0;
        for (int i = 0; i < steps.length; i++) {
            long t = (long) steps[i];
            assertEquals(i, t);
            // River progress on a linear river of slope 1 is the sum of the learning rates so far, taken
            // from the main line before the fork and from the branch after it.
            assertEquals(sum, coord[i], EXACT * Math.max(1, sum), "step " + t);
            if (t < last.endStep()) {
                Line line = t < last.forkStep() ? schedule.line(Line.MAIN) : last;
                sum += line.lr().at(t);
            }
        }
        Result zoom = r.after(90);
        assertEquals(90, (long) zoom.steps()[0]);
        assertEquals(r.loss(), zoom.loss(), 0);
    }

    @Test
    void toStringSummarisesWithoutArrays() {
        Result r = run(setup(valley, wsd(ETA, 0.2, budgets(50, 100)), gd()).withStart(0, 1));
        String text = r.toString();
        assertTrue(text.contains("loss " + TextPlots.number(r.loss())), text);
        assertTrue(text.contains("river loss " + TextPlots.number(r.riverLoss())), text);
        assertTrue(text.contains("hill excess " + TextPlots.number(r.hillExcess())), text);
        assertTrue(text.contains("diverged 0/1"), text);
        assertTrue(text.length() < 240, text);
        assertFalse(text.contains("[D") || text.contains("TraceRow"), text);

        Result diverged = run(setup(valley, constant(2.2 / LAMBDA, 400), gd()).withStart(0, 1));
        assertEquals(1, diverged.diverged());
        assertTrue(diverged.toString().contains("diverged 1/1 (first at step"), diverged.toString());
    }
}
