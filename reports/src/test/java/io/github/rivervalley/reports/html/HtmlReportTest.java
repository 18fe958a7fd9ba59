package io.github.rivervalley.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.SyntheticRuns;
import io.github.rivervalley.reports.analysis.Headlines;
import io.github.rivervalley.reports.cli.Main;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.Runs;
import io.github.rivervalley.simulator.results.read.TraceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    /** Writes a small study: WSD with two budgets, cosine and constant LR. */
    static Path study(Path dir) throws IOException {
        SyntheticRuns.wsd(dir, "wsd", new long[] {200, 400}, 0.15, 20, 0.2, 0.1);
        SyntheticRuns.cosine(dir, "cosine", new long[] {200, 400}, 0.15, 20, 0.1);
        SyntheticRuns.constant(dir, "constant <&>", 400, 0.15);
        return dir;
    }

    @Test
    void reportLinksResolveSpecsAreEscapedAndRerunsReplaceTheReport(@TempDir Path dir) throws IOException {
        study(dir);
        assertEquals(0, Main.run("report", dir.toString()));
        Path report = dir.resolve("report");
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        // Spec text is escaped: the synthetic spec holds a script tag and the run name holds <&>.
        assertFalse(html.contains("<script"), "unescaped script tag in the report");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; friends"));
        assertTrue(html.contains("constant &lt;&amp;&gt;"));
        // No network: nothing is loaded from http(s).
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find());
        // Every relative link and image resolves to a file.
        Matcher m = Pattern.compile("(?:src|href)=\"(?!data:)([^\"#][^\"]*)\"").matcher(html);
        int links = 0;
        while (m.find()) {
            String target = java.net.URLDecoder.decode(m.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8);
            assertTrue(Files.isRegularFile(report.resolve(target)), "broken link " + m.group(1));
            links++;
        }
        // 3 runs x (3 files, twice) + charts (png link, svg link, png, svg per figure).
        assertTrue(links > 60, "only " + links + " links");
        assertTrue(html.contains("../wsd/trace.csv"));
        // Re-running replaces the report: a stray file from before is gone, the index is rewritten.
        Files.writeString(report.resolve("stale.txt"), "old");
        assertEquals(0, Main.run("report", dir.toString(), "--out", report.toString()));
        assertFalse(Files.exists(report.resolve("stale.txt")));
        assertTrue(Files.isRegularFile(report.resolve("index.html")));
        try (var siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith(".report")), "staging directory left behind");
        }
    }

    @Test
    void decaySplitAddsUpAndMatchesTheClosedForm(@TempDir Path dir) throws IOException {
        double peak = 0.15;
        Path wsd = SyntheticRuns.wsd(dir, "wsd", new long[] {200, 400}, peak, 20, 0.2, 0.1);
        RecordedRun run = Runs.read(wsd, new TraceReader());
        List<Headlines.DecaySplit> splits = Headlines.decaySplits(run);
        assertEquals(2, splits.size());
        for (Headlines.DecaySplit s : splits) {
            // The branch decays over updates [160, 200), the main line over [320, 400).
            long budget = s.line().equals("main") ? 400 : 200;
            assertEquals(budget - budget / 5, s.start());
            assertEquals(budget, s.end());
            // Closed form on a linear river: the river loss falls by slope^2 * sum of the decay's rates.
            double sum = 0;
            for (long t = s.start(); t < s.end(); t++) {
                sum += SyntheticRuns.wsdRate(t, budget, 20, peak, 0.2, 0.1);
            }
            double expectedRiver = SyntheticRuns.SLOPE * SyntheticRuns.SLOPE * sum;
            // Relative 1e-12: the trace holds x and river loss rounded to double; only a few roundings apart.
            assertEquals(expectedRiver, s.riverDrop(), 1e-12 * Math.abs(expectedRiver) + 1e-15);
            // loss = river loss + hill excess on every row, so the drops add up (to rounding of the three columns).
            assertEquals(s.lossDrop(), s.riverDrop() + s.hillDrop(), 1e-12);
            assertTrue(s.hillShare() > 0.5, "the decay's drop should come mostly from the hill: " + s);
        }
    }

    @Test
    void aSweepDirectoryGetsItsSummaryTable(@TempDir Path dir) throws IOException {
        study(dir);
        // The last row has the quoted cells the merger writes for a reason holding a comma and quotes.
        Files.writeString(dir.resolve("sweep.csv"), "run,schedule.type,budget,loss\nwsd,wsd,400,0.1\nodd,<b>,400,0.2\n"
                + "bad,\"failed: a, b and \"\"c\"\"\",400,\n");
        assertEquals(0, Main.run("report", dir.toString()));
        String html = Files.readString(dir.resolve("report/index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<th>schedule.type</th>"));
        assertTrue(html.contains("<td>&lt;b&gt;</td>"));
        assertTrue(html.contains("<tr><td>bad</td><td>failed: a, b and &quot;c&quot;</td><td>400</td><td></td></tr>"), "one cell per RFC 4180 field");
        assertTrue(html.contains("href=\"../sweep.csv\""));
    }

    @Test
    void missingRunsAreABadInput(@TempDir Path dir) {
        assertEquals(Main.BAD_INPUT, Main.run("report", dir.toString()));
        assertEquals(Main.BAD_INPUT, Main.run("report", dir.resolve("absent").toString()));
        assertEquals(Main.BAD_INPUT, Main.run("report", dir.toString(), "--points", "3"));
    }

    @Test
    void theReportNeverReplacesTheRunsOrAnUnrelatedDirectory(@TempDir Path dir) throws IOException {
        study(dir);
        Path precious = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(precious.resolve("thesis.tex"), "keep me");
        assertEquals(Main.BAD_INPUT, Main.run("report", dir.toString(), "--out", precious.toString()));
        assertEquals(Main.BAD_INPUT, Main.run("report", dir.toString(), "--out", dir.toString()));
        assertEquals(Main.BAD_INPUT, Main.run("report", dir.resolve("wsd").toString(), "--out", dir.toString()));
        assertTrue(Files.isRegularFile(precious.resolve("thesis.tex")));
        assertTrue(Files.isRegularFile(dir.resolve("wsd/summary.json")));
    }

    @Test
    void aLargeSweepGetsASummaryReportAndPerRunChartsOnRequest(@TempDir Path dir) throws IOException {
        int runs = HtmlReport.SUMMARY_ABOVE + 1;
        StringBuilder csv = new StringBuilder("run,schedule.peak,budget,loss\n");
        for (int i = 0; i < runs; i++) {
            SyntheticRuns.constant(dir, "peak-" + i, 60, 0.01 * (i + 1));
            csv.append("peak-").append(i).append(',').append(0.01 * (i + 1)).append(",60,0.1\n");
        }
        Files.writeString(dir.resolve("sweep.csv"), csv.toString());
        assertEquals(0, Main.run("report", dir.toString(), "--threads", "1"));
        assertEquals(0, perRunCharts(dir.resolve("report")), "a summary report draws no per-run charts");
        assertTrue(Files.readString(dir.resolve("report/index.html")).contains("--per-run-charts"));
        assertEquals(0, Main.run("report", dir.toString(), "--threads", "1", "--per-run-charts", "always"));
        assertTrue(perRunCharts(dir.resolve("report")) >= runs, "each run's charts on request");
    }

    private static long perRunCharts(Path report) throws IOException {
        try (var files = Files.list(report.resolve("charts"))) {
            return files.filter(p -> p.getFileName().toString().matches("peak-\\d+-.*\\.png")).count();
        }
    }
}
