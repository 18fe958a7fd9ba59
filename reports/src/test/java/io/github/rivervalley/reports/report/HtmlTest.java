package io.github.rivervalley.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.reports.SyntheticRuns;
import io.github.rivervalley.reports.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlTest {

    @Test
    void longTextIsCutAtAWordWithTheFullTextOnHover() {
        String text = "straight-valley(d=2, lambda=10.0, linear river slope 0.05) & more";
        String cell = Html.abbreviated(text, 36);
        assertEquals("<span title=\"" + Html.escape(text) + "\">straight-valley(d=2, lambda=10.0,&hellip;</span>", cell);
        assertEquals("short &amp; plain", Html.abbreviated("short & plain", 36));
    }

    @Test
    void theRunsTableShowsNoCellLongerThanTheLimit(@TempDir Path dir) throws Exception {
        SyntheticRuns.constant(dir, "constant", 100, 0.1);
        assertEquals(0, Main.run("report", dir.toString()));
        String html = Files.readString(dir.resolve("report/index.html"));
        String table = html.substring(html.indexOf("<section id=\"runs\">"), html.indexOf("</section>", html.indexOf("<section id=\"runs\">")));
        // Visible text of every cell (tags and their attributes removed, entities counted as one character).
        Matcher cells = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(table);
        int n = 0;
        while (cells.find()) {
            String visible = cells.group(1).replaceAll("<[^>]+>", "").replaceAll("&[a-z#0-9]+;", "x");
            assertTrue(visible.length() <= HtmlReport.CELL, "cell too long: " + visible);
            n++;
        }
        assertTrue(n >= 13, "expected a row of 13 cells, got " + n);
        assertTrue(table.contains("title=\"straight-valley(d=2, lambda=10.0, linear river slope 0.05)\""), table);
    }
}
