package io.github.rivervalley.landscapes.analytic;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Short factories for the analytic valleys (handy in jshell) and a registry of representative examples,
 * one per family and variant, that tests iterate over.
 */
public final class Landscapes {

    private Landscapes() {
    }

    /** A straight valley with an endless linear river of slope 1 and the given hill curvatures. */
    public static StraightValley straight(double... hillCurvatures) {
        return new StraightValley(new RiverProfile.Linear(1.0), hillCurvatures);
    }

    /** A 2-D curved valley with a linear river of slope 1. */
    public static CurvedValley curved(double hillCurvature, double amplitude, double wavenumber) {
        return new CurvedValley(new RiverProfile.Linear(1.0), hillCurvature, amplitude, wavenumber);
    }

    /** A straight valley with a linear river of slope 1 and geometric hills, seen through a random rotation. */
    public static RotatedValley rotated(int dimension, double maxCurvature, double minCurvature, long seed) {
        if (dimension < 2) {
            throw new InvalidValueException("dimension", dimension, "a whole number >= 2 (the river and at least one hill)");
        }
        return new RotatedValley(straight(HillSpectrum.geometric(maxCurvature, minCurvature, dimension - 1)), seed);
    }

    /**
     * One representative of every analytic family and variant, by name: each river profile, each hill
     * spread, curved valleys with and without extra hills (and with a flat river and with zero
     * amplitude), rotated valleys. Dimensions are small so that dense checks are cheap.
     */
    public static Map<String, AnalyticValley> examples() {
        Map<String, AnalyticValley> out = new LinkedHashMap<>();
        RiverProfile linear = new RiverProfile.Linear(1.0);
        RiverProfile quadratic = new RiverProfile.Quadratic(0.5, 2.0);
        RiverProfile softplus = new RiverProfile.Softplus(1.5);
        out.put("straight-linear-constant", new StraightValley(linear, HillSpectrum.constant(10.0, 3)));
        out.put("straight-quadratic-geometric", new StraightValley(quadratic, HillSpectrum.geometric(100.0, 1.0, 4)));
        out.put("straight-softplus-power-law", new StraightValley(softplus, HillSpectrum.powerLaw(50.0, 1.0, 5)));
        out.put("straight-2d", new StraightValley(linear, new double[] {4.0}));
        out.put("curved-linear", new CurvedValley(linear, 20.0, 0.8, 1.3));
        out.put("curved-flat-river", new CurvedValley(new RiverProfile.Linear(0.0), 20.0, 0.8, 1.3));
        out.put("curved-quadratic-extra-hills", new CurvedValley(quadratic, 30.0, 0.5, 2.0, new double[] {50.0, 5.0}));
        out.put("curved-softplus", new CurvedValley(softplus, 10.0, -1.2, 0.7));
        out.put("curved-zero-amplitude", new CurvedValley(linear, 10.0, 0.0, 1.0, new double[] {3.0}));
        out.put("rotated-linear-geometric", new RotatedValley(new StraightValley(linear, HillSpectrum.geometric(100.0, 0.1, 7)), 42L));
        out.put("rotated-softplus-power-law", new RotatedValley(new StraightValley(softplus, HillSpectrum.powerLaw(20.0, 0.5, 5)), 7L));
        out.put("rotated-quadratic-constant", new RotatedValley(new StraightValley(quadratic, HillSpectrum.constant(8.0, 3)), -3L));
        return Collections.unmodifiableMap(out);
    }
}
