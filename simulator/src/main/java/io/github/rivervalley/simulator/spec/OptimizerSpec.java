package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.optim.GradientDescent;
import io.github.rivervalley.simulator.optim.Momentum;
import io.github.rivervalley.simulator.optim.Optimizer;

/**
 * The {@code optimizer} block of a run spec, chosen by {@code type}: {@code gd}, {@code sgd},
 * {@code momentum}, {@code nesterov}, {@code adam}, {@code adamw}. The learning rate is never set here:
 * the schedule gives it. Omitted hyperparameters take the paper defaults ({@link #resolved()} fills them in).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OptimizerSpec.Gd.class, name = "gd"),
    @JsonSubTypes.Type(value = OptimizerSpec.Sgd.class, name = "sgd"),
    @JsonSubTypes.Type(value = OptimizerSpec.HeavyBall.class, name = "momentum"),
    @JsonSubTypes.Type(value = OptimizerSpec.Nesterov.class, name = "nesterov"),
    @JsonSubTypes.Type(value = OptimizerSpec.Adam.class, name = "adam"),
    @JsonSubTypes.Type(value = OptimizerSpec.AdamW.class, name = "adamw")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface OptimizerSpec {

    /** The optimizer (hyperparameters only). */
    Optimizer build();

    /** The same block with every default written out: the block itself when it has no hyperparameters. */
    default OptimizerSpec resolved() {
        return this;
    }

    /** Whether this optimizer is meant to see exact gradients only ({@code gd}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    default boolean exactGradientsOnly() {
        return false;
    }

    /** Gradient descent with exact gradients; a run with {@code gd} must have {@code noise: none}. */
    record Gd() implements OptimizerSpec {
        @Override
        public Optimizer build() {
            return new GradientDescent();
        }

        @Override
        public boolean exactGradientsOnly() {
            return true;
        }
    }

    /** Stochastic gradient descent: the same update as gd, fed by the run's noise model. */
    record Sgd() implements OptimizerSpec {
        @Override
        public Optimizer build() {
            return new GradientDescent();
        }
    }

    /** Heavy-ball momentum; {@code momentum} defaults to 0.9. */
    record HeavyBall(Double momentum) implements OptimizerSpec {
        public HeavyBall {
            checkMomentum(momentum);
        }

        @Override
        public Optimizer build() {
            return buildMomentum(momentum, false);
        }

        @Override
        public OptimizerSpec resolved() {
            return new HeavyBall(((Momentum) build()).momentum());
        }
    }

    /** Nesterov momentum; {@code momentum} defaults to 0.9. */
    record Nesterov(Double momentum) implements OptimizerSpec {
        public Nesterov {
            checkMomentum(momentum);
        }

        @Override
        public Optimizer build() {
            return buildMomentum(momentum, true);
        }

        @Override
        public OptimizerSpec resolved() {
            return new Nesterov(((Momentum) build()).momentum());
        }
    }

    /** Adam with bias correction; defaults {@code beta1 0.9, beta2 0.999, epsilon 1e-8}. */
    record Adam(Double beta1, Double beta2, Double epsilon) implements OptimizerSpec {
        public Adam {
            checkAdam(beta1, beta2, epsilon, null);
        }

        @Override
        public Optimizer build() {
            return buildAdam(beta1, beta2, epsilon, 0.0);
        }

        @Override
        public OptimizerSpec resolved() {
            io.github.rivervalley.simulator.optim.Adam a = (io.github.rivervalley.simulator.optim.Adam) build();
            return new Adam(a.beta1(), a.beta2(), a.epsilon());
        }
    }

    /** AdamW: Adam plus decoupled weight decay ({@code weightDecay}, default 0.01). */
    record AdamW(Double beta1, Double beta2, Double epsilon, Double weightDecay) implements OptimizerSpec {
        public AdamW {
            checkAdam(beta1, beta2, epsilon, weightDecay);
        }

        @Override
        public Optimizer build() {
            return buildAdam(beta1, beta2, epsilon, or(weightDecay, io.github.rivervalley.simulator.optim.Adam.DEFAULT_WEIGHT_DECAY));
        }

        @Override
        public OptimizerSpec resolved() {
            io.github.rivervalley.simulator.optim.Adam a = (io.github.rivervalley.simulator.optim.Adam) build();
            return new AdamW(a.beta1(), a.beta2(), a.epsilon(), a.weightDecay());
        }
    }

    private static void checkMomentum(Double momentum) {
        if (momentum != null) {
            Check.inHalfOpenRange("momentum", momentum, 0.0, 1.0);
        }
    }

    private static void checkAdam(Double beta1, Double beta2, Double epsilon, Double weightDecay) {
        if (beta1 != null) {
            Check.inHalfOpenRange("beta1", beta1, 0.0, 1.0);
        }
        if (beta2 != null) {
            Check.inHalfOpenRange("beta2", beta2, 0.0, 1.0);
        }
        if (epsilon != null) {
            Check.positive("epsilon", epsilon);
        }
        if (weightDecay != null) {
            Check.nonNegative("weightDecay", weightDecay);
        }
    }

    /** Heavy-ball or Nesterov momentum, the coefficient defaulted. */
    private static Momentum buildMomentum(Double momentum, boolean nesterov) {
        return new Momentum(or(momentum, Momentum.DEFAULT_MOMENTUM), nesterov);
    }

    /** Adam with the betas and epsilon defaulted; {@code weightDecay} as given (0 for plain Adam). */
    private static io.github.rivervalley.simulator.optim.Adam buildAdam(Double beta1, Double beta2, Double epsilon, double weightDecay) {
        return new io.github.rivervalley.simulator.optim.Adam(
                or(beta1, io.github.rivervalley.simulator.optim.Adam.DEFAULT_BETA1),
                or(beta2, io.github.rivervalley.simulator.optim.Adam.DEFAULT_BETA2),
                or(epsilon, io.github.rivervalley.simulator.optim.Adam.DEFAULT_EPSILON), weightDecay);
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
