package io.github.rivervalley.simulator.schedulesearch;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.fit.Fit;
import io.github.rivervalley.simulator.fit.FitFile;
import io.github.rivervalley.simulator.fit.Laws;
import io.github.rivervalley.simulator.fit.MultiPowerLaw;
import io.github.rivervalley.simulator.fit.RiverValleyLaw;
import java.nio.file.Path;

/**
 * The final loss a law fitted to real curves ({@code fit.json} of {@code rivervalley fit}) predicts, as a
 * {@link ScheduleObjective}, with the highest rate the fit has seen: the fitted curves' peak. A schedule
 * above it asks the law about rates it was never fitted on (extrapolation).
 *
 * @param fit the fit read from the file
 * @param objective its final loss and exact gradient
 * @param fittedPeak the peak rate of the fitted curves
 */
public record FittedObjective(Fit fit, ScheduleObjective objective, double fittedPeak) {

    /** The laws a schedule can be optimised on. */
    public static final java.util.List<String> LAWS = java.util.List.of(RiverValleyLaw.NAME, MultiPowerLaw.NAME);

    /** The fit of law {@code law} in {@code file}. */
    public static FittedObjective read(Path file, String law) {
        if (!LAWS.contains(law)) {
            throw new InvalidValueException("objective.law", "'" + law + "'", "one of " + String.join(", ", LAWS)
                    + (Laws.NAMES.contains(law) ? " (" + law + " has no schedule gradient yet)" : ""));
        }
        for (Fit fit : FitFile.read(file)) {
            if (fit.law().name().equals(law)) {
                return of(fit);
            }
        }
        throw new InvalidValueException("objective.law", "'" + law + "'", "a law fitted in " + file + " (run rivervalley fit --law " + law + ")");
    }

    /** The objective of {@code fit}. */
    public static FittedObjective of(Fit fit) {
        if (fit.law() instanceof RiverValleyLaw rv) {
            return new FittedObjective(fit, new RiverValleyObjective(rv, fit.theta()), rv.referenceRate());
        }
        if (fit.law() instanceof MultiPowerLaw) {
            return new FittedObjective(fit, new MultiPowerObjective(fit.theta()), Double.NaN);
        }
        throw new InvalidValueException("objective.law", "'" + fit.law().name() + "'", "one of " + String.join(", ", LAWS));
    }
}
