package io.github.rivervalley.simulator.optim;

/** Plain (stochastic) gradient descent {@code x <- x - lr g}. It has no state beyond the iterate. */
public record GradientDescent() implements Optimizer {

    private static final State STATE = new State() {
        @Override
        public void step(double[] x, double[] gradient, double lr) {
            for (int i = 0; i < x.length; i++) {
                x[i] -= lr * gradient[i];
            }
        }

        @Override
        public State copy() {
            return this; // stateless, so one shared instance is a faithful copy
        }

        @Override
        public String toString() {
            return "gd";
        }
    };

    @Override
    public State newState(int dimension) {
        return STATE;
    }

    @Override
    public String toString() {
        return "gd";
    }
}
