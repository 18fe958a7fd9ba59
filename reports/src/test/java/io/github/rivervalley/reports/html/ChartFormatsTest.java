package io.github.rivervalley.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --formats}: which chart files a report writes, validated before anything is written. */
class ChartFormatsTest {

    @Test
    void aListParsesIgnoringCaseSpacesAndRepeats() {
        assertEquals(EnumSet.of(ChartFormats.Format.SVG, ChartFormats.Format.PDF), ChartFormats.parse(" SVG, pdf,svg").formats());
        assertEquals(EnumSet.allOf(ChartFormats.Format.class), ChartFormats.parse(ChartFormats.DEFAULT).formats());
        assertEquals("png,png2x", ChartFormats.parse("png2x,png").toString());
    }

    @Test
    void anythingElseIsRefusedNamingTheOptionTheValueAndTheAllowedNames() {
        for (String bad : new String[] {"", " ", "svg,jpeg", "svg,", "png 2x", ",,"}) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> ChartFormats.parse(bad), "'" + bad + "'");
            assertTrue(e.getMessage().contains("--formats"), e.getMessage());
            assertTrue(e.getMessage().contains("svg, png, png2x, pdf"), e.getMessage());
        }
        assertTrue(assertThrows(InvalidValueException.class, () -> ChartFormats.parse("svg,jpeg")).getMessage().contains("'jpeg'"));
    }

    @Test
    void theReportWritesOnlyTheFormatsAskedForAndLinksOnlyThose(@TempDir Path dir) throws IOException {
        Path runs = HtmlReportTest.study(dir.resolve("runs"));
        Path out = dir.resolve("out");
        assertEquals(0, Main.run("report", runs.toString(), "--out", out.toString(), "--formats", "png,pdf"));
        List<String> files;
        try (Stream<Path> list = Files.list(out.resolve("charts"))) {
            files = list.map(p -> p.getFileName().toString()).toList();
        }
        assertTrue(files.stream().anyMatch(f -> f.endsWith(".png")));
        assertTrue(files.stream().anyMatch(f -> f.endsWith(".pdf")));
        assertEquals(files.stream().filter(f -> f.endsWith(".png")).count(), files.stream().filter(f -> f.endsWith(".pdf")).count());
        assertFalse(files.stream().anyMatch(f -> f.endsWith(".svg") || f.endsWith("@2x.png")), files.toString());
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertFalse(html.contains(".svg\""), "no link to an SVG that was not written");
        assertFalse(html.contains("@2x.png"), "no 2x source that was not written");
        // svg alone: the page shows the SVG itself
        assertEquals(0, Main.run("report", runs.toString(), "--out", out.toString(), "--formats", "svg"));
        html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<img src=\"charts/compare-loss.svg\""), "the SVG is the image");
    }

    @Test
    void aBadListExitsTwoAndWritesNothing(@TempDir Path dir) throws IOException {
        Path runs = HtmlReportTest.study(dir.resolve("runs"));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(Main.BAD_INPUT, Main.run("report", runs.toString(), "--out", dir.resolve("out").toString(), "--formats", "svg,gif"));
            assertEquals(Main.BAD_INPUT, Main.run("demo", "--out", dir.resolve("demo").toString(), "--formats", "tiff"));
        } finally {
            System.setErr(err);
        }
        String message = captured.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("--formats") && message.contains("'gif'") && message.contains("'tiff'"), message);
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
        assertTrue(Files.notExists(dir.resolve("demo")), "the demo ran nothing");
    }
}
