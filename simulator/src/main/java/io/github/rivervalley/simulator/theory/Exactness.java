package io.github.rivervalley.simulator.theory;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.RotatedValley;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.noise.CurvatureNoise;
import io.github.rivervalley.simulator.noise.HillNoise;
import io.github.rivervalley.simulator.noise.IsotropicNoise;
import io.github.rivervalley.simulator.noise.NoNoise;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.noise.RiverNoise;
import io.github.rivervalley.simulator.optim.GradientDescent;
import io.github.rivervalley.simulator.optim.Momentum;
import io.github.rivervalley.simulator.optim.Optimizer;

/**
 * Whether the moment engine is exact for a combination of landscape, optimizer and noise, and if not, why.
 * There is no approximate mode: a combination is either exact (the recursions hold with equality, up to
 * rounding) or has no theory.
 *
 * @param exact whether the expected dynamics are computed exactly
 * @param reason empty when exact, else one sentence saying what breaks the linear recursion
 */
public record Exactness(boolean exact, String reason) {

    public Exactness {
        Check.present("reason", reason);
        if (exact != reason.isEmpty()) {
            throw new IllegalArgumentException("an exact answer has no reason, a non-exact one needs one: " + reason);
        }
    }

    static final Exactness EXACT = new Exactness(true, "");

    static Exactness no(String reason) {
        return new Exactness(false, reason);
    }

    /** The answer for this landscape, optimizer and noise model. */
    public static Exactness of(Landscape landscape, Optimizer optimizer, NoiseModel noise) {
        Exactness l = ofLandscape(landscape);
        if (!l.exact()) {
            return l;
        }
        if (!(optimizer instanceof GradientDescent) && !(optimizer instanceof Momentum)) {
            return no("the optimizer " + optimizer + " is not linear in the gradient (Adam and AdamW divide by a running"
                    + " gradient size), so the moments do not close; only gd, sgd, momentum and nesterov have theory");
        }
        if (!(noise instanceof NoNoise || noise instanceof IsotropicNoise || noise instanceof HillNoise
                || noise instanceof RiverNoise || noise instanceof CurvatureNoise)) {
            return no("the noise " + noise + " has no closed-form covariance on this landscape;"
                    + " only none, isotropic, hill, river and curvature noise have theory");
        }
        return EXACT;
    }

    private static Exactness ofLandscape(Landscape landscape) {
        StraightValley valley;
        if (landscape instanceof StraightValley straight) {
            valley = straight;
        } else if (landscape instanceof RotatedValley rotated) {
            valley = rotated.valley();
        } else {
            return no("the landscape " + landscape.getClass().getSimpleName() + " is not quadratic in its hills with a"
                    + " fixed eigenbasis (curved valleys and bigram models), so the moments do not close;"
                    + " only straight and rotated valleys have theory");
        }
        if (!(valley.river() instanceof RiverProfile.Linear) && !(valley.river() instanceof RiverProfile.Quadratic)) {
            return no("a " + valley.river() + " river's curvature changes along it, so its expected slope depends on the whole"
                    + " distribution of the river coordinate; only linear and quadratic rivers have theory");
        }
        return EXACT;
    }

    @Override
    public String toString() {
        return exact ? "exact" : "no theory: " + reason;
    }
}
