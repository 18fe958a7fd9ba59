package io.github.rivervalley.reports.html;

import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's "Simulation vs theory" headline: for every run, whether the moment engine is exact for it,
 * and if so how far the simulated means are from the exact expected values, from the {@code theory} block
 * of its {@code summary.json} (largest |z| = |mean - theory| / SE over the rows, share of rows above 3).
 */
final class TheoryHeadline {

    private TheoryHeadline() {
    }

    /** The section, or nothing when no run's summary has a theory block (summaries from before theory existed). */
    static String html(List<RecordedRun> runs) {
        List<RecordedRun> withTheory = runs.stream().filter(r -> r.summary().theory() != null).toList();
        if (withTheory.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h3>Simulation vs theory</h3>\n<p>Where the expected dynamics are exact "
                + "(straight and rotated valleys with a linear or quadratic river; gd, sgd, momentum, nesterov), every row is "
                + "compared with them: z = (replica mean &minus; theory) / standard error for loss, river loss and hill excess "
                + "(docs/theory.md).</p>\n");
        // runs without theory are grouped by reason, one sentence each, rather than a table row each
        Map<String, List<String>> noTheory = new LinkedHashMap<>();
        StringBuilder rows = new StringBuilder();
        int compared = 0;
        int agree = 0;
        for (RecordedRun run : withTheory) {
            RunSummary.TheoryResult t = run.summary().theory();
            if (!t.exact()) {
                noTheory.computeIfAbsent(t.reason(), k -> new ArrayList<>()).add(run.summary().name());
                continue;
            }
            rows.append("<tr><td>").append(Html.escape(run.summary().name())).append("</td>");
            if (Boolean.TRUE.equals(t.expectedOnly())) {
                rows.append("<td colspan=\"5\"></td><td>expected values (no simulation)</td></tr>\n");
            } else if (t.maxAbsZ() == null) {
                rows.append("<td class=\"n\">0</td><td colspan=\"4\"></td><td>nothing to compare (one replica, or no noise)</td></tr>\n");
            } else {
                compared++;
                boolean ok = TheoryAgreement.agrees(t);
                agree += ok ? 1 : 0;
                rows.append("<td class=\"n\">").append(t.rows()).append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%.2f", t.maxAbsZ())).append("</td><td>")
                        .append(Html.escape(t.worstColumn() + " at " + t.worstLine() + " step " + t.worstStep())).append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%.1f%%", 100 * t.fractionAbove3())).append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%.2f", TheoryAgreement.threshold(t))).append("</td><td>")
                        .append(ok ? "agrees" : "<span class=\"prose\">largest |z| above the cut-off: check (few replicas make"
                                + " the standard errors noisy)</span>")
                        .append("</td></tr>\n");
            }
        }
        if (!rows.isEmpty()) {
            out.append("<table><thead><tr><th>run</th><th>rows compared</th><th>largest |z|</th><th>where</th>"
                    + "<th>rows with |z| &gt; 3</th><th>agreement below</th><th>verdict</th></tr></thead><tbody>\n").append(rows).append("</tbody></table>\n");
        }
        noTheory.forEach((reason, names) -> out.append("<p>No theory for ").append(Html.escape(String.join(", ", names)))
                .append(": ").append(Html.escape(reason)).append(".</p>\n"));
        if (compared > 0) {
            out.append("<p>").append(agree).append(" of ").append(compared).append(compared == 1 ? " run" : " runs")
                    .append(" with exact theory and replicas to compare agree with it: largest |z| below the cut-off that a")
                    .append(" matching run exceeds with probability ").append(Math.round(100 * TheoryAgreement.ALPHA))
                    .append("% (it grows with the number of rows compared; docs/theory.md).</p>\n");
        }
        return out.toString();
    }
}
