package io.github.rivervalley.simulator.results.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.SyntheticRuns;
import io.github.rivervalley.simulator.schedule.DecayShape;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.Schedules;
import io.github.rivervalley.simulator.schedule.WarmupShape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {

    private static List<RecordedTrace> read(String csv, int buckets) throws IOException {
        return new TraceReader(buckets).read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    /** y_t = (-1)^t (t mod 1000): integers, so parsing and bucket sums are exact. */
    private static double oscillation(long t) {
        return (t % 2 == 0 ? 1 : -1) * (double) (t % 1000);
    }

    @Test
    void bucketsHoldExactMinMaxAndMeanOfTheRowsTheyCover() throws IOException {
        int rows = 100_003;
        int buckets = 64;
        StringBuilder csv = new StringBuilder("line,step,lr,loss\n");
        for (int t = 0; t < rows; t++) {
            csv.append("main,").append(t).append(",0.5,").append((long) oscillation(t)).append('\n');
        }
        RecordedTrace trace = read(csv.toString(), buckets).get(0);
        // Independent computation: the smallest power-of-two width whose buckets cover all rows.
        long width = 1;
        while ((rows - 1) / width >= buckets) {
            width *= 2;
        }
        assertEquals(width, trace.bucketWidth());
        int expectedBuckets = (int) ((rows - 1) / width + 1);
        assertEquals(expectedBuckets, trace.size());
        assertEquals(rows, trace.rows());
        Column loss = trace.column("loss");
        for (int b = 0; b < expectedBuckets; b++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (long t = b * width; t < Math.min(rows, (b + 1) * width); t++) {
                double y = oscillation(t);
                min = Math.min(min, y);
                max = Math.max(max, y);
                sum += y;
                n++;
            }
            assertEquals(min, loss.min(b), "min of bucket " + b);
            assertEquals(max, loss.max(b), "max of bucket " + b);
            // Sums of integers below 2^53 are exact in any order; the division rounds once.
            assertEquals(sum / n, loss.mean(b), "mean of bucket " + b);
        }
        // Oscillation amplitude survives downsampling: every bucket spans both signs.
        assertTrue(loss.min(3) < 0 && loss.max(3) > 0);
    }

    @Test
    void shortTracesAreKeptRowByRowAndLinesSeparated(@TempDir Path dir) throws IOException {
        Path run = SyntheticRuns.wsd(dir, "wsd", new long[] {200, 400}, 0.15, 20, 0.2, 0.1);
        List<RecordedTrace> traces = new TraceReader().read(run.resolve("trace.csv"));
        assertEquals(List.of("main", "branch-200"), traces.stream().map(RecordedTrace::line).toList());
        RecordedTrace main = traces.get(0);
        assertEquals(401, main.rows());
        assertEquals(1, main.bucketWidth());
        assertEquals(401, main.size());
        RecordedTrace branch = traces.get(1);
        assertEquals(160, branch.firstStep());
        assertEquals(200, branch.lastStep());
        // Sharpness is recorded every 10 steps only: the other rows are missing, not zero.
        Column sharpness = main.column("sharpness");
        assertEquals(SyntheticRuns.LAMBDA, sharpness.mean(10));
        assertTrue(Double.isNaN(sharpness.mean(11)));
        // Last row is exact: it equals the summary's final loss bit for bit.
        RecordedRun r = Runs.read(run, new TraceReader());
        assertEquals(r.summary().lines().get(0).loss(), main.last("loss"));
    }

    @Test
    void phasesComeFromThePhaseColumn(@TempDir Path dir) throws IOException {
        // WSD: warmup 20 updates, decay of the main line over updates [320, 400), branch decays [160, 200).
        Path run = SyntheticRuns.wsd(dir, "wsd", new long[] {200, 400}, 0.15, 20, 0.2, 0.1);
        List<RecordedTrace> traces = new TraceReader().read(run.resolve("trace.csv"));
        assertEquals(List.of(new Phase(Phase.Kind.WARMUP, 0, 20), new Phase(Phase.Kind.STABLE, 20, 320),
                new Phase(Phase.Kind.DECAY, 320, 400)), traces.get(0).phases());
        // The branch's first row (its fork point) was produced by a stable update of main; its decay starts there.
        assertEquals(List.of(new Phase(Phase.Kind.DECAY, 160, 200)), traces.get(1).phases());
        // The rows at the phase boundaries are kept exactly.
        assertTrue(traces.get(0).exact(320, "loss").isPresent());
        assertTrue(traces.get(1).exact(160, "river_loss").isPresent());
    }

    /** Row t of a one-line trace with rate {@code lr[t-1]} and phase {@code phase[t-1]} (row 0: those of update 0). */
    private static String csv(double[] lr, String[] phase) {
        StringBuilder csv = new StringBuilder("line,step,lr,loss" + (phase == null ? "" : ",phase") + "\n");
        for (int t = 0; t <= lr.length; t++) {
            int update = Math.max(0, t - 1);
            csv.append("main,").append(t).append(',').append(lr[update]).append(",1");
            csv.append(phase == null ? "" : "," + phase[update]).append('\n');
        }
        return csv.toString();
    }

    @Test
    void thePhaseColumnDecidesWhereTheLearningRateCannot() throws IOException {
        // A decay to a floor of 1 (flat), then a one-step re-warmup and a stable stretch at the same rate: the
        // rate alone shows one flat line; the schedule's phases are what the column says.
        double[] lr = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        String[] phase = {"stable", "stable", "stable", "decay", "decay", "decay", "rewarmup", "stable", "stable", "stable"};
        assertEquals(List.of(new Phase(Phase.Kind.STABLE, 0, 3), new Phase(Phase.Kind.DECAY, 3, 6),
                new Phase(Phase.Kind.REWARMUP, 6, 7), new Phase(Phase.Kind.STABLE, 7, 10)), read(csv(lr, phase), 16).get(0).phases());
        // Without a phase column and without the schedule, nothing is guessed.
        assertEquals(List.of(), read(csv(lr, null), 16).get(0).phases());
    }

    @Test
    void aTraceWithoutAPhaseColumnTakesThePhasesOfTheRunsSchedule() throws IOException {
        // WSD-S with a one-step re-warmup: updates [0, 20) warmup, decays over [90, 100) and [190, 210) (p = 0.1
        // of budgets 100 and 200, the second ending at 200 + 10), the re-warmup at update 100.
        Schedule schedule = Schedules.wsdS(1.0, 20, WarmupShape.LINEAR, 0.1, 0.1, DecayShape.LINEAR, 1, 100, 200);
        int steps = 210;
        double[] lr = new double[steps];
        String[] phase = new String[steps];
        for (int t = 0; t < steps; t++) {
            lr[t] = schedule.line(Line.MAIN).lr().at(t);
            phase[t] = schedule.phaseOf(Line.MAIN, t).orElseThrow().kind().label();
        }
        List<Phase> expected = List.of(new Phase(Phase.Kind.WARMUP, 0, 20), new Phase(Phase.Kind.STABLE, 20, 90),
                new Phase(Phase.Kind.DECAY, 90, 100), new Phase(Phase.Kind.REWARMUP, 100, 101), new Phase(Phase.Kind.STABLE, 101, 190),
                new Phase(Phase.Kind.DECAY, 190, 210));
        assertEquals(expected, schedule.phasesOf(Line.MAIN));
        assertEquals(expected, read(csv(lr, phase), 512).get(0).phases());
        String withoutColumn = csv(lr, null);
        assertEquals(expected, new TraceReader(512).read(new ByteArrayInputStream(withoutColumn.getBytes(StandardCharsets.UTF_8)),
                "test.csv", schedule).get(0).phases());
    }

    @Test
    void badTracesAreRejectedWithTheLineAndTheProblem() {
        TraceFormatException order = assertThrows(TraceFormatException.class,
                () -> read("line,step,lr,loss\nmain,0,1,1\nmain,5,1,1\nmain,3,1,1\n", 16));
        assertTrue(order.getMessage().contains("test.csv line 4"), order.getMessage());
        assertTrue(order.getMessage().contains("step 3 on line 'main' after step 5"), order.getMessage());
        TraceFormatException header = assertThrows(TraceFormatException.class, () -> read("a,b\n1,2\n", 16));
        assertTrue(header.getMessage().contains("lacks the required columns 'line' and 'step'"), header.getMessage());
        TraceFormatException fields = assertThrows(TraceFormatException.class, () -> read("line,step,lr\nmain,0\n", 16));
        assertTrue(fields.getMessage().contains("line 2 has 2 fields; the header has 3"), fields.getMessage());
        TraceFormatException phase = assertThrows(TraceFormatException.class, () -> read("line,step,phase\nmain,0,cooldown\n", 16));
        assertTrue(phase.getMessage().contains("line 2 column phase: 'cooldown' is not a phase; expected one of [warmup, stable, decay, rewarmup]"),
                phase.getMessage());
    }

    @Test
    void decimalsParseShortNumbersExactlyAndLongOnesWithinOneUlp() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double x = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-60, 60));
            byte[] text = Double.toString(x).getBytes(StandardCharsets.US_ASCII);
            double parsed = Decimals.parse(text, 0, text.length);
            // At most three roundings of relative size 2^-53 each: within two ulps (tolerance 2 ulp).
            assertTrue(Math.abs(parsed - x) <= 2 * Math.ulp(x), () -> new String(text) + " -> " + parsed);
            // Up to 15 significant digits and moderate exponents the fast path is correctly rounded.
            double rounded = Double.parseDouble(String.format("%.14e", random.nextDouble(-1e6, 1e6)));
            byte[] shortText = Double.toString(rounded).getBytes(StandardCharsets.US_ASCII);
            assertEquals(rounded, Decimals.parse(shortText, 0, shortText.length), new String(shortText));
        }
        byte[] nan = "NaN".getBytes(StandardCharsets.US_ASCII);
        assertTrue(Double.isNaN(Decimals.parse(nan, 0, 3)));
        assertTrue(Double.isNaN(Decimals.parse(nan, 0, 0)));
    }

    @Test
    void runsAreFoundBelowADirectoryButNotInsideTheReport(@TempDir Path dir) throws IOException {
        SyntheticRuns.constant(dir, "constant", 50, 0.1);
        SyntheticRuns.cosine(dir.resolve("nested"), "cosine", new long[] {50}, 0.1, 5, 0.1);
        Path report = dir.resolve("report");
        SyntheticRuns.constant(report, "copy", 50, 0.1);
        Files.createDirectories(dir.resolve(".hidden"));
        List<Path> found = Runs.find(dir, report);
        assertEquals(List.of(dir.resolve("constant"), dir.resolve("nested/cosine")), found);
        assertFalse(Runs.sweepTable(dir).isPresent());
    }
}
