package io.github.rivervalley.simulator.optim;

/** Named factories with paper defaults, for code and jshell. */
public final class Optimizers {

    private Optimizers() {
    }

    /** Gradient descent (SGD when the run has gradient noise). */
    public static Optimizer gd() {
        return new GradientDescent();
    }

    /** Heavy-ball momentum with {@code mu = 0.9}. */
    public static Optimizer momentum() {
        return new Momentum(Momentum.DEFAULT_MOMENTUM, false);
    }

    /** Nesterov momentum with {@code mu = 0.9}. */
    public static Optimizer nesterov() {
        return new Momentum(Momentum.DEFAULT_MOMENTUM, true);
    }

    /** Adam with the paper's defaults (0.9, 0.999, 1e-8). */
    public static Optimizer adam() {
        return new Adam(Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON, 0.0);
    }

    /** AdamW with Adam's defaults and decoupled weight decay {@code weightDecay}. */
    public static Optimizer adamw(double weightDecay) {
        return new Adam(Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON, weightDecay);
    }
}
