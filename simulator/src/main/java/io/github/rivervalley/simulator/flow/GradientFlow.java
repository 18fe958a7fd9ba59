package io.github.rivervalley.simulator.flow;

import io.github.rivervalley.landscapes.Landscape;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * The gradient flow {@code dx/dt = -grad L(x)}: the continuous-time limit of GD at flow time
 * {@code t = sum eta}. Integrated by Hipparchus' Dormand-Prince 8(5,3) with tight tolerances (absolute
 * and relative {@value #TOLERANCE}); the states at the sample times come from the integrator's dense
 * output, so one integration serves any number of samples.
 *
 * <p>Cost: the integrator is explicit, so its step is limited by stability to about
 * {@code 3/lambda_max} (the sharpest wall), whatever the accuracy asked for. Flowing for time T costs about
 * {@code T lambda_max / 3} steps of 12 gradient evaluations: cheap next to the simulated line for mild
 * valleys, but a valley with {@code lambda_max = 1e4} flowed to {@code T = 1e3} costs about 4e7 gradients.
 */
public final class GradientFlow {

    /** The line name of the flow rows in a trace. */
    public static final String LINE = "flow";
    /** Absolute and relative tolerance of the integrator. */
    public static final double TOLERANCE = 1e-12;

    private final Landscape landscape;

    public GradientFlow(Landscape landscape) {
        this.landscape = landscape;
    }

    /** Non-decreasing sample times, with the step each belongs to. */
    public interface Clock {
        boolean hasNext();

        /** The next sample time (>= the previous one). */
        double next();

        /** The step of the sample time last returned by {@link #next()}. */
        long step();
    }

    /** Receives the flow state at each sample (the array is reused; copy what you keep). */
    @FunctionalInterface
    public interface Sink {
        void accept(long step, double[] x);
    }

    /**
     * Flows from {@code start} to {@code finalTime} and hands the state at every time of {@code clock}
     * (none beyond {@code finalTime}) to {@code sink}, in order.
     */
    public void sample(double[] start, double finalTime, Clock clock, Sink sink) {
        int d = landscape.dimension();
        double[] x = start.clone();
        double[] gradient = new double[d];
        // Samples at time 0 (and any before the first integration step) are the start itself.
        double pendingTime = Double.NaN;
        long pendingStep = -1;
        while (clock.hasNext()) {
            double t = clock.next();
            if (t > 0) {
                pendingTime = t;
                pendingStep = clock.step();
                break;
            }
            sink.accept(clock.step(), x);
        }
        if (pendingStep < 0) {
            return;
        }
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return d;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dy = new double[d];
                landscape.gradient(y, gradient);
                for (int i = 0; i < d; i++) {
                    dy[i] = -gradient[i];
                }
                return dy;
            }
        };
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(0.0, Double.POSITIVE_INFINITY, TOLERANCE, TOLERANCE);
        Pending pending = new Pending(pendingTime, pendingStep);
        integrator.addStepHandler(new ODEStepHandler() {
            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double end = interpolator.getCurrentState().getTime();
                while (pending.step >= 0 && pending.time <= end) {
                    ODEStateAndDerivative state = interpolator.getInterpolatedState(pending.time);
                    sink.accept(pending.step, state.getPrimaryState());
                    pending.advance(clock);
                }
            }
        });
        // One integration to the end; the handler emits every sample a step covers from its dense output.
        ODEStateAndDerivative reached = integrator.integrate(ode, new ODEState(0.0, x), Math.max(finalTime, pendingTime));
        while (pending.step >= 0) {
            sink.accept(pending.step, reached.getPrimaryState()); // only samples rounded past the end
            pending.advance(clock);
        }
    }

    private static final class Pending {
        double time;
        long step;

        Pending(double time, long step) {
            this.time = time;
            this.step = step;
        }

        void advance(Clock clock) {
            if (clock.hasNext()) {
                time = clock.next();
                step = clock.step();
            } else {
                step = -1;
            }
        }
    }
}
