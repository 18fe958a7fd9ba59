package io.github.rivervalley.simulator.theory;

import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.RotatedValley;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.noise.CurvatureNoise;
import io.github.rivervalley.simulator.noise.HillNoise;
import io.github.rivervalley.simulator.noise.IsotropicNoise;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.noise.RiverNoise;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A valley and its noise as independent scalar modes. In the valley's own frame (for a rotated valley:
 * {@code Q^T z}; GD and momentum commute with rotations, and every supported noise covariance is diagonal
 * there) coordinate k feels the gradient {@code curvature_k y_k + force_k + noise}, with noise of variance
 * {@code noise_k} independent of everything else. Mode 0 is the river: a linear river
 * {@code -slope x_0} has curvature 0 and force {@code -slope}; a quadratic river
 * {@code (mu/2)(x_0 - m)^2} is an ordinary mode of curvature mu in the centred coordinate
 * {@code y_0 = x_0 - m}. Modes 1.. are the hills (force 0), with identical hills (same curvature, noise and
 * start) merged into one mode of that {@link #multiplicity}: they have identical moments.
 *
 * <p>Noise variances per mode (sigma is the noise's standard deviation per coordinate, as the oracles draw it):
 * none 0; isotropic {@code sigma^2} everywhere; hill {@code sigma^2} on the hills, 0 on the river; river the
 * reverse; curvature {@code lambda_k / B} on the hills and {@code max(r'', 0) / B} on the river (0 for a
 * linear river, mu/B for a quadratic one), exactly what {@link CurvatureNoise} draws.
 */
public final class ModeSystem {

    final double[] curvature;
    final double[] force;
    final double[] noise;
    final double[] start;
    final double[] multiplicity;
    /** The mode holding the valley's steepest hill (the trace's {@code hill_disp}). */
    final int steepest;
    final RiverProfile river;
    /** {@code x_0 = y_0 + riverOffset}: the quadratic river's minimum, 0 for a linear river. */
    final double riverOffset;

    private ModeSystem(double[] curvature, double[] force, double[] noise, double[] start, double[] multiplicity,
            int steepest, RiverProfile river, double riverOffset) {
        this.curvature = curvature;
        this.force = force;
        this.noise = noise;
        this.start = start;
        this.multiplicity = multiplicity;
        this.steepest = steepest;
        this.river = river;
        this.riverOffset = riverOffset;
    }

    /**
     * The modes of {@code landscape} under {@code noise} from the start point {@code start} (in the
     * landscape's coordinates).
     *
     * @throws InvalidValueException when there is no exact theory (see {@link Exactness})
     */
    public static ModeSystem of(Landscape landscape, NoiseModel noise, double[] start) {
        Check.point("start", Check.present("start", start), landscape.dimension());
        StraightValley valley;
        double[] y;
        if (landscape instanceof StraightValley straight) {
            valley = straight;
            y = start.clone();
        } else if (landscape instanceof RotatedValley rotated) {
            valley = rotated.valley();
            y = new double[rotated.dimension()];
            rotated.toValleyFrame(start, y);
        } else {
            throw new InvalidValueException("landscape", landscape, "a straight or rotated valley (the moment engine is exact only there)");
        }
        RiverProfile river = valley.river();
        double riverCurvature;
        double riverForce;
        double offset;
        if (river instanceof RiverProfile.Linear linear) {
            riverCurvature = 0.0;
            riverForce = -linear.slope();
            offset = 0.0;
        } else if (river instanceof RiverProfile.Quadratic quadratic) {
            riverCurvature = quadratic.curvature();
            riverForce = 0.0;
            offset = quadratic.minimum();
        } else {
            throw new InvalidValueException("river", river, "a linear or quadratic river (the moment engine is exact only there)");
        }
        double[] variance = noiseVariances(noise, riverCurvature, valley);

        // Merge identical hills: same inputs give the same moments, bit for bit.
        Map<Key, Integer> index = new LinkedHashMap<>();
        int[] modeOf = new int[valley.hillCount()];
        for (int i = 0; i < valley.hillCount(); i++) {
            Key key = new Key(valley.hillCurvature(i), variance[i + 1], y[i + 1]);
            modeOf[i] = index.computeIfAbsent(key, k -> index.size() + 1);
        }
        int modes = index.size() + 1;
        double[] curvature = new double[modes];
        double[] force = new double[modes];
        double[] noiseVar = new double[modes];
        double[] mean = new double[modes];
        double[] count = new double[modes];
        curvature[0] = riverCurvature;
        force[0] = riverForce;
        noiseVar[0] = variance[0];
        mean[0] = y[0] - offset;
        count[0] = 1;
        for (Map.Entry<Key, Integer> e : index.entrySet()) {
            int k = e.getValue();
            curvature[k] = e.getKey().curvature();
            noiseVar[k] = e.getKey().noise();
            mean[k] = e.getKey().start();
        }
        for (int m : modeOf) {
            count[m] += 1;
        }
        return new ModeSystem(curvature, force, noiseVar, mean, count, modeOf[valley.steepestHill()], river, offset);
    }

    private record Key(double curvature, double noise, double start) {
    }

    /** Noise variance per valley coordinate (0 = river). */
    private static double[] noiseVariances(NoiseModel noise, double riverCurvature, StraightValley valley) {
        int d = valley.dimension();
        double[] v = new double[d];
        if (noise instanceof IsotropicNoise iso) {
            java.util.Arrays.fill(v, iso.sigma() * iso.sigma());
        } else if (noise instanceof HillNoise hill) {
            java.util.Arrays.fill(v, 1, d, hill.sigma() * hill.sigma());
        } else if (noise instanceof RiverNoise riverNoise) {
            v[0] = riverNoise.sigma() * riverNoise.sigma();
        } else if (noise instanceof CurvatureNoise curvatureNoise) {
            double invB = 1.0 / curvatureNoise.batchSize();
            v[0] = Math.max(riverCurvature, 0.0) * invB;
            for (int i = 1; i < d; i++) {
                v[i] = valley.hillCurvature(i - 1) * invB;
            }
        } else if (!(noise instanceof io.github.rivervalley.simulator.noise.NoNoise)) {
            throw new InvalidValueException("noise", noise, "none, isotropic, hill, river or curvature noise (the moment engine is exact only for those)");
        }
        return v;
    }

    /** Number of modes (river plus distinct hills). */
    public int modes() {
        return curvature.length;
    }

    /** The river profile. */
    public RiverProfile river() {
        return river;
    }

    @Override
    public String toString() {
        return "ModeSystem[river=" + river + ", " + (modes() - 1) + " distinct hill modes]";
    }
}
