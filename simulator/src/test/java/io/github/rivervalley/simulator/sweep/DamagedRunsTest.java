package io.github.rivervalley.simulator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merge and resume check a run's files before trusting its {@code summary.json} (issue 17, item 7): a run
 * whose trace is missing or truncated, or whose summary is {@code {}}, is not done; a resume redoes exactly
 * those runs and ends with what an undisturbed sweep writes.
 */
class DamagedRunsTest {

    @TempDir
    Path tmp;

    @Test
    void damagedRunsAreMissingForMergeAndRedoneByResume() throws IOException {
        Path reference = tmp.resolve("reference");
        SweepRunnerTest.run(SweepRunnerTest.SWEEP, reference, 2, Shard.ALL, new FakeEngine());
        Path dir = tmp.resolve("damaged");
        SweepRunnerTest.run(SweepRunnerTest.SWEEP, dir, 2, Shard.ALL, new FakeEngine());
        List<String> names = SweepRunnerTest.sweep(SweepRunnerTest.SWEEP, new FakeEngine()).runs().stream().map(Sweep.Job::name).toList();

        Files.delete(dir.resolve(names.get(0)).resolve("trace.csv"));
        Path truncated = dir.resolve(names.get(1)).resolve("trace.csv");
        String trace = Files.readString(truncated, StandardCharsets.UTF_8);
        Files.writeString(truncated, trace.substring(0, trace.length() - 7)); // mid-row
        Path atRow = dir.resolve(names.get(2)).resolve("trace.csv");
        String rows = Files.readString(atRow, StandardCharsets.UTF_8);
        Files.writeString(atRow, rows.substring(0, rows.lastIndexOf('\n', rows.length() - 2) + 1)); // a whole row short
        Files.writeString(dir.resolve(names.get(3)).resolve("summary.json"), "{}");
        Files.writeString(dir.resolve(names.get(4)).resolve("trace.csv"), "line,step,loss\n"); // header only

        SweepMerger.Report merge = SweepMerger.merge(dir);
        assertFalse(merge.complete());
        assertEquals(Set.copyOf(names.subList(0, 5)), Set.copyOf(merge.missing()));
        String json = Files.readString(dir.resolve("sweep.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("trace.csv is missing"), json);
        assertTrue(json.contains("is truncated: its last row does not end with a newline"), json);
        assertTrue(json.contains("is truncated: it ends at step 90 of line 'main'"), json);
        assertTrue(json.contains("summary.json is not a complete run summary"), json);
        assertTrue(json.contains("has a header but no rows"), json);

        FakeEngine engine = new FakeEngine();
        SweepRunner.Outcome resumed = SweepRunnerTest.run(SweepRunnerTest.SWEEP, dir, 2, Shard.ALL, engine);
        assertEquals(new TreeSet<>(names.subList(0, 5)), new TreeSet<>(engine.executed));
        assertTrue(resumed.merge().complete());
        SweepFiles.assertSameOutputs(reference, dir);
    }
}
