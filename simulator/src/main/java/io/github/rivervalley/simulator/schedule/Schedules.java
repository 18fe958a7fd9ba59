package io.github.rivervalley.simulator.schedule;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The named schedule families (docs/science.md section 5), each built from phases with {@link LineBuilder}.
 *
 * <p>Conventions: step {@code t} is 0-based and {@code lr(t)} is the learning rate of update {@code t}.
 * Within a phase of {@code n} steps the progress is {@code u = (t - start + 1) / n}, so the last step of
 * a phase reaches the phase's target exactly (see {@link Segment}). Checkpoint budgets
 * {@code B_1 < ... < B_K}; the decay of budget {@code B} lasts {@code d = Math.round(p B)} steps and starts
 * at {@code B - d} (the one rounding rule; every phase must keep at least one step). Errors name the
 * spec field ({@code warmup}, {@code budgets}, {@code decayFraction}, {@code floor}, {@code rewarmup}).
 */
public final class Schedules {

    /** The paper's decay fraction {@code p}. */
    public static final double PAPER_DECAY_FRACTION = 0.1;
    /** The paper's floor ratio {@code eta_min / eta_max}. */
    public static final double PAPER_FLOOR = 0.1;

    private Schedules() {
    }

    /** Cosine with a linear warmup and the paper's floor 0.1 (for jshell: {@code Schedules.cosine(1e-2, 2000, 50000)}). */
    public static Schedule cosine(double peak, long warmup, long... budgets) {
        return cosine(peak, warmup, WarmupShape.LINEAR, PAPER_FLOOR, budgets);
    }

    /** WSD with the paper's settings: linear warmup, {@code p = 0.1}, linear decay to 0.1x the peak. */
    public static Schedule wsd(double peak, long warmup, long... budgets) {
        return wsd(peak, warmup, WarmupShape.LINEAR, PAPER_DECAY_FRACTION, PAPER_FLOOR, DecayShape.LINEAR, budgets);
    }

    /** WSD-S with the paper's settings and no re-warmup: {@code Schedules.wsdS(1e-2, 2000, 12500, 25000, 50000)}. */
    public static Schedule wsdS(double peak, long warmup, long... budgets) {
        return wsdS(peak, warmup, WarmupShape.LINEAR, PAPER_DECAY_FRACTION, PAPER_FLOOR, DecayShape.LINEAR, 0, budgets);
    }

    /** Warmup then the peak to the end; one checkpoint per budget on the same line. */
    public static Schedule constant(double peak, long warmup, WarmupShape warmupShape, long... budgets) {
        checkBudgets(budgets);
        long steps = budgets[budgets.length - 1];
        checkWarmup(warmup, steps, "the run's " + steps + " steps");
        LineBuilder main = LineBuilder.root(Line.MAIN);
        warmup(main, warmup, warmupShape);
        if (steps > warmup) {
            main.stable(steps - warmup, 1);
        }
        List<Line> lines = List.of(main.build(peak));
        return new LineSchedule(ScheduleFamily.CONSTANT, peak, lines,
                LineSchedule.checkpoints(lines, Collections.nCopies(budgets.length, Line.MAIN), budgets, budgets));
    }

    /**
     * Warmup then a cosine decay to {@code floor} over the rest of the budget: one independent run per
     * budget (line {@code main} for one budget, {@code cosine-<B>} for several).
     */
    public static Schedule cosine(double peak, long warmup, WarmupShape warmupShape, double floor, long... budgets) {
        checkBudgets(budgets);
        checkFloor(floor, DecayShape.COSINE);
        checkWarmup(warmup, budgets[0] - 1, "one step less than the first budget " + budgets[0]);
        List<Line> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (long budget : budgets) {
            LineBuilder line = LineBuilder.root(budgets.length == 1 ? Line.MAIN : "cosine-" + budget);
            warmup(line, warmup, warmupShape);
            line.decay(budget - warmup, DecayShape.COSINE, 1, floor);
            lines.add(line.build(peak));
            names.add(line.name());
        }
        return new LineSchedule(ScheduleFamily.COSINE, peak, lines, LineSchedule.checkpoints(lines, names, budgets, budgets));
    }

    /**
     * Warmup-Stable-Decay: a main line at the peak after warmup, running to {@code (1-p) B_K}, and one
     * branch {@code branch-<B_k>} per budget forked at {@code (1-p) B_k} and decayed over {@code p B_k}
     * steps to {@code floor}; checkpoint k is the end of branch k.
     */
    public static Schedule wsd(double peak, long warmup, WarmupShape warmupShape, double decayFraction, double floor,
            DecayShape decayShape, long... budgets) {
        checkBudgets(budgets);
        checkFloor(floor, decayShape);
        long[] decays = decayLengths(decayFraction, budgets);
        int last = budgets.length - 1;
        long firstFork = budgets[0] - decays[0];
        checkWarmup(warmup, firstFork, "the first decay's start (1-p)B_1 = " + firstFork);
        long mainEnd = budgets[last] - decays[last];
        if (mainEnd < 1) {
            throw new InvalidValueException("decayFraction", decayFraction, "a fraction that leaves the main line at least one step before the last decay");
        }
        LineBuilder main = LineBuilder.root(Line.MAIN);
        warmup(main, warmup, warmupShape);
        if (mainEnd > warmup) {
            main.stable(mainEnd - warmup, 1);
        }
        List<Line> lines = new ArrayList<>();
        lines.add(main.build(peak));
        List<String> names = new ArrayList<>();
        for (int k = 0; k <= last; k++) {
            LineBuilder branch = main.branch(branchName(budgets[k]), budgets[k] - decays[k]);
            branch.decay(decays[k], decayShape, 1, floor);
            lines.add(branch.build(peak));
            names.add(branch.name());
        }
        return new LineSchedule(ScheduleFamily.WSD, peak, lines, LineSchedule.checkpoints(lines, names, budgets, budgets));
    }

    /** The name of WSD's decay branch for {@code budget}. */
    public static String branchName(long budget) {
        return "branch-" + budget;
    }

    /**
     * WSD-S: one line; decay k starts at {@code (1-p) B_k} plus the earlier decay lengths, lasts
     * {@code p B_k} steps, and the line then continues at the peak, after an optional linear re-warmup of
     * {@code rewarmup} steps from the floor that replaces the first stable steps. Checkpoint k is the end
     * of decay k; the total compute equals WSD's for the same budgets.
     */
    public static Schedule wsdS(double peak, long warmup, WarmupShape warmupShape, double decayFraction, double floor,
            DecayShape decayShape, long rewarmup, long... budgets) {
        checkBudgets(budgets);
        checkFloor(floor, decayShape);
        Check.nonNegative("rewarmup", rewarmup);
        checkRewarmupHasADecayToFollow(rewarmup, budgets);
        long[] decays = decayLengths(decayFraction, budgets);
        long[] ends = sequentialEnds(budgets, decays);
        LineBuilder main = LineBuilder.root(Line.MAIN);
        warmup(main, warmup, warmupShape);
        for (int k = 0; k < budgets.length; k++) {
            if (k > 0 && rewarmup > 0) {
                main.rewarmup(rewarmup, WarmupShape.LINEAR, floor, 1);
            }
            long decayStart = ends[k] - decays[k];
            long stable = decayStart - main.end();
            if (stable < 0) {
                if (k == 0) {
                    checkWarmup(warmup, decayStart, "the first decay's start (1-p)B_1 = " + decayStart);
                }
                throw new InvalidValueException("rewarmup", rewarmup, "at most " + (decayStart - ends[k - 1])
                        + " steps (the stable stretch before the decay of budget " + budgets[k] + ")");
            }
            if (stable > 0) {
                main.stable(stable, 1);
            }
            main.decay(decays[k], decayShape, 1, floor);
        }
        return singleLine(ScheduleFamily.WSD_S, peak, main, budgets, ends);
    }

    /**
     * Cyclic cosine: one line of cosine cycles from the peak to the floor, cycle k ending where WSD-S's
     * decay k ends ({@code B_k} plus the earlier decay lengths {@code p B_j}); the first cycle starts
     * with the warmup, each later one with a linear re-warmup of {@code rewarmup} steps from the floor.
     */
    public static Schedule cyclicCosine(double peak, long warmup, WarmupShape warmupShape, double decayFraction, double floor,
            long rewarmup, long... budgets) {
        checkBudgets(budgets);
        checkFloor(floor, DecayShape.COSINE);
        Check.nonNegative("rewarmup", rewarmup);
        checkRewarmupHasADecayToFollow(rewarmup, budgets);
        long[] ends = sequentialEnds(budgets, decayLengths(decayFraction, budgets));
        checkWarmup(warmup, ends[0] - 1, "one step less than the first budget " + budgets[0]);
        LineBuilder main = LineBuilder.root(Line.MAIN);
        warmup(main, warmup, warmupShape);
        for (int k = 0; k < budgets.length; k++) {
            if (k > 0 && rewarmup > 0) {
                if (ends[k] - main.end() - rewarmup < 1) {
                    throw new InvalidValueException("rewarmup", rewarmup, "at most " + (ends[k] - main.end() - 1)
                            + " steps (one less than cycle " + (k + 1) + " of " + (ends[k] - main.end()) + " steps)");
                }
                main.rewarmup(rewarmup, WarmupShape.LINEAR, floor, 1);
            }
            main.decay(ends[k] - main.end(), DecayShape.COSINE, 1, floor);
        }
        return singleLine(ScheduleFamily.CYCLIC_COSINE, peak, main, budgets, ends);
    }

    /** A re-warmup follows every decay but the last, so with one budget there is none to set. */
    private static void checkRewarmupHasADecayToFollow(long rewarmup, long[] budgets) {
        if (rewarmup > 0 && budgets.length < 2) {
            throw new InvalidValueException("rewarmup", rewarmup, "0 with a single budget (a re-warmup follows a decay that is"
                    + " not the last, so it needs two or more budgets)");
        }
    }

    /** Decay lengths {@code Math.round(p B_k)}, each at least one step. */
    public static long[] decayLengths(double decayFraction, long[] budgets) {
        if (!(decayFraction > 0 && decayFraction < 1)) {
            throw new InvalidValueException("decayFraction", decayFraction, "a number in (0, 1)");
        }
        long[] decays = new long[budgets.length];
        for (int k = 0; k < budgets.length; k++) {
            decays[k] = Math.round(decayFraction * budgets[k]);
            if (decays[k] < 1) {
                throw new InvalidValueException("decayFraction", decayFraction, "a fraction that gives every budget a decay of at least one step"
                        + " (Math.round(" + decayFraction + " x " + budgets[k] + ") = 0)");
            }
        }
        return decays;
    }

    /** Budgets must be whole numbers > 0 in strictly increasing order. */
    public static long[] checkBudgets(long[] budgets) {
        Check.present("budgets", budgets);
        if (budgets.length == 0) {
            throw new InvalidValueException("budgets", "[]", "a non-empty list of step counts");
        }
        for (int k = 0; k < budgets.length; k++) {
            if (budgets[k] <= 0 || (k > 0 && budgets[k] <= budgets[k - 1])) {
                throw new InvalidValueException("budgets", Arrays.toString(budgets), "whole numbers > 0 in strictly increasing order");
            }
        }
        return budgets;
    }

    /** The floor ratio must lie in [0, 1], and above 0 for shapes that need it. */
    public static double checkFloor(double floor, DecayShape shape) {
        Check.inClosedRange("floor", floor, 0, 1);
        if (shape.needsPositiveFloor() && floor == 0) {
            throw new InvalidValueException("floor", floor, "a number in (0, 1] for decayShape " + shape);
        }
        return floor;
    }

    private static void checkWarmup(long warmup, long max, String what) {
        if (warmup < 0 || warmup > max) {
            throw new InvalidValueException("warmup", warmup, "a whole number in [0, " + max + "] (at most " + what + ")");
        }
    }

    private static void warmup(LineBuilder line, long warmup, WarmupShape shape) {
        if (warmup > 0) {
            line.warmup(warmup, Check.present("warmupShape", shape), 0, 1);
        }
    }

    /** Where decay k ends when decays are taken one after the other on one line: {@code B_k + sum_{j<k} d_j}. */
    private static long[] sequentialEnds(long[] budgets, long[] decays) {
        long[] ends = new long[budgets.length];
        long earlier = 0;
        for (int k = 0; k < budgets.length; k++) {
            ends[k] = budgets[k] + earlier;
            earlier += decays[k];
        }
        return ends;
    }

    private static Schedule singleLine(ScheduleFamily family, double peak, LineBuilder main, long[] budgets, long[] steps) {
        List<Line> lines = List.of(main.build(peak));
        return new LineSchedule(family, peak, lines, LineSchedule.checkpoints(lines, Collections.nCopies(budgets.length, Line.MAIN), steps, budgets));
    }
}
