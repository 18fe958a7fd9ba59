package io.github.rivervalley.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The "Simulation vs theory" headline reads each run's theory block and says which runs agree. */
class TheoryHeadlineTest {

    private static RecordedRun run(String name, RunSummary.TheoryResult theory) {
        RunSummary summary = new RunSummary(name, 100, 64, 0, "straight", "wsd", 100, List.of(), List.of(), theory);
        return new RecordedRun(Path.of(name), summary, "", Optional.empty(), Optional.empty(), List.of());
    }

    @Test
    void listsEveryRunWithItsVerdictAndCountsTheAgreeingOnes() {
        String html = TheoryHeadline.html(List.of(
                run("close", new RunSummary.TheoryResult(true, null, null, 50L, 2.5, 0.0, "main", 40L, "loss")),
                run("far", new RunSummary.TheoryResult(true, null, null, 50L, 6.1, 0.1, "branch-100", 90L, "hill_excess")),
                run("adam", new RunSummary.TheoryResult(false, "Adam divides by a running gradient size", null, null, null, null, null, null, null)),
                run("adam2", new RunSummary.TheoryResult(false, "Adam divides by a running gradient size", null, null, null, null, null, null, null)),
                run("expected", new RunSummary.TheoryResult(true, null, true, null, null, null, null, null, null)),
                run("old", null)));
        assertTrue(html.contains("<td>close</td><td class=\"n\">50</td><td class=\"n\">2.50</td>"), html);
        assertTrue(html.contains("hill_excess at branch-100 step 90"), html);
        // runs without theory share one sentence per reason instead of a table row each
        assertTrue(html.contains("<p>No theory for adam, adam2: Adam divides by a running gradient size.</p>"), html);
        assertEquals(-1, html.indexOf("<td>adam</td>"), "a run without theory has no table row");
        // a long verdict is prose: it wraps in its own block instead of widening the table past the page
        assertTrue(html.contains("<span class=\"prose\">largest |z| above the cut-off"), html);
        assertTrue(HtmlReport.CSS.contains("td .prose{"), "the stylesheet defines the prose cell");
        assertTrue(html.contains("expected values (no simulation)"), html);
        assertTrue(html.contains("1 of 2 runs with exact theory and replicas to compare agree"), html);
        assertEquals(-1, html.indexOf("<td>old</td>"), "a summary without a theory block is not listed");
        assertEquals("", TheoryHeadline.html(List.of(run("old", null))));
        // the cut-off is printed beside each run: 150 deviations (50 rows x 3 columns)
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "<td class=\"n\">%.2f</td><td>agrees",
                TheoryAgreement.threshold(150))), html);
        String none = TheoryHeadline.html(List.of(run("adam", new RunSummary.TheoryResult(false, "no", null, null, null, null, null, null, null))));
        assertEquals(-1, none.indexOf("<table>"), "no table when no run has theory: " + none);
    }
}
