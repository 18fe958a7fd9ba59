package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.fit.Curve;
import io.github.rivervalley.simulator.fit.CurveCsv;
import io.github.rivervalley.simulator.fit.CurveSource;
import io.github.rivervalley.simulator.fit.Fit;
import io.github.rivervalley.simulator.fit.FitFile;
import io.github.rivervalley.simulator.fit.RiverValleyLaw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rivervalley fit} and {@code predict} end to end on curves with a known law, and on bad input. */
class FitCommandTest {

    static final double[] TRUTH = {2.5, 0.3, 0.6, 0.08, 40};

    private static Path schedule(Path dir, String name, String block) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), "steps: 3000\nschedule: " + block + "\n");
    }

    /** A CSV of the law's noise-free loss every 20 steps from step 200 under {@code schedule}. */
    private static Path curve(Path dir, String name, Path schedule, RiverValleyLaw law) throws IOException {
        double[] rates = CurveSource.scheduleRates(schedule, "main");
        long[] steps = new long[140];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 220 + 20L * i;
        }
        double[] loss = new double[steps.length];
        law.predict(TRUTH, Curve.ofSchedule(name, steps, rates), loss, null);
        StringBuilder csv = new StringBuilder("step,loss\n");
        for (int i = 0; i < steps.length; i++) {
            csv.append(steps[i]).append(',').append(loss[i]).append('\n');
        }
        return Files.writeString(dir.resolve(name + ".csv"), csv);
    }

    @Test
    void fitsRecoversAndPredicts(@TempDir Path dir) throws IOException {
        Path cosine = schedule(dir, "cosine", "{type: cosine, peak: 0.01, warmup: 100, floor: 0.1}");
        Path twoStage = schedule(dir, "two-stage", "{type: piecewise, peak: 0.01, phases: [{kind: warmup, steps: 100},"
                + " {kind: constant, end: 1500}, {kind: constant, end: 3000, level: 0.3}]}");
        Path wsdS = schedule(dir, "wsd-s", "{type: wsd-s, peak: 0.01, warmup: 100, floor: 0.1, decayFraction: 0.2, budgets: [1500, 3000]}");
        // the law the command builds for these curves: peak 0.01, reference time the middle of the rows' intrinsic times
        RiverValleyLaw shape = new RiverValleyLaw(0.01, 1, 1, false, false);
        Path a = curve(dir, "a", cosine, shape);
        Path b = curve(dir, "b", twoStage, shape);
        // the reference time changes A's meaning only: generate with the law the fit will use
        RiverValleyLaw law = shape.referencedTo(List.of(CurveSource.load(a, cosine, io.github.rivervalley.simulator.fit.CurveCsv.Columns.DEFAULT, null, new java.util.ArrayList<>()),
                CurveSource.load(b, twoStage, io.github.rivervalley.simulator.fit.CurveCsv.Columns.DEFAULT, null, new java.util.ArrayList<>())));
        a = curve(dir, "a", cosine, law);
        b = curve(dir, "b", twoStage, law);
        Path out = dir.resolve("fit");
        CliRun fit = CliRun.execute("fit", a + "=" + cosine, b + "=" + twoStage, "--law", "river-valley", "--hill-modes", "1",
                "--starts", "8", "--out", out.toString());
        assertEquals(0, fit.exit(), fit.err());
        assertTrue(fit.out().contains("river-valley"), fit.out());
        assertTrue(Files.isRegularFile(out.resolve("report/index.html")));
        Fit read = FitFile.read(out.resolve("fit.json")).get(0);
        for (int k = 0; k < TRUTH.length; k++) {
            // noise-free curves: the fit recovers the law to 1e-6 (the self-recovery bar of the library tests)
            assertEquals(TRUTH[k], read.theta()[k], 1e-6 * TRUTH[k], "parameter " + k);
        }
        Path pred = dir.resolve("pred.csv");
        Path valley = dir.resolve("valley.yaml");
        CliRun predict = CliRun.execute("predict", out.resolve("fit.json").toString(), wsdS.toString(), "--out", pred.toString(),
                "--every", "10", "--run-spec", valley.toString());
        assertEquals(0, predict.exit(), predict.err());
        List<String> rows = Files.readAllLines(pred);
        assertEquals("step,lr,loss_river_valley,river_loss,hill_excess", rows.get(0));
        double[] rates = CurveSource.scheduleRates(wsdS, "main");
        int n = rates.length / 10;
        assertEquals(n, rows.size() - 1, "a row every 10 steps of the " + rates.length + "-step WSD-S line");
        long[] steps = new long[n];
        for (int i = 0; i < n; i++) {
            steps[i] = 10L * (i + 1);
        }
        double[] expected = new double[n];
        law.predict(TRUTH, Curve.ofSchedule("wsd-s", steps, rates), expected, null);
        for (int i = 0; i < n; i++) {
            String[] cells = rows.get(i + 1).split(",");
            double predicted = Double.parseDouble(cells[2]);
            assertEquals(expected[i], predicted, 1e-6 * expected[i], "row " + (i + 1));
            assertEquals(predicted, Double.parseDouble(cells[3]) + Double.parseDouble(cells[4]), 1e-12, "river + hill = loss");
        }
        assertTrue(Files.readString(valley).contains("type: \"power\"") || Files.readString(valley).contains("type: power"),
                Files.readString(valley));
    }

    @Test
    void badCurveExitsTwoNamingFileRowAndColumn(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "step,lr,loss\n10,0.1,3\n20,0.1,-1\n");
        Path out = dir.resolve("fit");
        CliRun run = CliRun.execute("fit", csv.toString(), "--out", out.toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains(csv + " row 3 column 'loss'"), run.err());
        assertFalse(Files.exists(out.resolve("fit.json")), "nothing written");
    }

    @Test
    void fitsTheSimulatorsOwnTrace(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("sgd.yaml"), "name: sgd\nseed: 1\nsteps: 1500\nreplicas: 256\n"
                + "landscape: {type: straight-valley, dimension: 3, hillCurvature: 0.5, river: {type: softplus, slope: 1}}\n"
                + "start: [2, 0, 0]\noptimizer: {type: sgd}\nnoise: {type: hill, sigma: 0.1}\n"
                + "schedule: {type: wsd, peak: 0.1, warmup: 50, floor: 0.1, decayFraction: 0.2, budgets: [1500]}\nrecord: {every: 1}\n");
        assertEquals(0, CliRun.execute("run", spec.toString(), "--out", dir.resolve("runs").toString(), "--threads", "1").exit());
        Path trace = dir.resolve("runs/sgd/trace.csv");
        CliRun fit = CliRun.execute("fit", trace.toString(), "--line", "branch-1500", "--law", "river-valley", "--hill-modes", "1",
                "--starts", "8", "--min-step", "300", "--no-report", "--out", dir.resolve("fit").toString());
        assertEquals(0, fit.exit(), fit.err());
        assertFalse(fit.err().contains("too sparse"), "rows every step: the rates are rebuilt exactly; " + fit.err());
        Fit read = FitFile.read(dir.resolve("fit/fit.json")).get(0);
        // the branch's path: main's rows up to the fork at 1200, then the branch's; from step 300, one row per step
        assertEquals(1201, read.rows(), read.toString());
        Curve curve = CurveSource.load(trace, null, new CurveCsv.Columns(null, null, null, "branch-1500"), null, new java.util.ArrayList<>())
                .from(300);
        double[] predicted = read.predict(curve);
        double worst = 0;
        for (int i = 0; i < curve.size(); i++) {
            worst = Math.max(worst, Math.abs(predicted[i] / curve.loss()[i] - 1));
        }
        // one WSD curve: the fit follows it closely (which parameters it pins down is the ground-truth test's subject)
        assertTrue(worst < 0.02, "worst relative error " + worst);
    }
}
