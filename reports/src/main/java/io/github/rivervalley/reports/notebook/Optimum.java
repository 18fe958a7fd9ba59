package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.fit.Fit;
import io.github.rivervalley.simulator.schedulesearch.Bounds;
import io.github.rivervalley.simulator.schedulesearch.FamilySearch;
import io.github.rivervalley.simulator.schedulesearch.FittedObjective;
import io.github.rivervalley.simulator.schedulesearch.FreeFormSearch;
import io.github.rivervalley.simulator.schedulesearch.KnotSchedule;
import io.github.rivervalley.simulator.schedulesearch.ScheduleObjective;
import io.github.rivervalley.simulator.spec.PiecewiseScheduleSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.theory.ModeSystem;
import io.github.rivervalley.simulator.theory.MomentAdjoint;
import java.util.List;
import java.util.Locale;

/**
 * The notebook's schedule optimum ({@link #of}): the free-form schedule with the lowest exact expected final
 * loss for a run's valley, budget and peak (or the lowest final loss a fitted law predicts), beside the best WSD, cosine and constant schedules. Prints as a
 * comparison table; {@link #rates()} and {@link #spec()} give the schedule itself.
 *
 * @param rates the optimum's rate at every step
 * @param loss its expected final loss
 * @param spec the optimum as a piecewise schedule spec
 * @param families the best WSD, cosine and constant schedules, best first
 */
public record Optimum(double[] rates, double loss, PiecewiseScheduleSpec spec, List<FamilySearch.Candidate> families) {

    /**
     * Optimises the schedule of {@code run}'s valley (landscape, optimizer, noise, start) for its steps, at
     * most its schedule's peak, with a linear warmup of {@code warmup} steps, never rising after it.
     */
    public static Optimum of(Run run, long warmup) {
        Bounds bounds = new Bounds(run.steps(), run.schedule().peak(), warmup, 0.0, true);
        return of(ScheduleObjective.of(new MomentAdjoint(ModeSystem.of(run.landscape(), run.noise(), run.start()), run.optimizer())), bounds);
    }

    /**
     * Optimises the schedule of {@code steps} steps on the final loss a fitted river-valley law or MPL
     * predicts, at most {@code peak} (for the river-valley law at most the fitted curves' peak: higher is
     * extrapolation), with a linear warmup of {@code warmup} steps, never rising after it.
     */
    public static Optimum of(Fit fit, long steps, double peak, long warmup) {
        FittedObjective fitted = FittedObjective.of(fit);
        if (peak > fitted.fittedPeak()) {
            throw new InvalidValueException("peak", peak, "at most " + fitted.fittedPeak() + ", the fitted curves' peak rate (above it the law extrapolates)");
        }
        return of(fitted.objective(), new Bounds(steps, peak, warmup, 0.0, true));
    }

    private static Optimum of(ScheduleObjective objective, Bounds bounds) {
        List<FamilySearch.Candidate> families = new FamilySearch(objective, bounds).all();
        FreeFormSearch.Result best = new FreeFormSearch(objective, new KnotSchedule(bounds, 100)).searchFrom(2000, families);
        return new Optimum(best.rates(), best.loss(), best.spec(), families);
    }

    /** The optimum's schedule block as YAML, to paste into a run spec. */
    public String yaml() {
        return SpecReader.instance().toYaml(spec);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Optimum[%d steps; final loss %.6g", rates.length, loss));
        for (FamilySearch.Candidate c : families) {
            out.append(String.format(Locale.ROOT, "; best %s %.6g (+%.3g)", c.family(), c.loss(), c.loss() - loss));
        }
        return out.append(']').toString();
    }
}
