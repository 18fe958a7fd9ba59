package io.github.rivervalley.simulator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one sweep directory (issue 17, item 3): while a sweep runs in another JVM, a second
 * sweep, the same shard or a merge of that directory stops at once with a clear message and changes
 * nothing; other shards share the directory; afterwards a plain invocation finds every run complete.
 */
class SweepLockTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondProcessOnTheSameRunsIsRefusedWhileTheFirstRuns() throws Exception {
        Path spec = Files.writeString(tmp.resolve("lock.yaml"), """
                base:
                  seed: 1
                  steps: 200
                  sleepMillis: 100
                  schedule: {type: wsd, peak: 0.1, budgets: [50, 100, 200]}
                grid:
                  schedule.peak: [0.05, 0.1, 0.2]
                seeds: 4
                """);
        Path reference = tmp.resolve("reference");
        FakeEngine engine = new FakeEngine();
        Sweep sweep = Sweep.expand(SweepSpec.read(spec), engine);
        new SweepRunner(sweep, reference).run(2, Shard.ALL, false, new SweepRunner.Listener() { });

        Path dir = tmp.resolve("shared");
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FakeSweepMain.class.getName(), spec.toString(), dir.toString(), "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(out.readLine().startsWith("begin"), "the first sweep started");
            // 12 runs of 100 ms on one thread take 1.2 s: the first process holds the lock during all of this.
            FakeEngine second = new FakeEngine();
            SweepLock.DirectoryBusyException busy = assertThrows(SweepLock.DirectoryBusyException.class,
                    () -> new SweepRunner(Sweep.expand(SweepSpec.read(spec), second), dir).run(2, Shard.ALL, false, new SweepRunner.Listener() { }));
            assertTrue(busy.getMessage().contains("in use by another rivervalley process (process " + first.pid() + ")"), busy.getMessage());
            assertThrows(SweepLock.DirectoryBusyException.class,
                    () -> new SweepRunner(Sweep.expand(SweepSpec.read(spec), second), dir).run(2, new Shard(1, 3), false, new SweepRunner.Listener() { }));
            assertThrows(SweepLock.DirectoryBusyException.class, () -> SweepLock.exclusive(dir));
            assertEquals(0, second.executions.get(), "the refused sweeps ran nothing");
            assertTrue(first.isAlive(), "the first sweep was still running when the others were refused");
        }
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue());
        FakeEngine resume = new FakeEngine();
        SweepRunner.Outcome outcome = new SweepRunner(Sweep.expand(SweepSpec.read(spec), resume), dir).run(2, Shard.ALL, false, new SweepRunner.Listener() { });
        assertEquals(0, outcome.executed());
        assertTrue(outcome.merge().complete());
        SweepFiles.assertSameOutputs(reference, dir);
    }

    @Test
    void shardsShareTheDirectoryButNotAShard() {
        Path dir = tmp.resolve("shards");
        try (SweepLock zero = SweepLock.acquire(dir, new Shard(0, 2))) {
            assertTrue(zero.held());
            // Another shard is compatible (shared lock); in one JVM the OS sees one owner, so this checks
            // the rules as far as one process can: the same shard and the whole sweep are refused.
            assertThrows(SweepLock.DirectoryBusyException.class, () -> SweepLock.acquire(dir, new Shard(0, 2)));
            assertThrows(SweepLock.DirectoryBusyException.class, () -> SweepLock.exclusive(dir));
        }
        try (SweepLock whole = SweepLock.exclusive(dir)) {
            assertTrue(whole.held(), "released locks can be taken again");
        }
    }
}
