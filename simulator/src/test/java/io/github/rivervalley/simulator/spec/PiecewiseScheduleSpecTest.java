package io.github.rivervalley.simulator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rivervalley.simulator.schedule.Checkpoint;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The piecewise form reproduces every named family exactly: the phases are written from the formulas
 * of docs/science.md section 5 (not copied from the built schedule), read through {@link SpecReader}, and
 * the result must have the same lines, phases, checkpoints and learning-rate bits at every step.
 */
class PiecewiseScheduleSpecTest {

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    /** A random valid configuration (like the schedule package's, kept separate to stay independent). */
    record Config(double peak, long[] budgets, long warmup, WarmupShape warmupShape, double p, double floor, DecayShape decayShape,
            long rewarmup) {

        static Config draw(long seed) {
            SplittableRandom random = new SplittableRandom(seed * 7919 + 13);
            int k = 1 + random.nextInt(4);
            long[] budgets = new long[k];
            budgets[0] = 20 + random.nextInt(1500);
            for (int i = 1; i < k; i++) {
                budgets[i] = budgets[i - 1] + 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 2000);
            }
            double p = 0.05 + 0.45 * random.nextDouble();
            DecayShape decay = DecayShape.values()[random.nextInt(DecayShape.values().length)];
            double floor = random.nextInt(8) == 0 ? 0 : random.nextDouble();
            if (floor == 0 && decay.needsPositiveFloor()) {
                floor = 0.25;
            }
            long[] d = decayLengths(p, budgets);
            long warmup = random.nextInt(4) == 0 ? 0 : random.nextLong(budgets[0] - d[0] + 1);
            long maxRewarmup = Long.MAX_VALUE;
            for (int i = 1; i < k; i++) {
                long stable = (budgets[i] - d[i]) - (budgets[i - 1] - d[i - 1]);
                long cycle = budgets[i] - budgets[i - 1] + d[i - 1];
                maxRewarmup = Math.min(maxRewarmup, Math.min(stable, cycle - 1));
            }
            long rewarmup = k == 1 ? 0 : random.nextLong(maxRewarmup + 1);
            return new Config(Math.pow(10, -3 * random.nextDouble()), budgets, warmup,
                    WarmupShape.values()[random.nextInt(3)], p, floor, decay, rewarmup);
        }

        long last() {
            return budgets[budgets.length - 1];
        }
    }

    static long[] decayLengths(double p, long[] budgets) {
        long[] d = new long[budgets.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.round(p * budgets[i]);
        }
        return d;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void piecewiseReproducesEveryFamily(long seed) {
        Config c = Config.draw(seed);
        long[] b = c.budgets();
        long[] d = decayLengths(c.p(), b);
        String budgets = list(b);

        // constant (one budget: one checkpoint at the end of the line)
        assertSame(Schedules.constant(c.peak(), c.warmup(), c.warmupShape(), c.last()),
                piecewise(c.last(), c.peak(), "\"phases\": " + phases(warmup(c), "{\"kind\": \"constant\", \"end\": " + c.last() + "}"), null));

        // cosine: one root line per budget
        List<String> lines = new ArrayList<>();
        for (long budget : b) {
            String decay = "{\"kind\": \"decay\", \"end\": " + budget + ", \"shape\": \"cosine\", \"to\": " + c.floor() + "}";
            lines.add("{\"name\": \"" + (b.length == 1 ? "main" : "cosine-" + budget) + "\", \"phases\": " + phases(warmup(c), decay) + "}");
        }
        assertSame(Schedules.cosine(c.peak(), c.warmup(), c.warmupShape(), c.floor(), b),
                piecewise(c.last(), c.peak(), "\"lines\": [" + String.join(", ", lines) + "]", budgets));

        // WSD: main at the peak to (1-p) B_K, a branch per budget forked at (1-p) B_k
        lines.clear();
        long mainEnd = b[b.length - 1] - d[d.length - 1];
        lines.add("{\"name\": \"main\", \"phases\": " + phases(warmup(c),
                mainEnd > c.warmup() ? "{\"kind\": \"constant\", \"end\": " + mainEnd + "}" : null) + "}");
        for (int k = 0; k < b.length; k++) {
            lines.add("{\"name\": \"branch-" + b[k] + "\", \"parent\": \"main\", \"phases\": [{\"kind\": \"decay\", \"start\": " + (b[k] - d[k])
                    + ", \"steps\": " + d[k] + ", \"shape\": \"" + c.decayShape().label() + "\", \"to\": " + c.floor() + "}]}");
        }
        assertSame(Schedules.wsd(c.peak(), c.warmup(), c.warmupShape(), c.p(), c.floor(), c.decayShape(), b),
                piecewise(c.last(), c.peak(), "\"lines\": [" + String.join(", ", lines) + "]", budgets));

        // WSD-S: decay k at (1-p) B_k + earlier decay lengths, re-warmup from the floor after each but the last
        List<String> wsdS = new ArrayList<>();
        List<String> cyclic = new ArrayList<>();
        wsdS.add(warmup(c));
        cyclic.add(warmup(c));
        long pos = c.warmup();
        long earlier = 0;
        for (int k = 0; k < b.length; k++) {
            if (k > 0 && c.rewarmup() > 0) {
                String rewarmup = "{\"kind\": \"rewarmup\", \"steps\": " + c.rewarmup() + "}";
                wsdS.add(rewarmup);
                cyclic.add(rewarmup);
                pos += c.rewarmup();
            }
            long start = b[k] - d[k] + earlier;
            if (start > pos) {
                wsdS.add("{\"kind\": \"stable\", \"end\": " + start + "}");
            }
            // "from": 1 because a decay may follow a decay directly (adjacent budgets, no re-warmup) and
            // then starts again from the peak, where the default would continue from the floor.
            wsdS.add("{\"kind\": \"decay\", \"start\": " + start + ", \"steps\": " + d[k] + ", \"shape\": \"" + c.decayShape().label()
                    + "\", \"from\": 1, \"to\": " + c.floor() + "}");
            cyclic.add("{\"kind\": \"decay\", \"end\": " + (start + d[k]) + ", \"shape\": \"cosine\", \"from\": 1, \"to\": " + c.floor() + "}");
            pos = start + d[k];
            earlier += d[k];
        }
        assertSame(Schedules.wsdS(c.peak(), c.warmup(), c.warmupShape(), c.p(), c.floor(), c.decayShape(), c.rewarmup(), b),
                piecewise(pos, c.peak(), "\"phases\": " + phases(wsdS.toArray(String[]::new)), budgets));
        assertSame(Schedules.cyclicCosine(c.peak(), c.warmup(), c.warmupShape(), c.p(), c.floor(), c.rewarmup(), b),
                piecewise(pos, c.peak(), "\"phases\": " + phases(cyclic.toArray(String[]::new)), budgets));
    }

    @Test
    void thePapersWsdSRunExactly() throws Exception {
        String yaml = """
                steps: 53751
                schedule:
                  type: piecewise
                  peak: 0.004
                  phases:
                    - {kind: warmup, steps: 2000}
                    - {kind: constant, end: 11250}
                    - {kind: decay, end: 12500, to: 0.1}
                    - {kind: constant, end: 23750}
                    - {kind: decay, end: 26250, to: 0.1}
                    - {kind: constant, end: 48750}
                    - {kind: decay, end: 53751, to: 0.1}
                """;
        Schedule s = SpecReader.instance().read(yaml, "paper", ScheduleFileSpec.class).build();
        Line main = s.lines().get(0);
        assertEquals(1, s.lines().size());
        assertEquals(53751, s.totalCompute());
        long[][] decays = {{11250, 12500}, {23750, 26250}, {48750, 53751}};
        List<Phase> found = main.phases().stream().filter(p -> p.kind() == Phase.Kind.DECAY).toList();
        for (int k = 0; k < 3; k++) {
            assertEquals(new Phase(Phase.Kind.DECAY, decays[k][0], decays[k][1]), found.get(k));
            assertEquals(new Checkpoint(decays[k][1], Line.MAIN, decays[k][1], decays[k][1]), s.checkpoints().get(k));
            long n = decays[k][1] - decays[k][0];
            for (long t = decays[k][0]; t < decays[k][1]; t++) {
                double u = (double) (t - decays[k][0] + 1) / n;
                // Linear to 0.1x: 1 - 0.9u; a few ulps of the peak apart from the v-form the code evaluates.
                assertEquals(0.004 * (1 - 0.9 * u), main.lr().at(t), 16 * Math.ulp(0.004));
            }
            assertEquals(0.004 * 0.1, main.lr().at(decays[k][1] - 1), 0.0);
            assertEquals(0.004, main.lr().at(decays[k][0] - 1), 0.0);
        }
        for (long t = 0; t < 2000; t++) {
            assertEquals(0.004 * (t + 1) / 2000.0, main.lr().at(t), Math.ulp(0.004));
        }
        // The named WSD-S with budgets 12500, 25000, 50000 is the same run except that its last decay has
        // p B_3 = 5000 steps where the paper's has 5001.
        Schedule named = Schedules.wsdS(0.004, 2000, WarmupShape.LINEAR, 0.1, 0.1, DecayShape.LINEAR, 0, 12500, 25000, 50000);
        for (long t = 0; t < 48750; t++) {
            assertEquals(main.lr().at(t), named.lines().get(0).lr().at(t), 0.0);
        }
        assertEquals(53750, named.totalCompute());
    }

    @Test
    void aBranchOfABranchFollowsItsAncestorsAndCountsSharedStepsOnce() {
        Schedule s = piecewise(120, 1.0, "\"lines\": ["
                + "{\"name\": \"main\", \"phases\": [{\"kind\": \"warmup\", \"steps\": 10}, {\"kind\": \"constant\", \"end\": 100}]},"
                + "{\"name\": \"b1\", \"parent\": \"main\", \"phases\": [{\"kind\": \"constant\", \"start\": 50, \"end\": 70, \"level\": 0.5},"
                + " {\"kind\": \"decay\", \"end\": 80, \"to\": 0.1}]},"
                + "{\"name\": \"b2\", \"parent\": \"b1\", \"phases\": [{\"kind\": \"decay\", \"start\": 60, \"end\": 120, \"to\": 0}]}]", null);
        Line main = s.line("main");
        Line b1 = s.line("b1");
        Line b2 = s.line("b2");
        for (long t = 0; t < 50; t++) {
            assertEquals(main.lr().at(t), b2.lr().at(t), 0.0);
        }
        for (long t = 50; t < 60; t++) {
            assertEquals(0.5, b2.lr().at(t), 0.0);
        }
        // The first decay step of b2 starts from b1's level 0.5 (the default from) and ends at 0 exactly.
        assertEquals(0.5 * (1 - 1.0 / 60), b2.lr().at(60), 1e-15);
        assertEquals(0.0, b2.lr().at(119), 0.0);
        assertEquals(0.1, b1.lr().at(79), 0.0);
        // Checkpoints: b1's decay end (80) and b2's end (120); main has branches so its end is none.
        // Compute: b1 needs main [0,50) + b1 [50,80) = 80; b2 adds b2 [60,120) = 60 (b1 [50,60) already counted).
        assertEquals(List.of(new Checkpoint(80, "b1", 80, 80), new Checkpoint(120, "b2", 120, 140)), s.checkpoints());
        assertEquals(100 + 30 + 60, s.totalCompute());
    }

    private static String warmup(Config c) {
        return c.warmup() == 0 ? null
                : "{\"kind\": \"warmup\", \"steps\": " + c.warmup() + ", \"shape\": \"" + c.warmupShape().label() + "\"}";
    }

    private static String phases(String... phases) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (String phase : phases) {
            if (phase != null) {
                out.add(phase);
            }
        }
        return out.toString();
    }

    private static String list(long[] values) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        for (long v : values) {
            out.add(Long.toString(v));
        }
        return out.toString();
    }

    private static Schedule piecewise(long steps, double peak, String body, String budgets) {
        String json = "{\"steps\": " + steps + ", \"schedule\": {\"type\": \"piecewise\", \"peak\": " + peak + ", " + body
                + (budgets == null ? "" : ", \"budgets\": " + budgets) + "}}";
        return SpecReader.instance().read(json, "test", ScheduleFileSpec.class).build();
    }

    /** Same lines (names, parents, forks, ends, phases), checkpoints and learning-rate bits at every step. */
    static void assertSame(Schedule expected, Schedule actual) {
        assertEquals(expected.peak(), actual.peak(), 0.0);
        assertEquals(expected.checkpoints(), actual.checkpoints());
        assertEquals(expected.lines().size(), actual.lines().size());
        for (int i = 0; i < expected.lines().size(); i++) {
            Line e = expected.lines().get(i);
            Line a = actual.lines().get(i);
            assertEquals(e.name(), a.name());
            assertEquals(e.parent(), a.parent());
            assertEquals(e.forkStep(), a.forkStep());
            assertEquals(e.endStep(), a.endStep());
            assertEquals(e.phases(), a.phases());
            double[] x = new double[(int) e.endStep()];
            double[] y = new double[x.length];
            e.lr().fill(0, x.length, x);
            a.lr().fill(0, y.length, y);
            for (int t = 0; t < x.length; t++) {
                if (Double.doubleToRawLongBits(x[t]) != Double.doubleToRawLongBits(y[t])) {
                    assertEquals(x[t], y[t], 0.0, e.name() + " step " + t);
                }
            }
        }
    }
}
