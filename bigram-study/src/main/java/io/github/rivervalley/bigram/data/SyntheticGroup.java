package io.github.rivervalley.bigram.data;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;

/**
 * One group of a synthetic dataset: a share of the vocabulary and how its tokens' successors are drawn.
 *
 * @param name column-safe group name, or {@code null} for the default ({@code det}, {@code k<k>} for uniform,
 *     {@code dir<k>} for Dirichlet)
 * @param share fraction of the vocabulary in the group, in (0, 1]; the shares of a dataset sum to 1
 * @param kind the uncertainty kind
 * @param successors k, the number of distinct successors (deterministic: absent or 1; otherwise >= 2)
 * @param alpha Dirichlet concentration (only for {@code dirichlet}; default 1, which is uniform on the simplex)
 * @param mass the group's share of the token frequency (its tokens' {@code pi} rescaled to sum to it, their
 *     ratios kept), in (0, 1]; {@code null} leaves the frequency law alone. Given for every group or for none.
 */
public record SyntheticGroup(String name, double share, Uncertainty kind, Integer successors, Double alpha, Double mass) {

    public SyntheticGroup {
        Check.inClosedRange("share", share, Double.MIN_VALUE, 1.0);
        Check.present("kind", kind);
        if (kind == Uncertainty.DETERMINISTIC) {
            if (successors != null && successors != 1) {
                throw new InvalidValueException("successors", successors, "1 or nothing for a deterministic group");
            }
            successors = 1;
        } else {
            Check.present("successors", successors);
            if (successors < 2) {
                throw new InvalidValueException("successors", successors, "a whole number >= 2 for a " + kind + " group");
            }
        }
        if (kind == Uncertainty.DIRICHLET) {
            alpha = alpha == null ? 1.0 : Check.positive("alpha", alpha);
        } else if (alpha != null) {
            throw new InvalidValueException("alpha", alpha, "nothing (alpha is only for dirichlet groups)");
        }
        if (mass != null) {
            Check.inClosedRange("mass", mass, Double.MIN_VALUE, 1.0);
        }
    }

    /** Without a frequency mass of its own. */
    public SyntheticGroup(String name, double share, Uncertainty kind, Integer successors, Double alpha) {
        this(name, share, kind, successors, alpha, null);
    }

    /** A deterministic group. */
    public static SyntheticGroup deterministic(double share) {
        return new SyntheticGroup(null, share, Uncertainty.DETERMINISTIC, null, null);
    }

    /** A group uniform over k successors. */
    public static SyntheticGroup uniform(double share, int k) {
        return new SyntheticGroup(null, share, Uncertainty.UNIFORM, k, null);
    }

    /** A group with Dirichlet(alpha) weights over k successors. */
    public static SyntheticGroup dirichlet(double share, int k, double alpha) {
        return new SyntheticGroup(null, share, Uncertainty.DIRICHLET, k, alpha);
    }

    /** The name given, or the default for the kind. */
    public String nameOrDefault() {
        if (name != null) {
            return name;
        }
        if (kind == Uncertainty.DETERMINISTIC) {
            return "det";
        }
        return (kind == Uncertainty.UNIFORM ? "k" : "dir") + successors;
    }
}
