package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.data.SyntheticBigrams;
import io.github.rivervalley.bigram.model.FactoredModel;
import io.github.rivervalley.bigram.model.MinibatchNoise;
import io.github.rivervalley.bigram.model.TabularModel;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.CurvedValley;
import io.github.rivervalley.landscapes.analytic.Landscapes;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.RotatedValley;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.spectral.Sharpness;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.noise.NoNoise;
import io.github.rivervalley.simulator.noise.NoiseModel;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.GradientDescent;
import io.github.rivervalley.simulator.optim.Optimizer;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import io.github.rivervalley.simulator.spec.RecordSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The notebook API: static imports of this class, {@link NotebookCharts} and {@link NotebookText}
 * ({@code import static ...notebook.Notebook.*;} and the like, as {@code startup.jsh} does) give short
 * factories with sensible defaults for every part of a simulation, a way to run it (here), charts and
 * terminal views of the result (there). Every factory delegates to the library's own ({@code Landscapes},
 * {@code Schedules}, {@code Optimizers}, {@code Noises}); nothing here re-implements the science.
 *
 * <pre>{@code
 * var r = run(curvedValley(), wsd(0.05, 2000, 0.2), sgd(), isotropic(1.0));
 * r                                  // loss, river loss, hill excess, divergence at the last checkpoint
 * r.table(8)                         // eight rows of the trace
 * sparkline(r, "loss")               // the loss curve in one line of text
 * save(decompositionChart(r), "wsd") // PNG under notebooks/out/, path printed
 * }</pre>
 *
 * Schedules start at the peak (no warmup) and decay to the paper's floor, 0.1x the peak, unless a
 * full {@code Schedules} factory is used instead.
 */
public final class Notebook {

    /** Replicas of a noisy run when none are given. */
    public static final int DEFAULT_REPLICAS = 16;

    private Notebook() {
    }

    // ------------------------------------------------------------------ landscapes

    /** A 2-D curved valley with wall curvature 10, floor {@code y = 0.5 sin x} and a linear river of slope 1. */
    public static CurvedValley curvedValley() {
        return NotebookError.readable("curvedValley", () -> curvedValley(10.0));
    }

    /** A 2-D curved valley with wall curvature {@code lambda}, floor {@code y = 0.5 sin x}, linear river of slope 1. */
    public static CurvedValley curvedValley(double lambda) {
        return NotebookError.readable("curvedValley", () -> Landscapes.curved(lambda, 0.5, 1.0));
    }

    /** A 2-D curved valley {@code r(x) + (lambda/2)(y - A sin(k x))^2} with a linear river of slope 1. */
    public static CurvedValley curvedValley(double lambda, double amplitude, double wavenumber) {
        return NotebookError.readable("curvedValley", () -> Landscapes.curved(lambda, amplitude, wavenumber));
    }

    /** A 2-D curved valley with the given river profile. */
    public static CurvedValley curvedValley(RiverProfile river, double lambda, double amplitude, double wavenumber) {
        return NotebookError.readable("curvedValley", () -> new CurvedValley(river, lambda, amplitude, wavenumber));
    }

    /** A straight valley with a linear river of slope 1 and one hill per curvature. */
    public static StraightValley straightValley(double... lambdas) {
        return NotebookError.readable("straightValley", () -> Landscapes.straight(lambdas));
    }

    /** A straight valley with the given river profile and one hill per curvature. */
    public static StraightValley straightValley(RiverProfile river, double... lambdas) {
        return NotebookError.readable("straightValley", () -> new StraightValley(river, lambdas));
    }

    /** A {@code dimension}-D straight valley with geometric hill curvatures, seen through a random rotation. */
    public static RotatedValley rotatedValley(int dimension, double maxCurvature, double minCurvature) {
        return NotebookError.readable("rotatedValley", () -> Landscapes.rotated(dimension, maxCurvature, minCurvature, 1L));
    }

    /** A straight valley seen through the random rotation drawn from {@code seed}. */
    public static RotatedValley rotatedValley(StraightValley valley, long seed) {
        return NotebookError.readable("rotatedValley", () -> new RotatedValley(valley, seed));
    }

    /** River {@code r(c) = -slope c}: an endless river, constant progress per unit of learning rate. */
    public static RiverProfile linearRiver(double slope) {
        return NotebookError.readable("linearRiver", () -> new RiverProfile.Linear(slope));
    }

    /** River {@code r(c) = slope log(1 + e^{-c})}: falls ever more slowly, like a language-model loss. */
    public static RiverProfile softplusRiver(double slope) {
        return NotebookError.readable("softplusRiver", () -> new RiverProfile.Softplus(slope));
    }

    /** River {@code r(c) = (curvature/2)(c - minimum)^2}: a river with an end. */
    public static RiverProfile quadraticRiver(double curvature, double minimum) {
        return NotebookError.readable("quadraticRiver", () -> new RiverProfile.Quadratic(curvature, minimum));
    }

    /** Top Hessian eigenvalue of {@code landscape} at {@code x}: GD at learning rate eta is stable there when it is below {@code 2/eta}. */
    public static double sharpness(Landscape landscape, double... x) {
        return NotebookError.readable("sharpness", () -> Sharpness.of(landscape, x));
    }

    /**
     * Synthetic bigram data in the spirit of the paper, seed 1: {@code vocabulary} tokens with uniform
     * frequencies, half deterministic ({@code det}), the rest uniform over 2, 4, 8 or 16 successors
     * ({@code k2} .. {@code k16}). The vocabulary must be a multiple of 8, at least 16.
     */
    public static BigramData bigrams(int vocabulary) {
        return NotebookError.readable("bigrams", () -> bigrams(vocabulary, 1L));
    }

    /** The same with another seed. */
    public static BigramData bigrams(int vocabulary, long seed) {
        return NotebookError.readable("bigrams", () -> SyntheticBigrams.paperLike(vocabulary, seed));
    }

    /** The tabular softmax model (one row of logits per token, starting at zeros) as a landscape. */
    public static TabularModel tabular(BigramData data) {
        return NotebookError.readable("tabular", () -> new TabularModel(data));
    }

    /** The factored model {@code logits = E[x] U^T + b} with embedding size {@code k}, seed 1 and the default initial scale. */
    public static FactoredModel factored(BigramData data, int embedding) {
        return NotebookError.readable("factored", () -> new FactoredModel(data, embedding, null, 1L));
    }

    /** True minibatch noise for bigram landscapes: each step samples {@code batchSize} (token, next token) pairs. */
    public static NoiseModel minibatch(int batchSize) {
        return NotebookError.readable("minibatch", () -> new MinibatchNoise(batchSize));
    }

    // ------------------------------------------------------------------ schedules

    /** Budgets (step counts) for the multi-budget schedule factories: {@code wsd(0.1, 0.1, budgets(1000, 2000))}. */
    public static long[] budgets(long... steps) {
        return steps.clone();
    }

    /** The peak learning rate for all {@code steps}. */
    public static NamedSchedule constant(double peak, long steps) {
        return NotebookError.readable("constant", () -> named("constant(peak=" + peak + ", steps=" + steps + ")",
                Schedules.constant(peak, 0, WarmupShape.LINEAR, steps)));
    }

    /** The peak for {@code steps}, with one checkpoint per budget on the same line. */
    public static NamedSchedule constant(double peak, long[] budgets) {
        return NotebookError.readable("constant", () -> named("constant(peak=" + peak + ", budgets=" + Arrays.toString(budgets) + ")",
                Schedules.constant(peak, 0, WarmupShape.LINEAR, budgets)));
    }

    /** Cosine from the peak to 0.1x the peak over {@code steps}. */
    public static NamedSchedule cosine(double peak, long steps) {
        return NotebookError.readable("cosine", () -> named("cosine(peak=" + peak + ", steps=" + steps + ")", Schedules.cosine(peak, 0, steps)));
    }

    /** One independent cosine run per budget (each pays its own compute). */
    public static NamedSchedule cosine(double peak, long[] budgets) {
        return NotebookError.readable("cosine", () -> named("cosine(peak=" + peak + ", budgets=" + Arrays.toString(budgets) + ")", Schedules.cosine(peak, 0, budgets)));
    }

    /** WSD over {@code steps}: the peak, then a linear decay to 0.1x over the last {@code decayFraction} of the steps. */
    public static NamedSchedule wsd(double peak, long steps, double decayFraction) {
        return NotebookError.readable("wsd", () -> wsd(peak, decayFraction, new long[] {steps}));
    }

    /** WSD for several budgets: one constant main line and a decay branch forked off it per budget. */
    public static NamedSchedule wsd(double peak, double decayFraction, long[] budgets) {
        return NotebookError.readable("wsd", () -> named("wsd(peak=" + peak + ", p=" + decayFraction + ", budgets=" + Arrays.toString(budgets) + ")",
                Schedules.wsd(peak, 0, WarmupShape.LINEAR, decayFraction, Schedules.PAPER_FLOOR, DecayShape.LINEAR, budgets)));
    }

    /** WSD-S for several budgets: one line that decays at each budget and continues from the decayed point at the peak. */
    public static NamedSchedule wsdS(double peak, double decayFraction, long[] budgets) {
        return NotebookError.readable("wsdS", () -> named("wsd-s(peak=" + peak + ", p=" + decayFraction + ", budgets=" + Arrays.toString(budgets) + ")",
                Schedules.wsdS(peak, 0, WarmupShape.LINEAR, decayFraction, Schedules.PAPER_FLOOR, DecayShape.LINEAR, 0, budgets)));
    }

    /** Cyclic cosine for several budgets: one cosine cycle ending where each WSD-S decay ends, jumping back to the peak. */
    public static NamedSchedule cyclicCosine(double peak, double decayFraction, long[] budgets) {
        return NotebookError.readable("cyclicCosine", () -> named("cyclic-cosine(peak=" + peak + ", p=" + decayFraction + ", budgets=" + Arrays.toString(budgets) + ")",
                Schedules.cyclicCosine(peak, 0, WarmupShape.LINEAR, decayFraction, Schedules.PAPER_FLOOR, 0, budgets)));
    }

    private static NamedSchedule named(String description, Schedule schedule) {
        return new NamedSchedule(description, schedule);
    }

    // ------------------------------------------------------------------ optimizers and noise

    /** Gradient descent (exact gradients unless the run has noise). */
    public static Optimizer gd() {
        return Optimizers.gd();
    }

    /** Stochastic gradient descent: the GD update; the noise model of the run makes the gradients noisy. */
    public static Optimizer sgd() {
        return Optimizers.gd();
    }

    /** Heavy-ball momentum 0.9. */
    public static Optimizer momentum() {
        return Optimizers.momentum();
    }

    /** Nesterov momentum 0.9. */
    public static Optimizer nesterov() {
        return Optimizers.nesterov();
    }

    /** Adam (0.9, 0.999, 1e-8). */
    public static Optimizer adam() {
        return Optimizers.adam();
    }

    /** AdamW with decoupled weight decay. */
    public static Optimizer adamw(double weightDecay) {
        return NotebookError.readable("adamw", () -> Optimizers.adamw(weightDecay));
    }

    /** Exact gradients. */
    public static NoiseModel noNoise() {
        return Noises.none();
    }

    /** Gradient noise {@code sigma^2 I}. */
    public static NoiseModel isotropic(double sigma) {
        return NotebookError.readable("isotropic", () -> Noises.isotropic(sigma));
    }

    /** Gradient noise of variance {@code sigma^2} in the hill directions only. */
    public static NoiseModel hillNoise(double sigma) {
        return NotebookError.readable("hillNoise", () -> Noises.hill(sigma));
    }

    /** Gradient noise of variance {@code sigma^2} along the river only. */
    public static NoiseModel riverNoise(double sigma) {
        return NotebookError.readable("riverNoise", () -> Noises.river(sigma));
    }

    /** Curvature-proportional noise {@code Sigma = H / batchSize} (Fisher-like). */
    public static NoiseModel curvatureNoise(double batchSize) {
        return NotebookError.readable("curvatureNoise", () -> Noises.curvature(batchSize));
    }

    // ------------------------------------------------------------------ runs

    /** Record every {@code n} steps (plus phase boundaries). */
    public static RecordSpec every(long n) {
        return NotebookError.readable("every", () -> RecordSpec.every(n));
    }

    /** Record every {@code n} steps and compute the sharpness on those rows. */
    public static RecordSpec everyWithSharpness(long n) {
        return NotebookError.readable("everyWithSharpness", () -> RecordSpec.every(n).withSharpnessEvery(n));
    }

    /** Record every {@code n} steps with the sharpness and, for Adam, the preconditioned sharpness on those rows. */
    public static RecordSpec everyWithPreconditionedSharpness(long n) {
        return NotebookError.readable("everyWithPreconditionedSharpness", () -> new RecordSpec(n, null, null, n, true, null));
    }

    /**
     * A run ready to tweak with the engine's {@code with...} methods ({@code withNoise},
     * {@code withReplicas}, {@code withSeed}, {@code withStart}, {@code withRecord}) and to pass to
     * {@link #run(Run)}. Named after the schedule family and optimizer; one replica, seed 0, starting on
     * the river at coordinate 0.
     */
    public static Run setup(Landscape landscape, Schedule schedule, Optimizer optimizer) {
        Check.present("landscape", landscape);
        Check.present("schedule", schedule);
        Check.present("optimizer", optimizer);
        Run base = Run.of("run", landscape, schedule);
        return new Run(schedule.family() + " " + optimizer.toString().replaceAll("\\(.*", ""), landscape, optimizer, new NoNoise(), schedule,
                base.start(), base.seed(), base.steps(), base.replicas(), base.record(), false);
    }

    /** The same run under another name (the name labels tables and charts). */
    public static Run named(Run run, String name) {
        return NotebookError.readable("named", () -> new Run(name, run.landscape(), run.optimizer(), run.noise(), run.schedule(), run.start(),
                run.seed(), run.steps(), run.replicas(), run.record(), run.flow()));
    }

    /** Runs it (on all cores; the thread count never changes the numbers). */
    public static Result run(Run run) {
        return NotebookError.readable("run", () -> new Result(run, Simulation.trace(run)));
    }

    /**
     * The exact expected values of {@code run} from the moment engine: what the replica means of
     * {@link #run(Run)} converge to with infinitely many replicas, computed without sampling (replicas and
     * seed do not matter). Only where that is exact: straight and rotated valleys with a linear or quadratic
     * river, under gd, sgd, momentum or nesterov (otherwise an error says why).
     */
    public static Result expected(Run run) {
        return NotebookError.readable("expected", () -> new Result(named(run, run.name() + " expected"), Simulation.expectedTrace(run)));
    }

    /** The expected values of GD (exact gradients). */
    public static Result expected(Landscape landscape, Schedule schedule, Optimizer optimizer) {
        return NotebookError.readable("expected", () -> expected(setup(landscape, schedule, optimizer)));
    }

    /** The expected values under {@code noise}: SGD's (or momentum's) replica means, without the replicas. */
    public static Result expected(Landscape landscape, Schedule schedule, Optimizer optimizer, NoiseModel noise) {
        return NotebookError.readable("expected", () -> expected(setup(landscape, schedule, optimizer).withNoise(noise)));
    }

    /**
     * The schedule with the lowest exact expected final loss for {@code run}'s valley and budget (rates at
     * most its schedule's peak, a linear warmup of {@code warmup} steps, never rising after it), beside the
     * best WSD, cosine and constant schedules. Exact valleys only, as {@link #expected(Run)}.
     */
    public static Optimum optimize(Run run, long warmup) {
        return Optimum.of(run, warmup);
    }

    /** A deterministic run: exact gradients, one replica. */
    public static Result run(Landscape landscape, Schedule schedule, Optimizer optimizer) {
        return NotebookError.readable("run", () -> run(setup(landscape, schedule, optimizer)));
    }

    /** A noisy run with {@value #DEFAULT_REPLICAS} replicas (it prints a note saying so). */
    public static Result run(Landscape landscape, Schedule schedule, Optimizer optimizer, NoiseModel noise) {
        return NotebookError.readable("run", () -> run(landscape, schedule, optimizer, noise, DEFAULT_REPLICAS, true));
    }

    /** A noisy run with the given number of replicas (independent noise draws from the same start). */
    public static Result run(Landscape landscape, Schedule schedule, Optimizer optimizer, NoiseModel noise, int replicas) {
        return NotebookError.readable("run", () -> run(landscape, schedule, optimizer, noise, replicas, false));
    }

    /** Runs; whatever is chosen for the user (SGD for noisy GD, the default replica count) is printed as a note. */
    private static Result run(Landscape landscape, Schedule schedule, Optimizer optimizer, NoiseModel noise, int replicas, boolean defaulted) {
        Run run = setup(landscape, schedule, optimizer).withNoise(noise).withReplicas(replicas);
        List<String> notes = new ArrayList<>();
        if (optimizer instanceof GradientDescent && !(noise instanceof NoNoise)) {
            run = named(run, run.schedule().family() + " sgd"); // GD on noisy gradients is SGD
            notes.add("gradient steps on noisy gradients (" + noise + ") are SGD; the run is named '" + run.name() + "'");
        }
        if (defaulted && !(noise instanceof NoNoise)) {
            notes.add(replicas + " replicas, the default for a noisy run (give a count: run(landscape, schedule, optimizer, noise, 64))");
        }
        if (!notes.isEmpty()) {
            System.out.println("note: " + String.join("; ", notes));
        }
        return run(run);
    }

    /** Prints every notebook factory, grouped; {@code help("wsd")} explains one. */
    public static void help() {
        System.out.print(NotebookHelp.overview());
    }

    /** Prints what the factory {@code name} gives and its call forms. */
    public static void help(String name) {
        System.out.print(NotebookHelp.of(name));
    }
}
