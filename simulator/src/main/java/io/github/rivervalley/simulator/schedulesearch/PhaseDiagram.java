package io.github.rivervalley.simulator.schedulesearch;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.spec.WsdScheduleSpec;
import io.github.rivervalley.simulator.theory.ModeSystem;
import io.github.rivervalley.simulator.theory.MomentAdjoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The decay-shape phase diagram: on a straight valley with a linear river and one hill mode under SGD hill
 * noise, started on the floor, which WSD decay shape gives the lower exact expected final loss, linear or
 * inverse-proportional, each with its best decay fraction, holding the peak and decaying to the same floor.
 * The axis is the budget in units of the hill's relaxation time at the peak, {@code N / T} with
 * {@code T = 1 / (2 eta lambda)}: the budget and peak are fixed and the curvature {@code lambda} is varied.
 * docs/theory.md ("Which decay shape") states the prediction this charts.
 *
 * @param name output name
 * @param steps the budget {@code N}
 * @param peak the peak rate {@code eta}
 * @param slope the river's slope
 * @param noise hill noise levels (one series each)
 * @param floor the floor both decays end at, as a ratio of the peak, in (0, 1)
 * @param ratios the values of {@code N / T} (each > 0, with {@code eta lambda < 1} so SGD is stable)
 */
public record PhaseDiagram(String name, Long steps, Double peak, Double slope, List<Double> noise, Double floor, List<Double> ratios) {

    public PhaseDiagram {
        Check.present("name", name);
        Check.positive("steps", Check.present("steps", steps));
        Check.positive("peak", Check.present("peak", peak));
        Check.nonNegative("slope", Check.present("slope", slope));
        Check.present("noise", noise).forEach(s -> Check.positive("noise", s));
        floor = floor == null ? 0.01 : floor;
        if (!(floor > 0 && floor < 1)) {
            throw new InvalidValueException("floor", floor, "a ratio in (0, 1) (an inverse-proportional decay needs a floor above 0)");
        }
        for (double r : Check.present("ratios", ratios)) {
            Check.positive("ratios", r);
            if (r / (2.0 * steps) >= 1) {
                throw new InvalidValueException("ratios", r, "below 2 * steps (" + 2 * steps + "): eta lambda = (N/T) / (2N) must stay below 1");
            }
        }
    }

    /**
     * One point of the diagram.
     *
     * @param noise the hill noise level
     * @param ratio {@code N / T}
     * @param linear the best linear decay's expected final loss
     * @param inverse the best inverse-proportional decay's expected final loss
     * @param linearFraction the best linear decay's fraction of the budget
     * @param inverseFraction the best inverse-proportional decay's fraction
     */
    public record Point(double noise, double ratio, double linear, double inverse, double linearFraction, double inverseFraction) {

        /** {@code inverse - linear}: positive where linear wins. */
        public double linearAdvantage() {
            return inverse - linear;
        }

        /** The winner's decay fraction. */
        public double optimalFraction() {
            return linear <= inverse ? linearFraction : inverseFraction;
        }
    }

    /** Every point, noise level by noise level, ratios in order. Deterministic. */
    public List<Point> compute() {
        List<Point> points = new ArrayList<>();
        for (double sigma : noise) {
            for (double ratio : ratios) {
                points.add(point(sigma, ratio));
            }
        }
        return points;
    }

    /** The point at noise {@code sigma} and {@code N / T = ratio}. */
    public Point point(double sigma, double ratio) {
        double lambda = ratio / (2 * peak * steps);
        StraightValley valley = new StraightValley(new RiverProfile.Linear(slope), new double[] {lambda});
        MomentAdjoint adjoint = new MomentAdjoint(ModeSystem.of(valley, Noises.hill(sigma), new double[2]), Optimizers.gd());
        FamilySearch search = new FamilySearch(adjoint, new Bounds(steps, peak, 0, 0.0, true));
        FamilySearch.Candidate linear = search.wsdAtPeak(DecayShape.LINEAR, floor);
        FamilySearch.Candidate inverse = search.wsdAtPeak(DecayShape.INVERSE_PROPORTIONAL, floor);
        return new Point(sigma, ratio, linear.loss(), inverse.loss(), fraction(linear), fraction(inverse));
    }

    private static double fraction(FamilySearch.Candidate c) {
        return ((WsdScheduleSpec) c.spec()).decayFraction();
    }
}
