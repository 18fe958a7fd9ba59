package io.github.rivervalley.simulator.sweep;

import io.github.rivervalley.simulator.results.RunDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL a sweep process at seeded random moments, re-run the same command until it completes, and
 * compare every output file byte for byte with an uninterrupted sweep (timing files and the
 * wall_seconds column excepted).
 */
class SweepKillTest {

    private static final String SWEEP = """
            base:
              seed: 1
              steps: 200
              sleepMillis: 150
              schedule: {type: wsd, peak: 0.1, budgets: [50, 100, 200]}
            grid:
              schedule.type: [wsd, cosine]
              schedule.peak: [0.05, 0.1, 0.2]
            seeds: 3
            """;

    @TempDir
    Path tmp;

    @Test
    void killedAndResumedSweepEqualsAnUninterruptedOne() throws Exception {
        Path spec = tmp.resolve("kill.yaml");
        Files.writeString(spec, SWEEP);
        Path reference = tmp.resolve("reference");
        FakeEngine engine = new FakeEngine();
        new SweepRunner(Sweep.expand(SweepSpec.read(spec), engine), reference).run(2, Shard.ALL, false, new SweepRunner.Listener() { });

        Path dir = tmp.resolve("killed");
        Random random = new Random(20261127L);
        int kills = 0;
        int interruptedRuns = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            Process process = start(spec, dir);
            // Wait until the runs begin (the process prints a line then), and kill after a random delay.
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                out.readLine();
                Thread.sleep(random.nextInt(300));
            }
            if (process.isAlive()) {
                process.destroyForcibly();
                kills++;
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            interruptedRuns += incompleteRuns(dir);
        }
        for (int attempt = 0; attempt < 5 && !Files.exists(dir.resolve(RunDirectory.SWEEP_CSV)); attempt++) {
            Process process = start(spec, dir);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), "the resumed sweep completes");
        }
        // 18 runs of 150 ms on 2 threads need 1350 ms, more than the 4 kill delays (< 300 ms each) allow.
        assertEquals(4, kills, "every attempt was killed mid-sweep");
        assertTrue(interruptedRuns >= 1, "some kill interrupted a run in the middle, so redoing it was exercised");
        SweepFiles.assertSameOutputs(reference, dir);
    }

    private static Process start(Path spec, Path dir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Xshare:auto");
        command.add(FakeSweepMain.class.getName());
        command.add(spec.toString());
        command.add(dir.toString());
        command.add("2");
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Run directories left without summary.json or error.txt. */
    private static int incompleteRuns(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int count = 0;
        try (var list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                if (Files.isDirectory(p) && RunDirs.state(p) == RunDirs.State.INCOMPLETE) {
                    count++;
                }
            }
        }
        return count;
    }

}
