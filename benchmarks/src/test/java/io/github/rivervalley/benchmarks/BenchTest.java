package io.github.rivervalley.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness arithmetic, the scaling fit, and a real (tiny) bench run end to end. */
class BenchTest {

    @Test
    void measurementReportsMedianAndRange() {
        Measurement odd = new Measurement("m", "steps", 100, new double[] {2.0, 1.0, 4.0});
        assertEquals(2.0, odd.medianSeconds());
        assertEquals(50.0, odd.rate());
        assertEquals(25.0, odd.minRate());
        assertEquals(100.0, odd.maxRate());
        assertEquals(2.5, new Measurement("m", "steps", 1, new double[] {4.0, 1.0, 2.0, 3.0}).medianSeconds());
    }

    @Test
    void harnessSubtractsTheFixedCostAndRunsWarmupsFirst() {
        List<Integer> calls = new ArrayList<>();
        Measurement m = new Harness(2, 3).measure("t", new Harness.Task("u", 10, () -> calls.add(calls.size()), 0.0));
        assertEquals(5, calls.size(), "2 warmups + 3 timed");
        assertEquals(3, m.seconds().length);
    }

    /**
     * By process CPU time a repeat is a batch of iterations (1 to MAX_BATCH, sized by one more untimed
     * iteration), the same batch for every repeat: the calls after the warmups and the sizing one are a whole
     * number of batches per repeat.
     */
    @Test
    void processCpuRepeatsAreEqualBatches() {
        List<Integer> calls = new ArrayList<>();
        Measurement m = new Harness(2, 3, 2).measure("t", new Harness.Task("u", 10, () -> calls.add(calls.size()), 0.0));
        int timed = calls.size() - 2 - 1;
        assertEquals(0, timed % 3, "equal batches: " + calls.size());
        assertTrue(timed / 3 >= 1 && timed / 3 <= Harness.MAX_BATCH, "batch " + timed / 3);
        assertEquals(3, m.seconds().length);
    }

    /** Points exactly on a power law: the fitted exponent is the law's, to rounding (1e-12). */
    @Test
    void fittedExponentOfAPowerLaw() {
        List<Scaling.Point> points = new ArrayList<>();
        for (int d : Scaling.grid(10, 10_000, 3)) {
            points.add(new Scaling.Point(d, 3e-9 * Math.pow(d, 1.5)));
        }
        assertEquals(1.5, Scaling.fittedExponent(points), 1e-12);
    }

    @Test
    void gridIsGeometricFromFirstToLast() {
        List<Integer> grid = Scaling.grid(10, 10_000, 3);
        assertEquals(10, grid.get(0));
        assertEquals(10_000, grid.get(grid.size() - 1));
        assertEquals(10, grid.size(), "three points per decade over three decades, plus the end");
        for (int i = 1; i < grid.size(); i++) {
            assertTrue(grid.get(i) > grid.get(i - 1));
        }
    }

    @Test
    void threadCountIsReadFromTheName() {
        assertEquals(2, BenchRunner.threadsOf("straight-sgd-10k/2t"));
        assertEquals(12, BenchRunner.threadsOf("bigram-factored-V4096-f32/12t"));
        assertEquals(1, BenchRunner.threadsOf("long-trajectory"));
    }

    @Test
    void peersRunUnderTheNameWithoutTheThreadCount() {
        assertEquals("straight-sgd-10k", PeerComparison.peerName("straight-sgd-10k/2t"));
        assertEquals("long-trajectory", PeerComparison.peerName("long-trajectory"));
        assertEquals("bigram-factored-V4096", PeerComparison.peerName("bigram-factored-V4096-f32/1t"));
    }

    /** A quick run of two benchmarks: results printed and written to bench.csv. */
    @Test
    void quickRunWritesResults(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        BenchRunner runner = new BenchRunner(new BenchRunner.Options(true, List.of("straight-sgd-10k/", "rotated-d1000-sharpness"),
                List.of(1), dir, false, dir, "python3", false), new PrintWriter(text, true));
        List<Measurement> results = runner.run();
        assertEquals(List.of("straight-sgd-10k/1t", "rotated-d1000-sharpness"), results.stream().map(Measurement::name).toList());
        for (Measurement m : results) {
            assertTrue(m.rate() > 0 && Double.isFinite(m.rate()), m.toString());
        }
        List<String> csv = Files.readAllLines(dir.resolve("bench.csv"));
        assertEquals(3, csv.size());
        // 2,000 replicas x 1,000 steps: with one budget, WSD is a single line (its decay ends the main line).
        assertTrue(csv.get(1).startsWith("straight-sgd-10k/1t,replica-steps,2000000,"), csv.get(1));
        assertTrue(text.toString().contains("straight-sgd-10k/1t"));
    }

    @Test
    void badThreadCountIsAClearError() {
        StringWriter err = new StringWriter();
        var cli = BenchCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("--threads", "0", "--only", "none"));
        assertTrue(err.toString().contains("--threads: 0 is not allowed"), err.toString());
    }
}
