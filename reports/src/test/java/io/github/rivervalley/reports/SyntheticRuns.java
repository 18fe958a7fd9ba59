package io.github.rivervalley.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.LongToDoubleFunction;
import org.hipparchus.special.Erf;

/**
 * Writes run directories in the engine's output format (trace.csv, summary.json, spec.yaml) from closed
 * forms, so that reports can be tested before and independently of the engine.
 *
 * <p>The model is SGD on a straight valley with one hill of curvature {@code lambda}, a linear river of
 * slope {@code slope} and noise of variance {@code noise} in the hill direction only. With LR
 * {@code eta_t}: the river coordinate advances by {@code slope * eta_t} per step (exact); the replica
 * mean of the hill coordinate follows GD, {@code m <- (1 - eta lambda) m}; its variance follows
 * {@code v <- (1 - eta lambda)^2 v + eta^2 noise} (docs/science.md section 4). The trace reports the exact
 * expectations: hill excess {@code lambda/2 (m^2 + v)}, hill distance the folded-normal mean, standard
 * errors for {@code replicas} Gaussian replicas.
 */
public final class SyntheticRuns {

    public static final double LAMBDA = 10.0;
    public static final double SLOPE = 0.05;
    public static final double NOISE = 4.0;
    public static final double H0 = 0.3;
    public static final int REPLICAS = 64;

    private SyntheticRuns() {
    }

    /** One line: name, parent, fork step, end step, the learning rate of update t and its phase (as the trace writes it). */
    public record LineDef(String name, String parent, long forkStep, long endStep, LongToDoubleFunction lr, LongFunction<String> phase) {
    }

    /** State of the closed-form model. */
    private static final class State {
        double x;
        double m = H0;
        double v;

        State copy() {
            State s = new State();
            s.x = x;
            s.m = m;
            s.v = v;
            return s;
        }

        void step(double eta) {
            x += SLOPE * eta;
            double a = 1 - eta * LAMBDA;
            m = a * m;
            v = a * a * v + eta * eta * NOISE;
        }
    }

    /**
     * A run read back with only checkpoints {budget, compute, loss, lossSe} on line {@code main} (river loss 0.9
     * and hill excess 0.1 of the loss) and no trace: for the box, the captions and the frontier.
     */
    public static RecordedRun checkpointsOnly(String name, String family, long seed, double[]... checkpoints) {
        List<RunSummary.CheckpointResult> cs = new ArrayList<>();
        for (double[] c : checkpoints) {
            cs.add(new RunSummary.CheckpointResult((long) c[0], "main", (long) c[0], (long) c[1], c[2], c[2] * 0.9, c[2] * 0.1, 1.0, c[3], 0));
        }
        RunSummary summary = new RunSummary(name, 4000, 16, seed, "straight-valley", family, 4000, List.of(), cs);
        SpecReader reader = SpecReader.instance();
        RunSpec spec = reader.bind(reader.readTree("name: " + name + "\nseed: " + seed + "\nsteps: 4000\n"
                + "landscape: {type: straight-valley, dimension: 2, hillCurvature: 10}\noptimizer: {type: sgd}\n"
                + "schedule: {type: " + family + ", peak: 0.1}\n", name), RunSpec.class);
        return new RecordedRun(Path.of(name), summary, "", Optional.of(spec), Optional.of(spec.schedule().build(spec.steps())), List.of());
    }

    /** A WSD schedule with warmup, peak and linear decays to {@code floor * peak} over {@code p * B}. */
    public static Path wsd(Path root, String name, long[] budgets, double peak, long warmup, double p, double floor) throws IOException {
        List<LineDef> lines = new ArrayList<>();
        long last = budgets[budgets.length - 1];
        lines.add(new LineDef("main", null, 0, last, t -> wsdRate(t, last, warmup, peak, p, floor), t -> wsdPhase(t, last, warmup, p)));
        for (int k = 0; k < budgets.length - 1; k++) {
            long b = budgets[k];
            lines.add(new LineDef("branch-" + b, "main", Math.round((1 - p) * b), b, t -> wsdRate(t, b, warmup, peak, p, floor),
                    t -> wsdPhase(t, b, warmup, p)));
        }
        List<long[]> checkpoints = new ArrayList<>();
        long spentBranches = 0;
        for (int k = 0; k < budgets.length; k++) {
            long decay = budgets[k] - Math.round((1 - p) * budgets[k]);
            spentBranches += decay;
            long compute = Math.round((1 - p) * budgets[k]) + spentBranches;
            checkpoints.add(new long[] {budgets[k], k == budgets.length - 1 ? 0 : k + 1, budgets[k], compute});
        }
        return write(root, name, "wsd", "{type: wsd, peak: " + peak + ", warmup: " + warmup + ", decayFraction: " + p + ", floor: " + floor,
                lines, checkpoints, budgets);
    }

    /** Cosine: one independent line per budget. */
    public static Path cosine(Path root, String name, long[] budgets, double peak, long warmup, double floor) throws IOException {
        List<LineDef> lines = new ArrayList<>();
        List<long[]> checkpoints = new ArrayList<>();
        long spent = 0;
        for (int k = 0; k < budgets.length; k++) {
            long b = budgets[k];
            lines.add(new LineDef("cosine-" + b, null, 0, b, t -> cosineRate(t, b, warmup, peak, floor), t -> t < warmup ? "warmup" : "decay"));
            spent += b;
            checkpoints.add(new long[] {b, k, b, spent});
        }
        return write(root, name, "cosine", "{type: cosine, peak: " + peak + ", warmup: " + warmup + ", floor: " + floor, lines, checkpoints, budgets);
    }

    /** Constant learning rate, one line. */
    public static Path constant(Path root, String name, long steps, double peak) throws IOException {
        List<LineDef> lines = List.of(new LineDef("main", null, 0, steps, t -> peak, t -> "stable"));
        return write(root, name, "constant", "{type: constant, peak: " + peak, lines, List.<long[]>of(new long[] {steps, 0, steps, steps}), new long[] {steps});
    }

    public static double wsdRate(long t, long budget, long warmup, double peak, double p, double floor) {
        if (t < warmup) {
            return peak * (t + 1) / warmup;
        }
        long decayStart = Math.round((1 - p) * budget);
        if (t < decayStart) {
            return peak;
        }
        long length = budget - decayStart;
        double u = length == 1 ? 1.0 : (double) (t - decayStart + 1) / length;
        return peak * (1 - (1 - floor) * u);
    }

    /** The phase of update t of WSD for {@code budget}: warmup, stable up to {@code round((1-p) budget)}, then decay. */
    public static String wsdPhase(long t, long budget, long warmup, double p) {
        return t < warmup ? "warmup" : t < Math.round((1 - p) * budget) ? "stable" : "decay";
    }

    public static double cosineRate(long t, long budget, long warmup, double peak, double floor) {
        if (t < warmup) {
            return peak * (t + 1) / warmup;
        }
        double u = (double) (t - warmup + 1) / (budget - warmup);
        return peak * (floor + (1 - floor) * (1 + Math.cos(Math.PI * u)) / 2);
    }

    /** Mean and moments of the decomposition for a state; order of {@link #COLUMNS}. */
    static double[] row(State s, double eta) {
        double sd = Math.sqrt(s.v);
        double river = -SLOPE * s.x;
        double secondMoment = s.m * s.m + s.v;
        double hill = LAMBDA / 2 * secondMoment;
        double hillVar = LAMBDA * LAMBDA / 4 * (2 * s.v * s.v + 4 * s.m * s.m * s.v);
        double hillSe = Math.sqrt(hillVar / REPLICAS);
        double dist = sd == 0 ? Math.abs(s.m)
                : sd * Math.sqrt(2 / Math.PI) * Math.exp(-s.m * s.m / (2 * s.v)) + s.m * Erf.erf(s.m / (sd * Math.sqrt(2)));
        double gradNorm = Math.sqrt(SLOPE * SLOPE + LAMBDA * LAMBDA * secondMoment);
        return new double[] {eta, river + hill, river, hill, s.x, dist, gradNorm, s.m, hillSe, hillSe, 0.0, LAMBDA};
    }

    static final String COLUMNS = "line,step,lr,loss,river_loss,hill_excess,river_coord,hill_dist,grad_norm,hill_disp,loss_se,hill_excess_se,river_loss_se,sharpness,phase";

    /** {@code schedule} is the spec's schedule block up to its budgets, e.g. {@code "{type: constant, peak: 0.1"}. */
    private static Path write(Path root, String name, String family, String schedule, List<LineDef> lines,
            List<long[]> checkpointDefs, long[] budgets) throws IOException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        List<RunSummary.LineResult> results = new ArrayList<>();
        long total = 0;
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("trace.csv"), StandardCharsets.UTF_8)) {
            out.write(COLUMNS);
            out.write('\n');
            List<State> mainHistory = new ArrayList<>();
            for (LineDef line : lines) {
                State s;
                if (line.parent() == null) {
                    s = new State();
                } else {
                    s = mainHistory.get((int) line.forkStep()).copy();
                }
                for (long t = line.forkStep(); t <= line.endStep(); t++) {
                    // The row of step t carries the rate of the update that produced it (step 0: the first update's).
                    double eta = line.lr().applyAsDouble(Math.max(0, t - 1));
                    if (line == lines.get(0)) {
                        mainHistory.add(s.copy());
                    }
                    double[] v = row(s, eta);
                    out.write(line.name());
                    out.write(',');
                    out.write(Long.toString(t));
                    for (int c = 0; c < v.length; c++) {
                        out.write(',');
                        boolean sharpnessRow = c == v.length - 1;
                        if (!sharpnessRow || t % 10 == 0) {
                            out.write(Double.toString(v[c]));
                        }
                    }
                    out.write(',');
                    out.write(line.phase().apply(Math.max(0, t - 1)));
                    out.write('\n');
                    if (t < line.endStep()) {
                        s.step(line.lr().applyAsDouble(t));
                    }
                }
                total += line.endStep() - line.forkStep();
                double[] v = row(s, 0);
                results.add(new RunSummary.LineResult(line.name(), line.parent(), line.forkStep(), line.endStep(),
                        v[1], v[2], v[3], v[4], v[5], 0, null));
            }
        }
        List<RunSummary.CheckpointResult> checkpoints = new ArrayList<>();
        for (long[] c : checkpointDefs) {
            RunSummary.LineResult r = results.get((int) c[1]);
            checkpoints.add(new RunSummary.CheckpointResult(c[0], r.name(), c[2], c[3], r.loss(), r.riverLoss(), r.hillExcess(), r.riverCoord(), 0.0, 0));
        }
        RunSummary summary = new RunSummary(name, budgets[budgets.length - 1], REPLICAS, 1L,
                "straight-valley(d=2, lambda=" + LAMBDA + ", linear river slope " + SLOPE + ")", family, total, results, checkpoints);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("summary.json").toFile(), summary);
        StringBuilder budgetList = new StringBuilder();
        for (long b : budgets) {
            budgetList.append(budgetList.length() == 0 ? "" : ", ").append(b);
        }
        String spec = "name: " + name + "\n"
                + "seed: 1\n"
                + "steps: " + budgets[budgets.length - 1] + "\n"
                + "replicas: " + REPLICAS + "\n"
                + "landscape:\n  type: straight-valley\n  dimension: 2\n  hillCurvature: " + LAMBDA + "\n"
                + "  river: {type: linear, slope: " + SLOPE + "}\n"
                + "optimizer: {type: sgd}\n"
                + "noise: {type: hill, sigma: " + Math.sqrt(NOISE) + "}\n"
                + "schedule: " + schedule + ", budgets: [" + budgetList + "]}\n"
                + "# <script>alert('x')</script> & friends\n";
        Files.writeString(dir.resolve("spec.yaml"), spec, StandardCharsets.UTF_8);
        return dir;
    }
}
