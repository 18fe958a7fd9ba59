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

    /**
     * An objective computed by one function of the rates that fills the gradient when asked (the fitted laws):
     * {@link #evaluate} with {@code gradient} null for the loss alone.
     */
    abstract class Evaluated implements ScheduleObjective {

        /** The final loss, and when {@code gradient} is not null the derivative for every rate written into it. */
        protected abstract double evaluate(double[] rates, double[] gradient);

        @Override
        public final double loss(double[] rates) {
            return evaluate(rates, null);
        }

        @Override
        public final double lossAndGradient(double[] rates, double[] gradient) {
            Check.present("gradient", gradient);
            if (gradient.length != rates.length) {
                throw new io.github.rivervalley.landscapes.check.InvalidValueException("gradient", "length " + gradient.length,
                        "length " + rates.length + " (one per rate)");
            }
            return evaluate(rates, gradient);
        }
    }
}
