package io.github.rivervalley.reports.html;

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
    void aShareIsAWholePercentageAndATinyNegativeOneIsNotMinusZero() {
        assertEquals("73%", Html.percent(0.734));
        // -0.4% rounds to zero: the decay table of a run whose hill excess barely moved showed "-0%"
        assertEquals("0%", Html.percent(-0.004));
        assertEquals("&ndash;", Html.percent(Double.NaN));
    }

    @Test
    void theRunsTableShowsNoCellLongerThanTheLimit(@TempDir Path dir) throws Exception {
        SyntheticRuns.constant(dir, "constant", 100, 0.1);
        assertEquals(0, Main.run("report", dir.toString()));
        String html = Files.readString(dir.resolve("report/index.html"));
        String table = html.substring(html.indexOf("<section id=\"runs\">"), html.indexOf("</section>", html.indexOf("<section id=\"runs\">")));
        // Visible text of the landscape, optimizer and noise cells (columns 4 to 6; tags removed, an entity counted as one character).
        Matcher rows = Pattern.compile("<tr><td>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        int n = 0;
        while (rows.find()) {
            Matcher cells = Pattern.compile("<td[^>]*>(.*?)</td>").matcher("<td>" + rows.group(1));
            for (int column = 0; cells.find(); column++) {
                String visible = cells.group(1).replaceAll("<[^>]+>", "").replaceAll("&[a-z#0-9]+;", "x");
                if (column >= 3 && column <= 5) {
                    assertTrue(visible.length() <= HtmlReport.CELL, "cell too long: " + visible);
                    n++;
                }
            }
        }
        assertEquals(3, n, "one row of three text cells");
        assertTrue(table.contains("title=\"straight-valley(d=2, lambda=10.0, linear river slope 0.05)\""), table);
    }
}
