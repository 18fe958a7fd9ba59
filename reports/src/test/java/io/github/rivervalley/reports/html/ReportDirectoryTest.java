package io.github.rivervalley.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --out} replaces only a directory written by an earlier report (issue 17, items 1 and 8). */
class ReportDirectoryTest {

    @Test
    void aUserDirectoryWithAnIndexHtmlIsRefusedAndKept(@TempDir Path dir) throws IOException {
        Path runs = HtmlReportTest.study(dir.resolve("runs"));
        Path site = Files.createDirectories(dir.resolve("site/photos"));
        Files.writeString(dir.resolve("site/index.html"), "x");
        Files.writeString(dir.resolve("site/notes.txt"), "y");
        assertEquals(Main.BAD_INPUT, Main.run("report", runs.toString(), "--out", dir.resolve("site").toString()));
        assertTrue(Files.isDirectory(site));
        assertEquals("y", Files.readString(dir.resolve("site/notes.txt")));
        assertEquals("x", Files.readString(dir.resolve("site/index.html")));
    }

    @Test
    void stagingLeftByKilledReportsIsRemovedButNotThatOfARunningOne(@TempDir Path dir) throws IOException {
        Path runs = HtmlReportTest.study(dir.resolve("runs"));
        long dead = deadPid();
        Path staged = Files.createDirectories(runs.resolve(".report.tmp-" + dead + "/charts"));
        Files.write(staged.resolve("big.png"), new byte[1 << 20]);
        Path setAside = Files.createDirectories(runs.resolve(".report.old-" + dead));
        long alive = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path running = Files.createDirectories(runs.resolve(".report.tmp-" + alive));
        assertEquals(0, Main.run("report", runs.toString()));
        assertTrue(Files.notExists(staged.getParent()), "a killed report's staging directory is removed");
        assertTrue(Files.notExists(setAside));
        assertTrue(Files.isDirectory(running), "a running process's staging directory is left alone");
    }

    /** A process id that no process has: well above the usual pid_max, checked. */
    private static long deadPid() {
        for (long pid = 4_000_000_000L; ; pid++) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
    }

    @Test
    void anEarlierReportIsRecognisedByItsMarkerAndReplaced(@TempDir Path dir) throws IOException {
        Path runs = HtmlReportTest.study(dir.resolve("runs"));
        Path out = dir.resolve("out");
        assertEquals(0, Main.run("report", runs.toString(), "--out", out.toString()));
        assertTrue(Files.isRegularFile(out.resolve(ReportDirectory.MARKER)));
        Files.writeString(out.resolve("stale.txt"), "old");
        assertEquals(0, Main.run("report", runs.toString(), "--out", out.toString()));
        assertTrue(Files.notExists(out.resolve("stale.txt")));
    }
}
