package io.github.rivervalley.simulator.schedule;

/**
 * How the learning rate moves across one phase, as a multiple of the peak.
 *
 * <p>A phase of {@code n} steps starting at {@code start} gives step {@code t} the progress
 * {@code u = (t - start + 1) / n} and the remaining fraction {@code v = 1 - u} (both computed from
 * integers, so neither loses precision near its end). The last step ({@code u = 1}) is never passed to
 * a shape: it gets the phase's target ratio exactly.
 */
public sealed interface Shape permits WarmupShape, DecayShape, Shape.Flat {

    /**
     * The ratio (multiple of the peak) at progress {@code u} (with {@code v = 1 - u}) of a phase that
     * moves from ratio {@code from} towards ratio {@code to}; {@code 0 < u < 1}.
     */
    double ratio(double from, double to, double u, double v);

    /** The shape of a constant phase: the level {@code to} throughout. */
    enum Flat implements Shape {
        INSTANCE;

        @Override
        public double ratio(double from, double to, double u, double v) {
            return to;
        }

        @Override
        public String toString() {
            return "constant";
        }
    }
}
