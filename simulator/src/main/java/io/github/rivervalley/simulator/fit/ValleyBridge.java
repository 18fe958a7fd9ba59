package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.spec.NoiseSpec;
import io.github.rivervalley.simulator.spec.OptimizerSpec;
import io.github.rivervalley.simulator.spec.RecordSpec;
import io.github.rivervalley.simulator.spec.RiverSpec;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.ScheduleFileSpec;
import io.github.rivervalley.simulator.spec.StraightValleySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted river-valley law as a simulator run: SGD with hill noise on a straight valley whose river
 * and hills reproduce the fit, so {@code rivervalley run} and every chart work on "your model's valley".
 *
 * <ul>
 *   <li>River: {@code power} with exponent {@code k = 2 alpha / (1 - alpha)} (needs {@code alpha < 1}),
 *       floor {@code Linf} and the amplitude that makes gradient flow give
 *       {@code A (tau / tau_ref)^-alpha}; the start's river coordinate puts the power law's time offset
 *       at one step at the reference rate.</li>
 *   <li>Hills: mode {@code j} becomes {@code n_j} hill directions of curvature
 *       {@code lambda_j = 1 / (2 eta_ref T_j)}, all with the same noise variance {@code sigma^2}: a
 *       direction keeps {@code eta sigma^2 / (2 (2 - eta lambda_j))}, so the counts {@code n_j} (up to
 *       {@link #MAX_HILLS} in all) carry the ratio of the modes' excesses, which is matched to the
 *       nearest whole count; with one mode the match is exact.</li>
 * </ul>
 * The schedule's peak should be the fit's reference rate for the hill times to mean what they say.
 */
public final class ValleyBridge {

    /** Largest number of hill directions used to share the excess among modes. */
    public static final int MAX_HILLS = 12;

    private ValleyBridge() {
    }

    /** The run spec for {@code fit} under {@code schedule}, with {@code replicas} replicas and seed {@code seed}. */
    public static RunSpec runSpec(Fit fit, ScheduleFileSpec schedule, String name, int replicas, long seed) {
        if (!(fit.law() instanceof RiverValleyLaw law)) {
            throw new InvalidValueException("law", fit.law().name(), "a river-valley fit (only it has a valley)");
        }
        double[] theta = fit.theta();
        Double tau0 = law.constants().get("riverOffset") != 0 ? theta[3] : null;
        double alpha = theta[2];
        if (!(alpha < 1)) {
            throw new InvalidValueException("alpha", alpha, "an exponent below 1 (a power-law river has exponent k / (k + 2) < 1)");
        }
        double eta = law.referenceRate();
        double tauRef = law.constants().get("referenceTime");
        double k = 2 * alpha / (1 - alpha);
        double amplitude = Math.pow(theta[1] * Math.pow(tauRef, alpha) * Math.pow((k + 2) * k * eta, alpha), 1 / (1 - alpha));
        double offset = tau0 != null ? tau0 : 1.0;
        double c0 = Math.pow((k + 2) * k * amplitude * eta * offset, 1 / (k + 2));
        HillReading hill = HillReading.of(law, theta);
        List<Double> curvatures = new ArrayList<>();
        int[] counts = counts(hill, eta);
        for (int j = 0; j < counts.length; j++) {
            for (int n = 0; n < counts[j]; n++) {
                curvatures.add(hill.modes().get(j).curvature());
            }
        }
        HillReading.Mode first = hill.modes().get(0);
        double sigma2 = 2 * first.stationaryExcess() * (2 - eta * first.curvature()) / (counts[0] * eta);
        double[] start = new double[curvatures.size() + 1];
        start[0] = c0;
        StraightValleySpec valley = new StraightValleySpec(null, curvatures, null, new RiverSpec.Power(theta[0], amplitude, k));
        long steps = schedule.steps();
        return new RunSpec(name, seed, steps, replicas, valley, start, new OptimizerSpec.Sgd(), new NoiseSpec.Hill(Math.sqrt(sigma2)),
                schedule.schedule(), RecordSpec.every(Math.max(1, steps / 1000)), null);
    }

    /** Hill directions per mode: counts whose ratios best match the modes' per-direction excess ratios. */
    static int[] counts(HillReading hill, double eta) {
        int m = hill.modes().size();
        double[] weight = new double[m];
        for (int j = 0; j < m; j++) {
            HillReading.Mode mode = hill.modes().get(j);
            weight[j] = mode.stationaryExcess() * (2 - eta * mode.curvature()); // proportional to n_j sigma^2
        }
        int[] best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (int n0 = 1; n0 <= MAX_HILLS - (m - 1); n0++) {
            int[] c = new int[m];
            c[0] = n0;
            int total = n0;
            for (int j = 1; j < m; j++) {
                c[j] = Math.max(1, (int) Math.round(n0 * weight[j] / weight[0]));
                total += c[j];
            }
            if (total > MAX_HILLS) {
                break;
            }
            double error = 0;
            for (int j = 1; j < m; j++) {
                error = Math.max(error, Math.abs(c[j] / (double) n0 / (weight[j] / weight[0]) - 1));
            }
            if (error < bestError - 1e-12) {
                bestError = error;
                best = c;
            }
        }
        return best;
    }
}
