package io.github.rivervalley.simulator.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * The physical reading of our law's hill modes: per mode the relaxation time and stationary excess at
 * the reference (peak) rate, and the curvature {@code lambda} and gradient-noise variance {@code s} they
 * imply in learning-rate units ({@code lambda = 1 / (2 eta_ref T)}, {@code s = 2 E (2 - eta_ref lambda) / eta_ref}).
 *
 * @param modes one entry per mode
 */
public record HillReading(List<Mode> modes) {

    /**
     * One hill mode.
     *
     * @param relaxationSteps steps for the excess to relax by a factor e at the reference rate
     * @param stationaryExcess the excess it settles at when the rate stays at the reference rate
     * @param curvature {@code lambda}, in units of 1 / learning rate
     * @param noise {@code s}, the gradient-noise variance along the mode
     */
    public record Mode(double relaxationSteps, double stationaryExcess, double curvature, double noise) {
    }

    /** The modes of {@code law} at parameters {@code theta}. */
    public static HillReading of(RiverValleyLaw law, double[] theta) {
        double[][] et = law.modeValues(theta);
        double eta = law.referenceRate();
        List<Mode> modes = new ArrayList<>();
        for (int j = 0; j < et[0].length; j++) {
            double lambda = 1 / (2 * eta * et[1][j]);
            modes.add(new Mode(et[1][j], et[0][j], lambda, 2 * et[0][j] * (2 - eta * lambda) / eta));
        }
        return new HillReading(modes);
    }

    /** The total stationary excess at the reference rate. */
    public double stationaryExcess() {
        return modes.stream().mapToDouble(Mode::stationaryExcess).sum();
    }
}
