package io.github.rivervalley.simulator.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Updates against independent computations on quadratics. */
class OptimizerTest {

    /**
     * The first Adam step computes ((1-b1) g / (1-b1)) / (sqrt((1-b2) g^2 / (1-b2)) + eps): each of the
     * roughly six roundings is at most half an ulp, so the result is within a few ulps of g/(|g|+eps).
     */
    private static final double FEW_ULPS = 8 * Math.ulp(1.0);

    @Test
    void adamFirstStepIsSignLikeGradient() {
        double lr = 0.01;
        double[] g = {3.0, -1e-3, 1e-9, 0.0, -250.0};
        double[] x = {1.0, 2.0, -3.0, 4.0, 5.0};
        double[] start = x.clone();
        Optimizer.State state = Optimizers.adam().newState(x.length);
        state.step(x, g, lr);
        for (int i = 0; i < x.length; i++) {
            double expected = start[i] - lr * g[i] / (Math.abs(g[i]) + Adam.DEFAULT_EPSILON);
            assertEquals(expected, x[i], FEW_ULPS * Math.abs(start[i]), "coordinate " + i);
        }
    }

    @Test
    void adamwAddsDecoupledDecayScaledByLr() {
        double lr = 0.1;
        double wd = 0.05;
        double[] g = {2.0, -4.0};
        double[] x = {1.5, -0.5};
        double[] start = x.clone();
        Optimizers.adamw(wd).newState(2).step(x, g, lr);
        for (int i = 0; i < 2; i++) {
            double expected = start[i] - lr * (g[i] / (Math.abs(g[i]) + Adam.DEFAULT_EPSILON) + wd * start[i]);
            assertEquals(expected, x[i], FEW_ULPS * 2);
        }
    }

    @Test
    void adamSecondStepMatchesTheBiasCorrectedFormula() {
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] x = {1.0};
        Optimizer.State state = new Adam(b1, b2, eps, 0).newState(1);
        double g1 = 2.0;
        double g2 = -1.0;
        state.step(x, new double[] {g1}, lr);
        double x1 = x[0];
        state.step(x, new double[] {g2}, lr);
        double m = b1 * (1 - b1) * g1 + (1 - b1) * g2;
        double v = b2 * (1 - b2) * g1 * g1 + (1 - b2) * g2 * g2;
        double expected = x1 - lr * (m / (1 - b1 * b1)) / (Math.sqrt(v / (1 - b2 * b2)) + eps);
        assertEquals(expected, x[0], 1e-15);
    }

    /**
     * Heavy ball on a 1-D quadratic of curvature lambda is the linear recurrence
     * h_{t+1} = (1 + mu - eta lambda) h_t - mu h_{t-1}; Nesterov (PyTorch form) is
     * h_{t+1} = (1 + mu)(1 - eta lambda) h_t - mu (1 - eta lambda) h_{t-1}, from h_1 = (1 - eta lambda) h_0
     * and h_1 = (1 - eta lambda (1 + mu)) h_0 respectively (the velocity starts at 0).
     * The two computations round differently, so they agree to a few ulps per step on a contracting
     * sequence (1e-12 relative to h_0 over 200 steps).
     */
    @Test
    void momentumFollowsItsLinearRecurrence() {
        double lambda = 3.0;
        double eta = 0.1;
        double mu = 0.8;
        for (boolean nesterov : new boolean[] {false, true}) {
            double[] x = {1.0};
            Optimizer.State state = new Momentum(mu, nesterov).newState(1);
            double previous = 1.0;
            double current = 1.0;
            for (int t = 0; t < 200; t++) {
                state.step(x, new double[] {lambda * x[0]}, eta);
                double a = eta * lambda;
                double next;
                if (t == 0) {
                    next = nesterov ? (1 - a * (1 + mu)) * current : (1 - a) * current;
                } else {
                    next = nesterov ? (1 + mu) * (1 - a) * current - mu * (1 - a) * previous : (1 + mu - a) * current - mu * previous;
                }
                previous = current;
                current = next;
                assertEquals(current, x[0], 1e-12, (nesterov ? "nesterov" : "heavy ball") + " step " + t);
            }
        }
    }

    @Test
    void copiesAreIndependentAndContinueIdentically() {
        for (Optimizer optimizer : new Optimizer[] {Optimizers.gd(), Optimizers.momentum(), Optimizers.nesterov(), Optimizers.adam(), Optimizers.adamw(0.1)}) {
            double[] x = {1.0, -2.0};
            Optimizer.State state = optimizer.newState(2);
            state.step(x, new double[] {0.5, 1.5}, 0.1);
            double[] y = x.clone();
            Optimizer.State copy = state.copy();
            for (int t = 0; t < 5; t++) {
                state.step(x, new double[] {x[0], 3 * x[1]}, 0.1);
                copy.step(y, new double[] {y[0], 3 * y[1]}, 0.1);
            }
            assertArrayEquals(x, y, 0.0, optimizer.toString());
        }
    }
}
