package io.github.rivervalley.simulator.schedulesearch;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.ScheduleFamily;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import io.github.rivervalley.simulator.spec.ConstantScheduleSpec;
import io.github.rivervalley.simulator.spec.CosineScheduleSpec;
import io.github.rivervalley.simulator.spec.ScheduleSpec;
import io.github.rivervalley.simulator.spec.WsdScheduleSpec;
import io.github.rivervalley.simulator.theory.MomentAdjoint;
import java.util.List;
import java.util.function.Function;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * The best schedule of each standard family for the same budget and constraints, by Hipparchus' BOBYQA
 * (derivative-free, bounded, deterministic) on the expected final loss:
 * <ul>
 *   <li>constant: the level {@code a} (ratio of the peak bound), after the fixed warmup;</li>
 *   <li>cosine: peak {@code a} and floor;</li>
 *   <li>WSD (one budget, so one decay at the end): peak {@code a}, decay fraction and floor, for every
 *       decay shape (the best shape wins).</li>
 * </ul>
 * Floors are searched as an absolute ratio {@code g} in {@code [lowestRatio, a]} (the family's floor is
 * then {@code g / a}), so every candidate satisfies the bounds; families cannot rise again, so
 * non-increasing holds by construction.
 */
public final class FamilySearch {

    /** Evaluations per BOBYQA search. */
    private static final int MAX_EVALUATIONS = 2000;

    /** One family's best member: its spec, its rates and its expected final loss. */
    public record Candidate(ScheduleFamily family, ScheduleSpec spec, double[] rates, double loss) {
    }

    private final ScheduleObjective objective;
    private final Bounds bounds;

    public FamilySearch(ScheduleObjective objective, Bounds bounds) {
        this.objective = Check.present("objective", objective);
        this.bounds = Check.present("bounds", bounds);
    }

    /** On the exact expected loss of a valley run. */
    public FamilySearch(MomentAdjoint adjoint, Bounds bounds) {
        this(ScheduleObjective.of(adjoint), bounds);
    }

    /** The best constant rate: one parameter, so a golden-section search on the level (BOBYQA needs two). */
    public Candidate constant() {
        double lo = bounds.lowestRatio();
        double hi = 1.0;
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = constantLoss(a);
        double fb = constantLoss(b);
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = constantLoss(a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = constantLoss(b);
            }
        }
        double best = constantLoss(1.0) <= Math.min(fa, fb) ? 1.0 : fa <= fb ? a : b;
        return candidate(constantSpec(best));
    }

    /** The best cosine schedule. */
    public Candidate cosine() {
        double[] x = bobyqa(p -> candidate(cosineSpec(p[0], p[1])).loss(), new double[] {1.0, 0.5},
                new double[] {bounds.lowestRatio(), 0.0}, new double[] {1.0, 1.0});
        return candidate(cosineSpec(x[0], x[1]));
    }

    /** The best WSD over every decay shape. */
    public Candidate wsd() {
        Candidate best = null;
        for (DecayShape shape : DecayShape.values()) {
            Candidate c = wsd(shape);
            if (best == null || c.loss() < best.loss()) {
                best = c;
            }
        }
        return best;
    }

    /** The best WSD with decay shape {@code shape}: its peak, decay fraction and floor. */
    public Candidate wsd(DecayShape shape) {
        double minFraction = minFraction();
        double maxFraction = maxFraction();
        double[] x = bobyqa(p -> candidate(wsdSpec(p[0], p[1], p[2], shape)).loss(),
                new double[] {1.0, Math.min(0.2, maxFraction), 0.1},
                new double[] {bounds.lowestRatio(), minFraction, 0.0}, new double[] {1.0, maxFraction, 1.0});
        return candidate(wsdSpec(x[0], x[1], x[2], shape));
    }

    /**
     * The best WSD with decay shape {@code shape} that holds the peak bound: its decay fraction and floor
     * only (the shape question of the phase diagram, without the peak's own trade-off).
     */
    public Candidate wsdAtPeak(DecayShape shape) {
        double minFraction = minFraction();
        double maxFraction = maxFraction();
        double[] x = bobyqa(p -> candidate(wsdSpec(1.0, p[0], p[1], shape)).loss(),
                new double[] {Math.min(0.2, maxFraction), 0.1}, new double[] {minFraction, 0.0}, new double[] {maxFraction, 1.0});
        return candidate(wsdSpec(1.0, x[0], x[1], shape));
    }

    /**
     * The best decay fraction of a WSD with decay shape {@code shape} that holds the peak bound and decays
     * to the fixed floor ratio {@code floor} (in (0, 1]): Brent's method on the fraction.
     */
    public Candidate wsdAtPeak(DecayShape shape, double floor) {
        Check.inClosedRange("floor", floor, 0, 1);
        double minFraction = minFraction();
        double maxFraction = maxFraction();
        java.util.function.DoubleFunction<WsdScheduleSpec> spec = p -> new WsdScheduleSpec(bounds.peak(), bounds.warmup(),
                WarmupShape.LINEAR, floor, shape, p, List.of(bounds.steps()));
        // The loss is not unimodal in the fraction (a short decay and a long one can both be local optima):
        // scan a log grid, then refine with Brent between the best point's neighbours.
        int grid = 40;
        double[] p = new double[grid + 1];
        int at = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= grid; i++) {
            p[i] = minFraction * Math.pow(maxFraction / minFraction, (double) i / grid);
            double loss = candidate(spec.apply(p[i])).loss();
            if (loss < bestLoss) {
                bestLoss = loss;
                at = i;
            }
        }
        double best = new org.hipparchus.optim.univariate.BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(MAX_EVALUATIONS),
                new org.hipparchus.optim.univariate.UnivariateObjectiveFunction(q -> candidate(spec.apply(q)).loss()),
                GoalType.MINIMIZE, new org.hipparchus.optim.univariate.SearchInterval(p[Math.max(0, at - 1)], p[Math.min(grid, at + 1)], p[at]))
                .getPoint();
        if (candidate(spec.apply(best)).loss() > bestLoss) {
            best = p[at];
        }
        return candidate(spec.apply(best));
    }

    /** WSD, cosine and constant, best first. */
    public List<Candidate> all() {
        return List.of(wsd(), cosine(), constant()).stream().sorted((p, q) -> Double.compare(p.loss(), q.loss())).toList();
    }

    /** The shortest decay: one step. */
    private double minFraction() {
        return 1.0 / bounds.steps();
    }

    /** The longest decay: everything after the warmup, and (a WSD fraction is below 1) never every step. */
    private double maxFraction() {
        return (double) (bounds.steps() - Math.max(1, bounds.warmup())) / bounds.steps();
    }

    private double constantLoss(double level) {
        return candidate(constantSpec(level)).loss();
    }

    private Candidate candidate(ScheduleSpec spec) {
        Schedule schedule = spec.build(bounds.steps());
        double[] rates = KnotSchedule.rates(schedule);
        return new Candidate(schedule.family(), spec, rates, objective.loss(rates));
    }

    private ConstantScheduleSpec constantSpec(double level) {
        return new ConstantScheduleSpec(level * bounds.peak(), bounds.warmup(), WarmupShape.LINEAR, List.of(bounds.steps()));
    }

    /** Absolute floor ratio g = lowest + (a - lowest) u, as the family's floor g / a. */
    private double floorOf(double a, double u) {
        double lowest = bounds.lowestRatio();
        return Math.min(1.0, (lowest + (a - lowest) * u) / a);
    }

    private CosineScheduleSpec cosineSpec(double a, double u) {
        return new CosineScheduleSpec(a * bounds.peak(), bounds.warmup(), WarmupShape.LINEAR, floorOf(a, u), List.of(bounds.steps()));
    }

    private WsdScheduleSpec wsdSpec(double a, double fraction, double u, DecayShape shape) {
        return new WsdScheduleSpec(a * bounds.peak(), bounds.warmup(), WarmupShape.LINEAR, floorOf(a, u), shape, fraction,
                List.of(bounds.steps()));
    }

    private static double[] bobyqa(Function<double[], Double> loss, double[] start, double[] lower, double[] upper) {
        int n = start.length;
        for (int i = 0; i < n; i++) {
            start[i] = Math.min(upper[i], Math.max(lower[i], start[i]));
        }
        double radius = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            radius = Math.min(radius, upper[i] - lower[i]);
        }
        // The decay length is a whole number of steps, so the loss is piecewise constant in the decay fraction
        // and BOBYQA's model can fail to improve; keep the best point evaluated, whatever happens.
        double[] bestPoint = start.clone();
        double[] bestValue = {loss.apply(start)};
        ObjectiveFunction objective = new ObjectiveFunction(p -> {
            double value = loss.apply(p);
            if (value < bestValue[0]) {
                bestValue[0] = value;
                System.arraycopy(p, 0, bestPoint, 0, n);
            }
            return value;
        });
        try {
            new BOBYQAOptimizer(2 * n + 1, 0.25 * radius, 1e-9).optimize(new MaxEval(MAX_EVALUATIONS), objective,
                    GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
        } catch (MathIllegalStateException e) {
            // too many evaluations or a failed trust-region step: the best point so far stands
        }
        return bestPoint;
    }
}
