package io.github.rivervalley.simulator.schedulesearch;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.theory.MomentAdjoint;

/**
 * What a schedule search minimises: the final loss after a sequence of per-step rates, and its exact
 * gradient with respect to every rate. Two kinds exist: the exact expected loss of a valley run (the moment
 * engine's adjoint, {@link #of(MomentAdjoint)}) and the loss a law fitted to real curves predicts
 * ({@link FittedObjective}).
 */
public interface ScheduleObjective {

    /** The final loss after the updates with rates {@code rates} (one per step). */
    double loss(double[] rates);

    /** The final loss, and {@code d loss / d rates[t]} written into {@code gradient} (same length). */
    double lossAndGradient(double[] rates, double[] gradient);

    /** The exact expected final loss of a valley run, by the moment engine. */
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
}
