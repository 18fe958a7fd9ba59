package io.github.rivervalley.simulator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running, resuming, sharding and merging sweeps, with a stand-in engine. */
class SweepRunnerTest {

    /** Relative tolerance for values that went through Double.toString and back: exact. */
    private static final double EXACT = 0.0;

    static final String SWEEP = """
            base:
              seed: 4
              steps: 100
              schedule: {type: wsd, peak: 0.1, decayFraction: 0.2, budgets: [25, 50, 100]}
            grid:
              schedule.type: [wsd, cosine]
              schedule.peak: [0.1, 0.3]
            seeds: 2
            """;

    @TempDir
    Path tmp;

    /** The sweep expanded (its runs bound) by {@code engine}, which then executes them. */
    static Sweep sweep(String yaml, FakeEngine engine) {
        return Sweep.expand(SweepSpec.parse(SpecReader.instance().readTree(yaml, "test sweep"), "demo"), engine);
    }

    static SweepRunner.Outcome run(String yaml, Path dir, int threads, Shard shard, FakeEngine engine) {
        return new SweepRunner(sweep(yaml, engine), dir).run(threads, shard, false, new SweepRunner.Listener() { });
    }

    @Test
    void sweepWritesEveryRunAndASummaryTableWithTheEnginesValues() throws IOException {
        Path dir = tmp.resolve("out");
        FakeEngine engine = new FakeEngine();
        SweepRunner.Outcome outcome = run(SWEEP, dir, 2, Shard.ALL, engine);
        assertEquals(8, outcome.runs());
        assertEquals(8, outcome.executed());
        assertTrue(outcome.merge().complete());
        assertEquals(8, outcome.merge().done());
        // Each run was bound once, when the sweep was expanded (plus the base spec), and not again to run it.
        assertEquals(1 + 8, engine.binds.get());
        assertEquals(8, engine.executions.get());

        Sweep sweep = sweep(SWEEP, new FakeEngine());
        SweepResult table = SweepResult.read(dir.resolve("sweep.csv"));
        assertEquals(List.of("schedule.type", "schedule.peak"), table.axes());
        assertEquals(8 * 3, table.rows().size(), "one row per run and checkpoint");
        int row = 0;
        for (Sweep.Job run : sweep.runs()) {
            FakeEngine.Spec spec = SpecReader.instance().bind(run.runSpec(), FakeEngine.Spec.class);
            assertTrue(Files.isRegularFile(dir.resolve(run.name()).resolve("timing.json")));
            long compute = 0;
            for (long budget : FakeEngine.budgets(spec)) {
                compute += budget;
                SweepResult.Row r = table.rows().get(row++);
                assertEquals(run.name(), r.run());
                assertEquals(run.axisText().get("schedule.type"), r.axis("schedule.type"));
                assertEquals(run.axisText().get("schedule.peak"), r.axis("schedule.peak"));
                assertEquals(run.seed(), r.seed());
                assertEquals("done", r.status());
                assertEquals(budget, r.budget());
                assertEquals(compute, r.compute());
                assertEquals(FakeEngine.loss(spec, budget), r.value("loss"), EXACT);
                assertEquals(0, r.diverged());
                assertTrue(r.wallSeconds() >= 0);
            }
        }
        JsonNode json = RunDirs.JSON.readTree(dir.resolve("sweep.json").toFile());
        assertEquals(8, json.get("done").asInt());
        assertEquals(8, json.get("run_list").size());
        assertEquals("done", json.at("/run_list/7/status").asText());
        assertEquals(sweep.runs().get(7).name(), json.at("/run_list/7/name").asText());
        assertEquals("demo", json.get("name").asText());
        assertTrue(Files.isRegularFile(dir.resolve("sweep-spec.yaml")));
    }

    @Test
    void failingAndDivergingRunsAreRecordedWithoutStoppingTheSweep() throws IOException {
        String yaml = """
                base: {steps: 50, schedule: {type: wsd, peak: 0.1}}
                grid:
                  fail: [false, true]
                  schedule.peak: [0.5, 2.0]
                """;
        Path dir = tmp.resolve("out");
        SweepRunner.Outcome outcome = run(yaml, dir, 2, Shard.ALL, new FakeEngine());
        assertEquals(List.of("fail-true_peak-0.5", "fail-true_peak-2"), outcome.failed());
        assertEquals(List.of("fail-true_peak-0.5", "fail-true_peak-2"), outcome.merge().failed());
        assertEquals(2, outcome.merge().done());
        assertTrue(outcome.merge().complete(), "failed runs are finished, not missing");
        Path failed = dir.resolve("fail-true_peak-0.5");
        try (var files = Files.list(failed)) {
            assertEquals(List.of("error.txt"), files.map(p -> p.getFileName().toString()).toList(), "a failed run keeps only its reason");
        }
        assertEquals("IllegalStateException: asked to fail\n", Files.readString(failed.resolve("error.txt"), StandardCharsets.UTF_8));
        JsonNode json = RunDirs.JSON.readTree(dir.resolve("sweep.json").toFile());
        assertEquals("failed", json.at("/run_list/2/status").asText());
        assertEquals("IllegalStateException: asked to fail", json.at("/run_list/2/reason").asText());
        assertEquals("done", json.at("/run_list/1/status").asText());
        assertTrue(json.at("/run_list/1/reason").asText().startsWith("diverged: 1 of 1 replicas on line main (first at step 7)"));
        SweepResult table = SweepResult.read(dir.resolve("sweep.csv"));
        SweepResult.Row diverged = table.rows().get(1);
        assertEquals(1, diverged.diverged());
        assertTrue(Double.isNaN(diverged.value("loss")), "a diverged loss is empty, read as NaN");
        assertEquals("failed", table.rows().get(2).status());

        // Failed runs are not retried unless asked.
        FakeEngine again = new FakeEngine();
        new SweepRunner(sweep(yaml, again), dir).run(2, Shard.ALL, false, new SweepRunner.Listener() { });
        assertEquals(0, again.executions.get());
        new SweepRunner(sweep(yaml, again), dir).run(2, Shard.ALL, true, new SweepRunner.Listener() { });
        assertEquals(2, again.executions.get());
    }

    @Test
    void resumeSkipsCompleteRunsAndRedoesIncompleteOnes() throws IOException {
        Path dir = tmp.resolve("out");
        Path reference = tmp.resolve("reference");
        run(SWEEP, reference, 2, Shard.ALL, new FakeEngine());
        run(SWEEP, dir, 2, Shard.ALL, new FakeEngine());
        Sweep sweep = sweep(SWEEP, new FakeEngine());
        // Simulate a kill: one run lost its summary (and left a stray temporary file), one never started.
        Path interrupted = dir.resolve(sweep.runs().get(3).name());
        Files.delete(interrupted.resolve("summary.json"));
        Files.delete(interrupted.resolve("timing.json"));
        Files.writeString(interrupted.resolve(".trace.csv.tmp"), "half a tra");
        Path never = dir.resolve(sweep.runs().get(6).name());
        RunDirs.deleteTree(never);
        Files.delete(dir.resolve("sweep.csv"));

        FakeEngine engine = new FakeEngine();
        SweepRunner.Outcome outcome = run(SWEEP, dir, 2, Shard.ALL, engine);
        assertEquals(6, outcome.skipped());
        assertEquals(Set.of(sweep.runs().get(3).name(), sweep.runs().get(6).name()), new HashSet<>(engine.executed));
        assertFalse(Files.exists(interrupted.resolve(".trace.csv.tmp")), "an interrupted run is redone from scratch");
        SweepFiles.assertSameOutputs(reference, dir);
    }

    @Test
    void shardsAreDisjointCoverEveryRunAndAreStable() {
        Sweep sweep = sweep(SWEEP, new FakeEngine());
        for (int n = 1; n <= 5; n++) {
            Set<String> union = new HashSet<>();
            int total = 0;
            for (int i = 0; i < n; i++) {
                Shard shard = Shard.parse(i + "/" + n);
                for (Sweep.Job run : sweep.runs()) {
                    if (shard.owns(run.index())) {
                        union.add(run.name());
                        total++;
                    }
                }
            }
            assertEquals(sweep.runs().size(), total, "every run in exactly one shard (n=" + n + ")");
            assertEquals(sweep.runs().size(), union.size());
        }
        assertThrows(SpecException.class, () -> Shard.parse("3/3"));
        assertThrows(SpecException.class, () -> Shard.parse("1/0"));
        assertThrows(SpecException.class, () -> Shard.parse("a/2"));
        assertThrows(SpecException.class, () -> Shard.parse("1"));
    }

    @Test
    void shardsSharingADirectoryGiveTheSameResultAsOneProcess() throws IOException {
        Path reference = tmp.resolve("reference");
        run(SWEEP, reference, 1, Shard.ALL, new FakeEngine());
        Path dir = tmp.resolve("shared");
        Sweep sweep = sweep(SWEEP, new FakeEngine());
        List<String> all = new ArrayList<>();
        // Shard 1 runs first and part of shard 0 has already finished: assignment must not change.
        FakeEngine second = new FakeEngine();
        run(SWEEP, dir, 2, new Shard(1, 3), second);
        FakeEngine first = new FakeEngine();
        SweepRunner.Outcome partial = run(SWEEP, dir, 2, new Shard(0, 3), first);
        assertNull(partial.merge(), "a shard does not merge");
        FakeEngine third = new FakeEngine();
        run(SWEEP, dir, 2, new Shard(2, 3), third);
        for (FakeEngine engine : List.of(first, second, third)) {
            all.addAll(engine.executed);
        }
        assertEquals(sweep.runs().size(), all.size());
        assertEquals(sweep.runs().size(), new HashSet<>(all).size());
        for (String name : first.executed) {
            assertEquals(0, sweep.runs().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().index() % 3);
        }
        FakeEngine rerun = new FakeEngine();
        run(SWEEP, dir, 2, new Shard(0, 3), rerun);
        assertEquals(0, rerun.executions.get(), "a finished shard has nothing to do");
        SweepMerger.Report report = SweepMerger.merge(dir);
        assertTrue(report.complete());
        SweepFiles.assertSameOutputs(reference, dir);
    }

    @Test
    void mergeReportsMissingRuns() throws IOException {
        Path dir = tmp.resolve("out");
        run(SWEEP, dir, 2, new Shard(0, 2), new FakeEngine());
        Path interrupted = dir.resolve(sweep(SWEEP, new FakeEngine()).runs().get(1).name());
        Files.createDirectories(interrupted);
        SweepMerger.Report report = SweepMerger.merge(dir);
        Sweep sweep = sweep(SWEEP, new FakeEngine());
        List<String> odd = sweep.runs().stream().filter(r -> r.index() % 2 == 1).map(Sweep.Job::name).toList();
        assertEquals(odd, report.missing());
        assertEquals(4, report.done());
        assertFalse(report.complete());
        assertTrue(report.describe().contains("4 missing"), report.describe());
        JsonNode json = RunDirs.JSON.readTree(dir.resolve("sweep.json").toFile());
        assertEquals(4, json.get("missing").asInt());
        assertEquals("missing", json.at("/run_list/1/status").asText());
        assertEquals("interrupted (no summary.json)", json.at("/run_list/1/reason").asText());
        assertEquals("not run yet", json.at("/run_list/3/reason").asText());
        SweepResult table = SweepResult.read(dir.resolve("sweep.csv"));
        assertEquals(4 * 3 + 4, table.rows().size(), "done runs per checkpoint, missing runs one row each");
        assertEquals(4 * 3, table.done().size());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws IOException {
        Path one = tmp.resolve("one");
        Path four = tmp.resolve("four");
        run(SWEEP, one, 1, Shard.ALL, new FakeEngine());
        run(SWEEP, four, 4, Shard.ALL, new FakeEngine());
        SweepFiles.assertSameOutputs(one, four);
    }

    @Test
    void progressCountsRunsDoneAndRunningWithinTheThreadLimit() {
        String yaml = SWEEP.replace("steps: 100", "steps: 100\n  sleepMillis: 50");
        Path dir = tmp.resolve("out");
        List<int[]> updates = new ArrayList<>();
        int[] begin = new int[2];
        SweepRunner.Listener listener = new SweepRunner.Listener() {
            @Override
            public void begin(int runs, int alreadyDone) {
                begin[0] = runs;
                begin[1] = alreadyDone;
            }

            @Override
            public void update(int finished, int running, int failed) {
                updates.add(new int[] {finished, running, failed});
            }
        };
        new SweepRunner(sweep(yaml, new FakeEngine()), dir).run(3, Shard.ALL, false, listener);
        assertEquals(8, begin[0]);
        assertEquals(0, begin[1]);
        assertEquals(16, updates.size(), "one update when each run starts and one when it ends");
        int maxRunning = 0;
        for (int i = 0; i < updates.size(); i++) {
            maxRunning = Math.max(maxRunning, updates.get(i)[1]);
            assertTrue(updates.get(i)[1] <= 3, "never more runs at once than threads");
            if (i > 0) {
                assertTrue(updates.get(i)[0] >= updates.get(i - 1)[0], "finished never decreases");
            }
        }
        assertTrue(maxRunning >= 2, "runs do overlap");
        assertEquals(List.of(8, 0, 0), List.of(updates.get(15)[0], updates.get(15)[1], updates.get(15)[2]));

        // A second call starts from what is done.
        new SweepRunner(sweep(yaml, new FakeEngine()), dir).run(3, Shard.ALL, false, listener);
        assertEquals(8, begin[1]);
    }

    @Test
    void aDirectoryHoldingAnotherSweepIsRefused() {
        Path dir = tmp.resolve("out");
        run(SWEEP, dir, 2, Shard.ALL, new FakeEngine());
        SpecException e = assertThrows(SpecException.class, () -> run(SWEEP.replace("seeds: 2", "seeds: 3"), dir, 2, Shard.ALL, new FakeEngine()));
        assertTrue(e.getMessage().contains("different sweep"), e.getMessage());
    }

    @Test
    void mergeOfANonSweepDirectoryIsAClearError() {
        SpecException e = assertThrows(SpecException.class, () -> SweepMerger.merge(tmp));
        assertTrue(e.getMessage().contains("not a sweep directory"), e.getMessage());
        assertNotNull(e.field());
    }
}
