package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.reports.report.FitReport;
import io.github.rivervalley.simulator.fit.Curve;
import io.github.rivervalley.simulator.fit.CurveCsv;
import io.github.rivervalley.simulator.fit.CurveSource;
import io.github.rivervalley.simulator.fit.ErrorTable;
import io.github.rivervalley.simulator.fit.Fit;
import io.github.rivervalley.simulator.fit.Fitter;
import io.github.rivervalley.simulator.fit.Laws;
import io.github.rivervalley.simulator.fit.Protocol;
import io.github.rivervalley.simulator.fit.ProtocolResult;
import io.github.rivervalley.simulator.fit.RiverValleyLaw;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Notebook entry points for fitting real loss curves (the {@code fit} and {@code predict} commands):
 * {@code curve("run.csv", "schedule.yaml")}, {@code fitLaw("river-valley", c1, c2)},
 * {@code protocol("examples/loss-curves/protocol-25M.yaml")}, {@code predict(fit, "schedule.yaml")}.
 */
public final class LossCurves {

    private LossCurves() {
    }

    /** A curve from CSV ({@code step,lr,loss}) with the exact rates of a schedule spec (null: rebuilt from lr). */
    public static Curve curve(String csv, String schedule) {
        List<String> warnings = new ArrayList<>();
        Curve c = CurveSource.load(Path.of(csv), schedule == null ? null : Path.of(schedule), CurveCsv.Columns.DEFAULT, null, warnings);
        warnings.forEach(w -> System.out.println("warning: " + w));
        return c;
    }

    /** Fits {@code law} ({@code river-valley}, {@code mpl}, {@code mtl}) to the curves together; prints the fit. */
    public static Fit fitLaw(String law, Curve... curves) {
        List<Curve> list = List.of(curves);
        Fit fit = Fitter.fit(Laws.forCurves(law, list), list, Fitter.Options.DEFAULT);
        System.out.println(fit);
        return fit;
    }

    /** Runs a protocol file with every law it lists, prints the error table and writes the report under the notebook output. */
    public static ProtocolResult protocol(String file) {
        ProtocolResult r = Protocol.run(Path.of(file), null, RiverValleyLaw.DEFAULT_MODES, false, Fitter.Options.DEFAULT, new ArrayList<>());
        System.out.print(ErrorTable.text(r));
        System.out.println("saved " + FitReport.write(r, NotebookCharts.outDir().resolve("fit-" + r.name())));
        return r;
    }

    /** The loss {@code fit} predicts after every step of line {@code main} of a schedule spec. */
    public static double[] predict(Fit fit, String schedule) {
        double[] rates = CurveSource.scheduleRates(Path.of(schedule), "main");
        long[] steps = new long[rates.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i + 1;
        }
        return fit.predict(Curve.ofSchedule("prediction", steps, rates));
    }

    /**
     * The schedule of {@code steps} steps with the lowest final loss {@code fit} predicts (river-valley law or
     * MPL), rates at most {@code peak}, a linear warmup of {@code warmup} steps, never rising after it; beside
     * the best WSD, cosine and constant schedules.
     */
    public static Optimum optimize(Fit fit, long steps, double peak, long warmup) {
        return Optimum.of(fit, steps, peak, warmup);
    }
}
