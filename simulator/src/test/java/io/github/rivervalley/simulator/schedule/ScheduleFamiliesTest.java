package io.github.rivervalley.simulator.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of every named family over many seeded random configurations: positivity, exact end
 * points, agreement with the closed forms of docs/science.md section 5, continuity at joins, fill == at bit
 * for bit, line structure where the formulas put it, and the compute each checkpoint costs.
 */
class ScheduleFamiliesTest {

    /**
     * Closed forms and the implementation evaluate the same functions in different algebraic forms
     * (e.g. {@code (1+cos(pi u))/2} against {@code sin^2(pi v/2)}); both are within a few ulps of 1 in
     * absolute terms, so 16 ulps of the peak separates rounding from a wrong formula.
     */
    static final double FORMULA_TOLERANCE = 16 * Math.ulp(1.0);

    static LongStream seeds() {
        return LongStream.range(0, 160);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyFamilyKeepsItsInvariants(long seed) {
        RandomConfig c = RandomConfig.draw(seed);
        List<Schedule> schedules = List.of(c.constant(), c.cosine(), c.wsd(), c.wsdS(), c.cyclicCosine());
        List<DecayShape> shapes = List.of(DecayShape.LINEAR, DecayShape.COSINE, c.decayShape(), c.decayShape(), DecayShape.COSINE);
        for (int i = 0; i < schedules.size(); i++) {
            Schedule schedule = schedules.get(i);
            for (Line line : schedule.lines()) {
                checkLine(c, shapes.get(i), line, c + " " + schedule);
                checkFillMatchesAt(line, new SplittableRandom(seed), c.toString());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void wsdLinesAndCheckpointsFollowTheFormulas(long seed) {
        RandomConfig c = RandomConfig.draw(seed);
        Schedule wsd = c.wsd();
        long[] b = c.budgets();
        long[] d = c.decays();
        int k = b.length;
        assertEquals(k + 1, wsd.lines().size(), c.toString());
        Line main = wsd.lines().get(0);
        assertEquals(Line.MAIN, main.name());
        assertEquals(b[k - 1] - d[k - 1], main.endStep(), "main runs to (1-p) B_K; " + c);
        long decaySum = 0;
        for (int i = 0; i < k; i++) {
            Line branch = wsd.lines().get(i + 1);
            assertEquals("branch-" + b[i], branch.name());
            assertEquals(Line.MAIN, branch.parent().orElseThrow());
            assertEquals(b[i] - Math.round(c.decayFraction() * b[i]), branch.forkStep(), c.toString());
            assertEquals(b[i], branch.endStep());
            assertEquals(List.of(new Phase(Phase.Kind.DECAY, branch.forkStep(), b[i])), branch.phases());
            decaySum += d[i];
            Checkpoint cp = wsd.checkpoints().get(i);
            assertEquals(new Checkpoint(b[i], branch.name(), b[i], (b[i] - d[i]) + decaySum), cp, "(1-p)B_k + sum_{j<=k} p B_j; " + c);
            // Before its fork a branch follows its parent.
            for (long t = Math.max(0, branch.forkStep() - 50); t < branch.forkStep(); t++) {
                assertEquals(main.lr().at(t), branch.lr().at(t), 0.0);
            }
        }
        long expectedTotal = b[k - 1] + decaySum - d[k - 1];
        assertEquals(expectedTotal, wsd.totalCompute(), "B_K + sum_{k<K} p B_k; " + c);
        assertEquals(expectedTotal, c.wsdS().totalCompute(), "WSD-S spends what WSD spends; " + c);
        assertEquals(expectedTotal, c.cyclicCosine().totalCompute(), "cyclic cosine spends what WSD-S spends; " + c);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void wsdSDecaysSitWhereTheFormulaPutsThem(long seed) {
        RandomConfig c = RandomConfig.draw(seed);
        Schedule s = c.wsdS();
        long[] b = c.budgets();
        long[] d = c.decays();
        assertEquals(1, s.lines().size());
        Line main = s.lines().get(0);
        List<Phase> decays = main.phases().stream().filter(p -> p.kind() == Phase.Kind.DECAY).toList();
        List<Phase> rewarmups = main.phases().stream().filter(p -> p.kind() == Phase.Kind.REWARMUP).toList();
        assertEquals(b.length, decays.size(), c.toString());
        assertEquals(c.rewarmup() == 0 ? 0 : b.length - 1, rewarmups.size(), c.toString());
        long earlier = 0;
        for (int k = 0; k < b.length; k++) {
            // (1-p) B_k + sum of earlier decay lengths, with the documented rounding p B_k -> Math.round.
            long start = b[k] - Math.round(c.decayFraction() * b[k]) + earlier;
            assertEquals(new Phase(Phase.Kind.DECAY, start, start + d[k]), decays.get(k), c.toString());
            assertEquals(new Checkpoint(b[k], Line.MAIN, start + d[k], start + d[k]), s.checkpoints().get(k));
            if (k < b.length - 1 && c.rewarmup() > 0) {
                assertEquals(new Phase(Phase.Kind.REWARMUP, start + d[k], start + d[k] + c.rewarmup()), rewarmups.get(k));
            }
            earlier += d[k];
        }
        assertEquals(c.sequentialEnd(b.length - 1), main.endStep());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cyclicCosineAndCosineCheckpoints(long seed) {
        RandomConfig c = RandomConfig.draw(seed);
        long[] b = c.budgets();
        Schedule cyclic = c.cyclicCosine();
        List<Phase> decays = cyclic.lines().get(0).phases().stream().filter(p -> p.kind() == Phase.Kind.DECAY).toList();
        for (int k = 0; k < b.length; k++) {
            long end = c.sequentialEnd(k);
            assertEquals(end, decays.get(k).end(), "cycle k ends where WSD-S's decay k ends; " + c);
            long cycleStart = k == 0 ? c.warmup() : c.sequentialEnd(k - 1) + c.rewarmup();
            assertEquals(cycleStart, decays.get(k).start(), c.toString());
            assertEquals(new Checkpoint(b[k], Line.MAIN, end, end), cyclic.checkpoints().get(k));
        }
        Schedule cosine = c.cosine();
        assertEquals(b.length, cosine.lines().size());
        long sum = 0;
        for (int k = 0; k < b.length; k++) {
            Line line = cosine.lines().get(k);
            assertTrue(line.isRoot());
            assertEquals(b.length == 1 ? Line.MAIN : "cosine-" + b[k], line.name());
            assertEquals(b[k], line.endStep());
            sum += b[k];
            assertEquals(new Checkpoint(b[k], line.name(), b[k], sum), cosine.checkpoints().get(k), "sum of budgets up to k; " + c);
        }
        assertEquals(sum, cosine.totalCompute());
        Schedule constant = c.constant();
        for (int k = 0; k < b.length; k++) {
            assertEquals(new Checkpoint(b[k], Line.MAIN, b[k], b[k]), constant.checkpoints().get(k));
        }
    }

    @org.junit.jupiter.api.Test
    void shortFactoriesUseThePapersSettings() {
        long[] b = {12500, 25000, 50000};
        assertEquals(Schedules.wsdS(0.01, 2000, WarmupShape.LINEAR, 0.1, 0.1, DecayShape.LINEAR, 0, b).toString(),
                Schedules.wsdS(0.01, 2000, b).toString());
        Line paper = Schedules.wsdS(0.01, 2000, b).lines().get(0);
        assertEquals(List.of(new Phase(Phase.Kind.WARMUP, 0, 2000), new Phase(Phase.Kind.STABLE, 2000, 11250),
                new Phase(Phase.Kind.DECAY, 11250, 12500), new Phase(Phase.Kind.STABLE, 12500, 23750),
                new Phase(Phase.Kind.DECAY, 23750, 26250), new Phase(Phase.Kind.STABLE, 26250, 48750),
                new Phase(Phase.Kind.DECAY, 48750, 53750)), paper.phases());
        assertEquals(0.01 * 0.1, Schedules.wsd(0.01, 2000, b).line("branch-25000").lr().at(24999), 0.0);
        assertEquals(0.01 * 0.1, Schedules.cosine(0.01, 2000, 50000).lines().get(0).lr().at(49999), 0.0);
    }

    /** Checks every own step of a line of a named family against what its phase kind implies. */
    static void checkLine(RandomConfig c, DecayShape decayShape, Line line, String context) {
        double peak = c.peak();
        double f = c.floor();
        List<Phase> phases = line.phases();
        assertEquals(line.forkStep(), phases.get(0).start(), context);
        assertEquals(line.endStep(), phases.get(phases.size() - 1).end(), context);
        for (int i = 1; i < phases.size(); i++) {
            assertEquals(phases.get(i - 1).end(), phases.get(i).start(), "phases tile the line; " + context);
        }
        for (int index = 0; index < phases.size(); index++) {
            Phase phase = phases.get(index);
            // A phase starts where the previous one left off, except after a decay (a decay or the peak
            // may follow it by design); a re-warmup always starts from the floor a decay reached.
            boolean continuousJoin = phase.kind() == Phase.Kind.REWARMUP || index == 0 || phases.get(index - 1).kind() != Phase.Kind.DECAY;
            assertTrue(phase.length() >= 1);
            long n = phase.length();
            for (long t = phase.start(); t < phase.end(); t++) {
                double lr = line.lr().at(t);
                String where = line.name() + " step " + t + " (" + phase + "); " + context;
                assertFalse(Double.isNaN(lr), where);
                boolean lastOfDecay = phase.kind() == Phase.Kind.DECAY && t == phase.end() - 1;
                if (!(lr > 0)) {
                    assertTrue(f == 0 && lastOfDecay && lr == 0, "lr <= 0 only at the end of a decay to floor 0: " + lr + " at " + where);
                }
                double u = (double) (t - phase.start() + 1) / n;
                double expected;
                double jumpBound;
                switch (phase.kind()) {
                    case STABLE -> {
                        assertEquals(peak, lr, 0.0, where);
                        continue;
                    }
                    case WARMUP -> {
                        expected = peak * warmupClosedForm(c.warmupShape(), u);
                        jumpBound = peak * warmupModulus(c.warmupShape(), 1.0 / n);
                        if (t == phase.end() - 1) {
                            assertEquals(peak, lr, 0.0, "warmup reaches the peak on its last step; " + where);
                        }
                    }
                    case REWARMUP -> {
                        expected = peak * (f + (1 - f) * u);
                        jumpBound = peak * (1 - f) / n;
                        if (t == phase.end() - 1) {
                            assertEquals(peak, lr, 0.0, where);
                        }
                    }
                    case DECAY -> {
                        DecayShape shape = decayShape;
                        expected = peak * decayClosedForm(shape, f, u);
                        jumpBound = peak * decayModulus(shape, f, 1.0 / n);
                        if (lastOfDecay) {
                            assertEquals(f * peak, lr, 0.0, "the last decay step is floor * peak exactly; " + where);
                        }
                    }
                    default -> throw new IllegalStateException();
                }
                assertEquals(expected, lr, FORMULA_TOLERANCE * peak, "closed form; " + where);
                // Continuity: the step before (of this phase, the previous phase or the parent before a fork)
                // differs by at most the shape's change over 1/n of progress.
                if (t > 0 && (t > phase.start() || continuousJoin)) {
                    double before = line.lr().at(t - 1);
                    double slack = 4 * Math.ulp(peak);
                    assertTrue(Math.abs(lr - before) <= jumpBound * (1 + 1e-9) + slack,
                            "jump " + Math.abs(lr - before) + " > " + jumpBound + " at " + where);
                }
            }
        }
    }

    static double warmupClosedForm(WarmupShape shape, double u) {
        return switch (shape) {
            case LINEAR -> u;
            case COSINE -> (1 - Math.cos(Math.PI * u)) / 2;
            case ONE_SQRT -> 1 - Math.sqrt(1 - u);
        };
    }

    /** Largest change of the warmup curve over progress {@code h}. */
    static double warmupModulus(WarmupShape shape, double h) {
        return switch (shape) {
            case LINEAR -> h;
            case COSINE -> Math.PI / 2 * h;
            case ONE_SQRT -> Math.sqrt(h);
        };
    }

    /** docs/science.md section 5, as multiples of the peak. */
    static double decayClosedForm(DecayShape shape, double f, double u) {
        return switch (shape) {
            case LINEAR -> 1 - (1 - f) * u;
            case COSINE -> f + (1 - f) * (1 + Math.cos(Math.PI * u)) / 2;
            case ONE_SQRT -> f + (1 - f) * (1 - Math.sqrt(u));
            case ONE_SQUARE -> f + (1 - f) * (1 - u * u);
            case INVERSE_PROPORTIONAL -> 1 / (1 + (1 / f - 1) * u);
            case EXPONENTIAL -> Math.pow(f, u);
        };
    }

    /** Largest change of the decay curve over progress {@code h} (its modulus of continuity). */
    static double decayModulus(DecayShape shape, double f, double h) {
        return switch (shape) {
            case LINEAR -> (1 - f) * h;
            case COSINE -> (1 - f) * Math.PI / 2 * h;
            case ONE_SQRT -> (1 - f) * Math.sqrt(h);
            case ONE_SQUARE -> (1 - f) * 2 * h;
            case INVERSE_PROPORTIONAL -> (1 / f - 1) * h;
            case EXPONENTIAL -> -Math.log(f) * h;
        };
    }

    /** fill() over random blocks (crossing phase joins, and a branch's inherited steps) gives at()'s bits. */
    static void checkFillMatchesAt(Line line, SplittableRandom random, String context) {
        long end = line.endStep();
        List<long[]> blocks = new ArrayList<>();
        blocks.add(new long[] {0, end});
        for (int i = 0; i < 20; i++) {
            long from = random.nextLong(end);
            blocks.add(new long[] {from, 1 + random.nextLong(end - from)});
        }
        for (long[] block : blocks) {
            double[] out = new double[(int) block[1] + 1];
            out[out.length - 1] = -7;
            line.lr().fill(block[0], (int) block[1], out);
            for (int i = 0; i < block[1]; i++) {
                if (Double.doubleToRawLongBits(out[i]) != Double.doubleToRawLongBits(line.lr().at(block[0] + i))) {
                    fail("fill != at at step " + (block[0] + i) + " of " + line.name() + "; " + context);
                }
            }
            assertEquals(-7, out[out.length - 1], 0.0, "fill writes only count values");
        }
    }
}
