package io.github.rivervalley.simulator.schedulesearch;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.fit.RiverValleyLaw;
import java.util.Map;

/**
 * The final loss a fitted {@link RiverValleyLaw} predicts after a sequence of rates, with its exact gradient.
 *
 * <p>With {@code x_t = eta_t / eta_ref} and {@code tau = sum x_t}, the loss is
 * {@code Linf + A ((tau + tau0) / tau_ref)^-alpha + sum_j e_j(N)}, each hill mode following
 * {@code e_{t+1} = k_t^2 e_t + x_t^2 g_j}, {@code k_t = 1 - x_t / (2 T_j)}, {@code g_j = E_j (4 T_j - 1) / (4 T_j^2)},
 * from {@code e_0 = 0}. The river's derivative is the same for every step. A mode's is found backward: the
 * adjoint {@code a_{t+1} = d e(N) / d e_{t+1} = prod_{u > t} k_u^2}, and
 * {@code d e(N) / d x_t = a_{t+1} (-k_t e_t / T_j + 2 x_t g_j)}. Cost {@code O(steps x modes)}; one array of
 * {@code steps} excesses is kept (reused across calls).
 */
public final class RiverValleyObjective extends ScheduleObjective.Evaluated {

    private final double referenceRate;
    private final double referenceTime;
    private final double floor;
    private final double amplitude;
    private final double alpha;
    private final double offset;
    private final double[] excess;
    private final double[] time;
    private double[] trajectory = new double[0];

    /** The law {@code law} with its fitted parameters {@code theta}. */
    public RiverValleyObjective(RiverValleyLaw law, double[] theta) {
        Check.present("law", law);
        Check.present("theta", theta);
        if (theta.length != law.parameters().size()) {
            throw new InvalidValueException("theta", theta.length + " values", law.parameters().size() + " (" + law + ")");
        }
        Map<String, Double> constants = law.constants();
        this.referenceRate = law.referenceRate();
        this.referenceTime = constants.get("referenceTime");
        this.floor = theta[0];
        this.amplitude = theta[1];
        this.alpha = theta[2];
        this.offset = constants.get("riverOffset") != 0 ? theta[3] : 0.0;
        double[][] et = law.modeValues(theta);
        this.excess = et[0];
        this.time = et[1];
    }

    @Override
    protected double evaluate(double[] rates, double[] gradient) {
        int steps = rates.length;
        double tau = 0.0;
        for (double rate : rates) {
            tau += rate / referenceRate;
        }
        double shifted = tau + offset;
        double power = Math.exp(-alpha * Math.log(shifted / referenceTime));
        double loss = floor + amplitude * power;
        if (gradient != null) {
            java.util.Arrays.fill(gradient, -alpha * amplitude * power / shifted / referenceRate);
            if (trajectory.length < steps) {
                trajectory = new double[steps];
            }
        }
        for (int j = 0; j < excess.length; j++) {
            double t2 = 2 * time[j];
            double gain = excess[j] * (4 * time[j] - 1) / (4 * time[j] * time[j]);
            double e = 0.0;
            for (int t = 0; t < steps; t++) {
                if (gradient != null) {
                    trajectory[t] = e;
                }
                double x = rates[t] / referenceRate;
                double keep = 1 - x / t2;
                e = keep * keep * e + x * x * gain;
            }
            loss += e;
            if (gradient != null) {
                double adjoint = 1.0;
                for (int t = steps - 1; t >= 0; t--) {
                    double x = rates[t] / referenceRate;
                    double keep = 1 - x / t2;
                    gradient[t] += adjoint * (-2 * keep * trajectory[t] / t2 + 2 * x * gain) / referenceRate;
                    adjoint *= keep * keep;
                }
            }
        }
        return loss;
    }
}
