package io.github.rivervalley.simulator.schedulesearch;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.schedule.DecayShape;
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
    public record Candidate(String family, ScheduleSpec spec, double[] rates, double loss) {
    }

    private final MomentAdjoint adjoint;
    private final Bounds bounds;

    public FamilySearch(MomentAdjoint adjoint, Bounds bounds) {
        this.adjoint = Check.present("adjoint", adjoint);
        this.bounds = Check.present("bounds", bounds);
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
        return candidate("constant", constantSpec(best));
    }

    /** The best cosine schedule. */
    public Candidate cosine() {
        double[] x = bobyqa(p -> candidate("cosine", cosineSpec(p[0], p[1])).loss(), new double[] {1.0, 0.5},
                new double[] {bounds.lowestRatio(), 0.0}, new double[] {1.0, 1.0});
        return candidate("cosine", cosineSpec(x[0], x[1]));
    }

    /** The best WSD over every decay shape. */
    public Candidate wsd() {
        double minFraction = 1.0 / bounds.steps();
        double maxFraction = (double) (bounds.steps() - bounds.warmup()) / bounds.steps();
        Candidate best = null;
        for (DecayShape shape : DecayShape.values()) {
            double[] x = bobyqa(p -> candidate("wsd", wsdSpec(p[0], p[1], p[2], shape)).loss(),
                    new double[] {1.0, Math.min(0.2, maxFraction), 0.1},
                    new double[] {bounds.lowestRatio(), minFraction, 0.0}, new double[] {1.0, maxFraction, 1.0});
            Candidate c = candidate("wsd", wsdSpec(x[0], x[1], x[2], shape));
            if (best == null || c.loss() < best.loss()) {
                best = c;
            }
        }
        return best;
    }

    /** WSD, cosine and constant, best first. */
    public List<Candidate> all() {
        return List.of(wsd(), cosine(), constant()).stream().sorted((p, q) -> Double.compare(p.loss(), q.loss())).toList();
    }

    private double constantLoss(double level) {
        return candidate("constant", constantSpec(level)).loss();
    }

    private Candidate candidate(String family, ScheduleSpec spec) {
        double[] rates = KnotSchedule.rates(spec.build(bounds.steps()));
        return new Candidate(family, spec, rates, adjoint.loss(rates));
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
