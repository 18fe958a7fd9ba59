package io.github.rivervalley.simulator.optim;

/**
 * An optimizer as an integrator: immutable hyperparameters (this object, shareable between threads)
 * that make mutable per-replica {@link State}s. The learning rate is not a hyperparameter: the schedule
 * passes it to every {@link State#step}.
 *
 * <p>SGD is not a separate optimizer: it is {@link GradientDescent} fed by a noisy gradient oracle.
 */
public interface Optimizer {

    /** Fresh state for a point of the given dimension (zero moments, no steps taken). */
    State newState(int dimension);

    /** The mutable part of an optimizer, owned by one replica; copied when a branch forks. */
    interface State {

        /**
         * Applies one update to {@code x} in place, given the gradient {@code gradient} at {@code x} and
         * the learning rate {@code lr} of this step. Allocates nothing; may overwrite nothing but
         * {@code x} and its own state.
         */
        void step(double[] x, double[] gradient, double lr);

        /** An independent copy at exactly this state. */
        State copy();

        /**
         * Writes the diagonal preconditioner {@code P} of the next update (the update is
         * {@code -lr P^{-1} m}) into {@code out} and returns true, or returns false for optimizers that do
         * not precondition (or have not taken a step yet). Used for the preconditioned sharpness of Adam.
         */
        default boolean preconditioner(double[] out) {
            return false;
        }
    }
}
