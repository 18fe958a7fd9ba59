package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rivervalley sweep} with the real engine, SIGKILLed while runs are in progress at seeded random
 * moments and re-run until complete: every output file equals, byte for byte, that of an uninterrupted
 * sweep (timing files and the wall_seconds column excepted).
 */
class SweepKillCliTest {

    private static final String SWEEP = """
            name: kill
            base:
              steps: 20000
              replicas: 16
              landscape: {type: straight-valley, dimension: 3, hillCurvature: [10, 2], river: {type: linear, slope: 0.1}}
              optimizer: {type: sgd}
              noise: {type: isotropic, sigma: 0.5}
              schedule: {type: wsd, peak: 0.05, warmup: 100, floor: 0.1, decayFraction: 0.1, budgets: [5000, 10000, 20000]}
              record: {every: 50}
            grid:
              schedule.peak: [0.02, 0.05, 0.1]
            seeds: 3
            """;

    @TempDir
    Path tmp;

    @Test
    void killedAndResumedSweepEqualsAnUninterruptedOne() throws Exception {
        Path spec = tmp.resolve("kill.yaml");
        Files.writeString(spec, SWEEP);
        Path reference = tmp.resolve("reference");
        assertEquals(0, CliRun.execute("sweep", spec.toString(), "--out", reference.toString(), "--threads", "2", "--quiet").exit());

        Path dir = tmp.resolve("killed");
        Random random = new Random(11L);
        int interrupted = 0;
        for (int attempt = 0; attempt < 4 && !Files.exists(dir.resolve("sweep.csv")); attempt++) {
            Process process = start(spec, dir);
            // Wait until some run is in progress (a run directory without summary.json), then kill soon after.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (process.isAlive() && runsInProgress(dir) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            Thread.sleep(random.nextInt(60));
            process.destroyForcibly();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            interrupted += runsInProgress(dir);
        }
        Process finish = start(spec, dir);
        assertTrue(finish.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, finish.exitValue());
        assertTrue(interrupted >= 1, "some kill interrupted a run in the middle, so redoing it was exercised");
        assertEquals(SweepCommandTest.contents(reference), SweepCommandTest.contents(dir));
    }

    private static Process start(Path spec, Path dir) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sweep", spec.toString(), "--out", dir.toString(), "--threads", "2", "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Run directories without summary.json or error.txt. */
    private static int runsInProgress(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int count = 0;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                if (Files.isDirectory(p) && !Files.exists(p.resolve("summary.json")) && !Files.exists(p.resolve("error.txt"))) {
                    count++;
                }
            }
        }
        return count;
    }

}
