package io.github.rivervalley.simulator.schedulesearch;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.fit.Curve;
import io.github.rivervalley.simulator.fit.Fit;
import io.github.rivervalley.simulator.theory.MomentAdjoint;

/**
 * What a schedule search minimises: a loss after the updates with the given rates, one per step, and, when
 * available, its exact gradient with respect to every rate.
 */
public interface ScheduleObjective {

    /** The loss after the updates with rates {@code rates}. */
    double loss(double[] rates);

    /**
     * The loss, with {@code d loss / d rates[t]} written into {@code gradient}; or NaN (and nothing
     * written) when this objective has no exact gradient, in which case searches take differences.
     */
    default double lossAndGradient(double[] rates, double[] gradient) {
        return Double.NaN;
    }

    /** The exact expected final loss of a valley run (moment engine, adjoint gradient). */
    static ScheduleObjective of(MomentAdjoint adjoint) {
        Check.present("adjoint", adjoint);
        return new ScheduleObjective() {
            @Override
            public double loss(double[] rates) {
                return adjoint.loss(rates);
            }

            @Override
            public double lossAndGradient(double[] rates, double[] gradient) {
                return adjoint.lossAndGradient(rates, gradient);
            }
        };
    }

    /** The final loss a fitted law predicts for the rates (no exact gradient: searches take differences). */
    static ScheduleObjective of(Fit fit) {
        Check.present("fit", fit);
        return rates -> {
            Curve curve = Curve.ofSchedule("optimize", new long[] {rates.length}, rates);
            return fit.predict(curve)[0];
        };
    }
}
