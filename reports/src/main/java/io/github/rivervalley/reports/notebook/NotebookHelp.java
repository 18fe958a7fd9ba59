package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.simulator.spec.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of {@code help()} and {@code help("name")} in a notebook: every factory of {@link Notebook}
 * with its forms and what it gives. A test checks that every public method of {@link Notebook} is listed
 * here, so the help cannot fall behind the API.
 */
public final class NotebookHelp {

    /** One factory: its group, its call forms and what it does. */
    record Entry(String group, String name, List<String> forms, String what) {
    }

    /** Width of the overview's lines. */
    private static final int WIDTH = 110;

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    private static void add(String group, String name, String what, String... forms) {
        ENTRIES.put(name, new Entry(group, name, List.of(forms), what));
    }

    static {
        add("landscapes", "curvedValley", "2-D winding valley r(x) + (lambda/2)(y - A sin(k x))^2; default lambda 10, A 0.5, k 1, linear river of slope 1.",
                "curvedValley()", "curvedValley(lambda)", "curvedValley(lambda, amplitude, wavenumber)", "curvedValley(river, lambda, amplitude, wavenumber)");
        add("landscapes", "straightValley", "Straight valley: a river along x0 and one quadratic hill per curvature (linear river of slope 1 unless given).",
                "straightValley(l1, l2, ...)", "straightValley(river, l1, l2, ...)");
        add("landscapes", "rotatedValley", "A straight valley seen through a random rotation (GD does not care, Adam does).",
                "rotatedValley(dimension, maxCurvature, minCurvature)", "rotatedValley(straightValley(...), seed)");
        add("landscapes", "linearRiver", "River profile -slope * c: an endless river.", "linearRiver(slope)");
        add("landscapes", "softplusRiver", "River profile slope * log(1 + e^-c): falls ever more slowly, like a language-model loss.", "softplusRiver(slope)");
        add("landscapes", "quadraticRiver", "River profile (curvature/2)(c - minimum)^2: a river with an end.", "quadraticRiver(curvature, minimum)");
        add("landscapes", "sharpness", "Top Hessian eigenvalue at a point; GD at rate eta is stable there below 2/eta.", "sharpness(landscape, x0, x1, ...)");
        add("bigram", "bigrams", "Synthetic bigram data: half deterministic tokens (rivers), the rest uncertain (hills); vocabulary a multiple of 8.",
                "bigrams(vocabulary)", "bigrams(vocabulary, seed)");
        add("bigram", "tabular", "Tabular bigram model: one logit row per token (a landscape with an exact decomposition).", "tabular(bigrams(64))");
        add("bigram", "factored", "Factored bigram model with embedding size k (non-convex).", "factored(bigrams(64), k)");
        add("bigram", "minibatch", "Minibatch sampling noise for bigram models.", "minibatch(batchSize)");
        add("schedules", "budgets", "Checkpoint budgets for the budgeted schedules.", "budgets(1000, 2000, 4000)");
        add("schedules", "constant", "Constant learning rate (no warmup).", "constant(peak, steps)", "constant(peak, budgets(...))");
        add("schedules", "cosine", "Cosine from the peak to 0.1x the peak; with budgets, one independent run per budget.",
                "cosine(peak, steps)", "cosine(peak, budgets(...))");
        add("schedules", "wsd", "Warmup-stable-decay: the peak, then a linear decay to 0.1x over the last decayFraction of each budget; "
                + "with several budgets, one main line at the peak and one decay branch per budget.",
                "wsd(peak, steps, decayFraction)", "wsd(peak, decayFraction, budgets(...))");
        add("schedules", "wsdS", "WSD-S: one line; each decay is followed by training from the decayed iterate at the peak again.",
                "wsdS(peak, decayFraction, budgets(...))");
        add("schedules", "cyclicCosine", "One line of cosine cycles ending at each budget, each re-warmed to the peak.",
                "cyclicCosine(peak, decayFraction, budgets(...))");
        add("optimizers", "gd", "Gradient descent on exact gradients (with noise it is SGD, and run(...) says so).", "gd()");
        add("optimizers", "sgd", "Stochastic gradient descent: needs a noise model.", "sgd()");
        add("optimizers", "momentum", "Heavy-ball momentum 0.9.", "momentum()");
        add("optimizers", "nesterov", "Nesterov momentum 0.9.", "nesterov()");
        add("optimizers", "adam", "Adam (beta1 0.9, beta2 0.999, bias correction).", "adam()");
        add("optimizers", "adamw", "AdamW with decoupled weight decay.", "adamw(weightDecay)");
        add("noise", "noNoise", "Exact gradients.", "noNoise()");
        add("noise", "isotropic", "Gaussian gradient noise sigma^2 I.", "isotropic(sigma)");
        add("noise", "hillNoise", "Noise only across the valley (the paper's mechanism).", "hillNoise(sigma)");
        add("noise", "riverNoise", "Noise only along the river.", "riverNoise(sigma)");
        add("noise", "curvatureNoise", "Noise with covariance H / batchSize (Fisher-like).", "curvatureNoise(batchSize)");
        add("record", "every", "Record every n steps (use 1 to see a period-2 oscillation).", "every(n)");
        add("record", "everyWithSharpness", "Record every n steps and the sharpness (top Hessian eigenvalue) on those rows.", "everyWithSharpness(n)");
        add("record", "everyWithPreconditionedSharpness", "As everyWithSharpness, plus Adam's preconditioned sharpness.",
                "everyWithPreconditionedSharpness(n)");
        add("runs", "setup", "A run to tweak: .withNoise(..), .withReplicas(64), .withSeed(s), .withStart(x...), .withRecord(every(10)).",
                "setup(landscape, schedule, optimizer)");
        add("runs", "named", "The same run under another name (labels tables and charts).", "named(run, \"name\")");
        add("runs", "run", "Runs it; with noise and no count, " + Notebook.DEFAULT_REPLICAS + " replicas (it prints a note when it changes "
                + "what you asked for).", "run(landscape, schedule, optimizer)", "run(landscape, schedule, optimizer, noise)",
                "run(landscape, schedule, optimizer, noise, replicas)", "run(setup(...))");
        add("runs", "expected", "The exact expected values (what infinitely many replicas average to), from the moment engine; "
                + "straight and rotated valleys with a linear or quadratic river, gd, sgd, momentum, nesterov.",
                "expected(landscape, schedule, optimizer)", "expected(landscape, schedule, optimizer, noise)", "expected(setup(...))");
        add("runs", "optimize", "The best schedule for the run's budget and peak from the exact expected loss (free form, then "
                + "checked against the best WSD, cosine and constant); on a fit, the same for the law's predicted loss. "
                + "o.rates(), o.yaml() give the schedule.",
                "optimize(setup(...), warmup)", "optimize(fitLaw(\"river-valley\", c1, c2), steps, peak, warmup)");
        add("loss curves", "curve", "A measured loss curve from CSV (step, lr, loss) with the schedule spec that produced it.",
                "curve(\"curve.csv\", \"schedule.yaml\")");
        add("loss curves", "fitLaw", "Fits a loss-curve law (river-valley, mpl, mtl) to curves together and prints the fit.",
                "fitLaw(\"river-valley\", c1, c2, ...)");
        add("loss curves", "protocol", "Runs a fitting protocol file with every law it lists; prints the error table.", "protocol(\"protocol.yaml\")");
        add("loss curves", "predict", "The loss a fit predicts after every step of a schedule spec's main line.", "predict(fit, \"schedule.yaml\")");
        add("look", "table", "The trace at the recorded steps nearest to the given ones.", "table(r, 0, 500, 1000)");
        add("look", "sparkline", "A curve in one line of text.", "sparkline(r, \"loss\")", "sparkline(values...)");
        add("look", "plot", "A text plot of columns (or of y against x).", "plot(r, \"loss\", \"river_loss\")", "plot(xs, ys)");
        add("look", "compare", "Final loss, river loss, hill excess and divergence of several runs side by side.", "compare(r1, r2, ...)");
        add("charts", "lossChart", "Loss of several runs.", "lossChart(r1, r2, ...)");
        add("charts", "chart", "Any trace column of several runs.", "chart(\"river_loss\", r1, r2, ...)");
        add("charts", "decompositionChart", "Loss = river loss + hill excess of one run (log scale with true).",
                "decompositionChart(r)", "decompositionChart(r, true)");
        add("charts", "sharpnessChart", "Sharpness against 2 / learning rate (needs everyWithSharpness).", "sharpnessChart(r)");
        add("charts", "frontierChart", "Loss at each checkpoint against the compute spent.", "frontierChart(r1, r2, ...)");
        add("charts", "scheduleChart", "Learning rate of every line, phases and checkpoints marked.", "scheduleChart(r)");
        add("charts", "trajectoryChart", "The iterate's path across the valley.", "trajectoryChart(r)");
        add("charts", "riverAndHillChart", "River coordinate and distance from the floor against step.", "riverAndHillChart(r)");
        add("charts", "lines", "Your own line chart.", "lines(title, xLabel, yLabel, series(name, xs, ys), ...)");
        add("charts", "rateLines", "Your own line chart of learning rates (ticks 0, 1e-4, 3e-4).", "rateLines(title, xLabel, series(name, steps, rates), ...)");
        add("charts", "logLines", "Your own line chart, log y axis.", "logLines(title, xLabel, yLabel, series(...), ...)");
        add("charts", "charts", "Every report chart that applies to a result, by name: charts(r).forEach((name, c) -> save(c, name)).",
                "charts(r)");
        add("charts", "series", "One series for lines(...) and logLines(...).", "series(name, xs, ys)");
        add("charts", "save", "Writes a chart as PNG, 2x PNG, SVG and PDF and prints where.", "save(chart, \"name\")");
        add("charts", "outDir", "Where save(...) writes.", "outDir()");
        add("help", "help", "This list, or one factory explained.", "help()", "help(\"wsd\")");
    }

    private NotebookHelp() {
    }

    /** The names listed, in order. */
    static List<String> names() {
        return new ArrayList<>(ENTRIES.keySet());
    }

    /** Every factory, one line per group. */
    public static String overview() {
        StringBuilder out = new StringBuilder("rivervalley notebook: build a run from parts, run it, look at it. help(\"name\") explains one.\n");
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Entry e : ENTRIES.values()) {
            groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e.forms().get(0));
        }
        groups.forEach((group, forms) -> {
            StringBuilder row = new StringBuilder(String.format("  %-12s", group));
            for (String form : forms) {
                if (row.length() > 14 && row.length() + 2 + form.length() > WIDTH) {
                    out.append(row).append('\n');
                    row.setLength(0);
                    row.append(" ".repeat(13));
                }
                row.append(row.length() > 13 && !row.toString().isBlank() ? "  " : " ").append(form);
            }
            out.append(row).append('\n');
        });
        out.append("  charts are written to ").append(NotebookCharts.outDir()).append('\n');
        return out.toString();
    }

    /** One factory explained: what it gives and every form; a close name is suggested for a typo. */
    public static String of(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            return "no notebook factory '" + name + "'" + Suggestions.closest(name, ENTRIES.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("")
                    + " help() lists them all.\n";
        }
        StringBuilder out = new StringBuilder(e.name()).append(" (").append(e.group()).append("): ").append(e.what()).append('\n');
        e.forms().forEach(f -> out.append("  ").append(f).append('\n'));
        return out.toString();
    }
}
