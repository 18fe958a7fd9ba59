package io.github.rivervalley.simulator.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our law against the simulator, where the truth is known: SGD with hill noise on a straight valley
 * (softplus river, {@code HILLS} hills of curvature {@code LAMBDA}, noise variance {@code SIGMA^2}),
 * fitted on cosine, constant and two-stage runs, predicting WSD-S and cyclic-cosine runs.
 */
class GroundTruthTest {

    static final double PEAK = 0.1;
    static final double LAMBDA = 0.1;
    static final double SIGMA = 0.1;
    static final int HILLS = 4;
    static final int STEPS = 4000;
    static final int REPLICAS = 1024;

    /**
     * Rows before this step are left out: the river starts at the top of its softplus profile, where the
     * loss along it is not yet a power law in intrinsic time (as a real run's rows start after warmup).
     */
    static final int FIRST_ROW = 300;

    /** The exact stationary excess at the peak: per hill {@code eta s / (2 (2 - eta lambda))} (docs/science.md). */
    static final double EXCESS = HILLS * PEAK * SIGMA * SIGMA / (2 * (2 - PEAK * LAMBDA));

    /** The exact relaxation rate of the excess at the peak, per step: {@code 2 eta lambda} (our law's {@code 1/T}). */
    static final double RATE = 2 * PEAK * LAMBDA;

    static Fit fit;
    static List<Run> fitted = new ArrayList<>();
    static List<Run> predicted = new ArrayList<>();

    record Run(Curve curve, double[] river, double[] hill, double[] hillSe) {
    }

    static Run simulate(String name, String schedule) {
        String yaml = "name: " + name + "\nseed: 7\nsteps: " + STEPS + "\nreplicas: " + REPLICAS + "\n"
                + "landscape: {type: straight-valley, dimension: " + (HILLS + 1) + ", hillCurvature: " + LAMBDA + ", river: {type: softplus, slope: 1}}\n"
                + "start: [0" + ", 0".repeat(HILLS) + "]\noptimizer: {type: sgd}\nnoise: {type: hill, sigma: " + SIGMA + "}\n"
                + "schedule: " + schedule + "\nrecord: {every: 5}\n";
        SpecReader reader = SpecReader.instance();
        RunSpec spec = reader.read(yaml, name, RunSpec.class);
        Trace t = Simulation.trace(spec, 1);
        double[] step = t.column("main", "step");
        double[] loss = t.column("main", "loss");
        int skip = 0;
        while (step[skip] < FIRST_ROW) {
            skip++;
        }
        int n = step.length - skip;
        long[] steps = new long[n];
        double[] l = new double[n];
        double[] river = new double[n];
        double[] hill = new double[n];
        double[] rc = t.column("main", "river_loss");
        double[] hc = t.column("main", "hill_excess");
        double[] hs = t.column("main", "hill_excess_se");
        double[] hillSe = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = (long) step[i + skip];
            l[i] = loss[i + skip];
            river[i] = rc[i + skip];
            hill[i] = hc[i + skip];
            hillSe[i] = hs[i + skip];
        }
        double[] rates = CurveSource.rates(spec.schedule().build(spec.steps()), "main");
        return new Run(new Curve(name, steps, l, rates), river, hill, hillSe);
    }

    @BeforeAll
    static void fitOnThreeSchedules() {
        String warm = "peak: " + PEAK + ", warmup: 100";
        fitted.add(simulate("cosine", "{type: cosine, " + warm + ", floor: 0.1}"));
        fitted.add(simulate("constant", "{type: constant, " + warm + "}"));
        fitted.add(simulate("two-stage", "{type: piecewise, peak: " + PEAK + ", phases: [{kind: warmup, steps: 100}, {kind: constant, end: 2000},"
                + " {kind: constant, end: " + STEPS + ", level: 0.3}]}"));
        predicted.add(simulate("wsd-s", "{type: wsd-s, " + warm + ", floor: 0.1, decayFraction: 0.1, budgets: [1000, 2000, 4000]}"));
        predicted.add(simulate("cyclic-cosine", "{type: cyclic-cosine, " + warm + ", floor: 0.1, decayFraction: 0.1, rewarmup: 100,"
                + " budgets: [1000, 2000, 4000]}"));
        List<Curve> curves = fitted.stream().map(Run::curve).toList();
        // the softplus river's loss tends to 1 / (tau + tau0): the law's river with a time offset
        RiverValleyLaw law = new RiverValleyLaw(PEAK, 1, 1, false, true).referencedTo(curves);
        fit = Fitter.fit(law, curves, Fitter.Options.DEFAULT);
    }

    @Test
    void recoversTheStationaryHillExcessAndRelaxationRate() {
        // Monte Carlo: 1024 replicas x 4 hills, ~1000 rows each about one relaxation time apart: the fitted excess
        // carries ~0.1% noise; the remaining bias is the river's (softplus) departure from a pure power law
        HillReading hill = HillReading.of((RiverValleyLaw) fit.law(), fit.theta());
        System.out.printf("ground truth: excess %.6g (true %.6g), rate %.5f (true %.5f)%n", hill.stationaryExcess(), EXCESS,
                1 / hill.modes().get(0).relaxationSteps(), RATE);
        assertEquals(EXCESS, hill.stationaryExcess(), 0.02 * EXCESS, "stationary hill excess at the peak rate; " + fit);
        double rate = 1 / hill.modes().get(0).relaxationSteps();
        assertEquals(RATE, rate, 0.05 * RATE, "relaxation rate at the peak rate; " + fit);
    }

    @Test
    void lawAtTheTrueParametersIsTheSimulatorsExpectation() {
        RiverValleyLaw law = (RiverValleyLaw) fit.law();
        double[] truth = fit.theta().clone();
        truth[4] = EXCESS;
        truth[5] = 1 / RATE;
        double worst = 0;
        for (Run run : fitted) {
            double[] hill = law.decompose(truth, run.curve())[1];
            for (int i = 0; i < hill.length; i++) {
                worst = Math.max(worst, Math.abs(hill[i] - run.hill()[i]) / run.hillSe()[i]);
            }
        }
        // the exact expectation against 1024-replica means: every row within 5 standard errors
        assertTrue(worst < 5, "largest deviation " + worst + " standard errors");
    }

    @Test
    void riverHillSplitMatchesTheSimulatorsColumns() {
        for (Run run : fitted) {
            double[][] parts = fit.law().decompose(fit.theta(), run.curve());
            for (int i = 0; i < run.curve().size(); i++) {
                // 5 standard errors of the row's Monte Carlo mean (the largest of ~2000 rows is ~4) plus 2% of the
                // stationary excess for the fit's own error (the excess is recovered within 2%)
                double tol = 5 * run.hillSe()[i] + 0.02 * EXCESS;
                assertEquals(run.hill()[i], parts[1][i], tol, run.curve().name() + " hill at step " + run.curve().steps()[i]);
                assertEquals(run.river()[i], parts[0][i], tol, run.curve().name() + " river at step " + run.curve().steps()[i]);
            }
        }
    }

    @Test
    void predictsWsdSAndCyclicCosine() {
        for (Run run : predicted) {
            CurveErrors e = CurveErrors.of(run.curve(), fit.predict(run.curve()));
            System.out.printf("ground truth %s: PredE %.5f worst %.5f R2 %.5f%n", e.curve(), e.predE(), e.worstE(), e.r2());
            assertTrue(e.predE() < 0.005, "the issue's goal PredE < 0.5%: " + e);
        }
    }
}
