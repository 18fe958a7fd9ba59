package io.github.rivervalley.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code report} refuses a run whose files do not hold a complete run (issue 17, item 7), naming the file,
 * instead of drawing a truncated, header-only or column-less trace; nothing is written.
 */
class DamagedRunReportTest {

    @TempDir
    Path tmp;

    private String reportError(String name, UnaryOperator<String> damageTrace) throws IOException {
        Path runs = HtmlReportTest.study(tmp.resolve(name));
        Path trace = runs.resolve("wsd/trace.csv");
        Files.writeString(trace, damageTrace.apply(Files.readString(trace, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertEquals(Main.BAD_INPUT, cli.execute("report", runs.toString()));
        assertFalse(Files.exists(runs.resolve("report")), "nothing written");
        assertTrue(err.toString().contains(trace.toString()), "names the file: " + err);
        return err.toString();
    }

    @Test
    void aTraceCutAtARowBoundaryIsRefused() throws IOException {
        String err = reportError("cut", t -> t.substring(0, t.lastIndexOf('\n', t.length() / 2) + 1));
        assertTrue(err.contains("is truncated: it ends at step"), err);
    }

    @Test
    void aTraceCutMidRowIsRefused() throws IOException {
        String err = reportError("mid", t -> t.substring(0, t.length() - 5));
        assertTrue(err.contains("does not end with a newline"), err);
    }

    @Test
    void aHeaderOnlyTraceIsRefused() throws IOException {
        String err = reportError("header", t -> t.substring(0, t.indexOf('\n') + 1));
        assertTrue(err.contains("has a header but no rows"), err);
    }

    @Test
    void aTraceWithoutTheLossColumnIsRefused() throws IOException {
        String err = reportError("columns", t -> t.replaceFirst(",loss,", ",lost,"));
        assertTrue(err.contains("line 1: the header lacks the column 'loss'"), err);
    }

    @Test
    void anEmptySummaryIsRefused() throws IOException {
        Path runs = HtmlReportTest.study(tmp.resolve("summary"));
        Files.writeString(runs.resolve("cosine/summary.json"), "{}");
        assertEquals(Main.BAD_INPUT, Main.run("report", runs.toString()));
        assertFalse(Files.exists(runs.resolve("report")));
    }
}
