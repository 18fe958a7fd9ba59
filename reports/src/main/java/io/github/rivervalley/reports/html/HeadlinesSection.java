package io.github.rivervalley.reports.html;

import io.github.rivervalley.reports.analysis.Aliasing;
import io.github.rivervalley.reports.analysis.Conclusions;
import io.github.rivervalley.reports.analysis.Headlines;
import io.github.rivervalley.reports.analysis.Numbers;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The top of a report: the "What to conclude" box ({@link Conclusions}, aliasing notes) and the headline
 * tables (loss at each checkpoint, where each decay's drop came from). Every sentence is computed from
 * the runs.
 */
final class HeadlinesSection {

    private HeadlinesSection() {
    }

    static String html(List<RecordedRun> runs, Conclusions conclusions) {
        StringBuilder out = new StringBuilder("<section id=\"headlines\"><h2>Headlines</h2>\n");
        out.append(box(runs, conclusions));
        out.append(checkpointTable(runs));
        out.append(TheoryHeadline.html(sorted(runs)));
        out.append(decayTable(runs));
        return out.append("</section>\n").toString();
    }

    /** The "What to conclude" box. */
    static String box(List<RecordedRun> runs, Conclusions conclusions) {
        List<String> items = new ArrayList<>();
        for (Conclusions.Comparison c : conclusions.comparisons()) {
            items.add(Html.escape(c.sentence(true)));
        }
        for (Conclusions.Unmatched u : conclusions.unmatched()) {
            Optional<Conclusions.Comparison> matched = conclusions.comparisons().stream().filter(c -> c.budget() == u.budget()).findFirst();
            String versus = matched.map(c -> {
                double d = u.entry().loss().mean() - c.winner().loss().mean();
                return ", " + (d < 0 ? "below" : d > 0 ? "above" : "level with") + " " + c.winner().group().label()
                        + (u.compute() > c.compute() ? " despite spending more" : " while spending less");
            }).orElse("");
            items.add(Html.escape("Budget " + u.budget() + ": " + u.entry().group().label() + " spent " + u.compute()
                    + " steps, a compute no other schedule spent on this budget, so it is not ranked; its loss is " + u.entry().loss().text() + versus + "."));
        }
        for (Conclusions.DecayShare s : conclusions.decayShares()) {
            items.add(Html.escape(String.format(Locale.ROOT, "%s: the hill excess is %s of the loss drop over its %d decay%s%s.", s.label(),
                    Numbers.percent(s.mean()), s.decays(), s.decays() == 1 ? "" : "s",
                    s.decays() == 1 ? "" : " (" + Numbers.percent(s.min()) + " to " + Numbers.percent(s.max()) + ")")));
        }
        theory(runs).ifPresent(items::add);
        List<Aliasing.Note> notes = new ArrayList<>();
        for (RecordedRun run : runs) {
            Aliasing.check(run).ifPresent(notes::add);
        }
        if (notes.size() <= 3) {
            notes.forEach(n -> items.add("<b>" + Html.escape(n.run()) + "</b>: " + Html.escape(n.text())));
        } else {
            // One item for many runs (a sweep): how many, which, and the first run's finding.
            List<String> names = notes.stream().map(Aliasing.Note::run).toList();
            items.add("<b>" + notes.size() + " runs</b> (" + Html.abbreviated(String.join(", ", names), 80) + ") hide their oscillation; "
                    + Html.escape(notes.get(0).run()) + ": " + Html.escape(notes.get(0).text()));
        }
        StringBuilder out = new StringBuilder("<div class=\"conclude\" id=\"conclude\"><h3>What to conclude</h3>\n");
        if (items.isEmpty()) {
            out.append("<p>No two schedules share a checkpoint budget at equal compute, and no run has a decay: nothing to compare.</p>\n");
        } else {
            out.append("<ul>\n");
            items.forEach(i -> out.append("<li>").append(i).append("</li>\n"));
            out.append("</ul>\n");
        }
        out.append("<p class=\"note\">Losses are means over seeds \u00b1 their standard error (for a single seed: the replica standard "
                + "error). Schedules are ranked only against others that spent the same compute on a budget; a margin under "
                + Numbers.text(Conclusions.DECISIVE_SE) + " SE of the difference counts as level (the SE treats runs as independent, "
                + "which overstates it for runs sharing a seed).</p>\n</div>\n");
        return out.toString();
    }

    /** Whether the simulations agree with the exact theory, where it exists and there are replicas to compare. */
    private static Optional<String> theory(List<RecordedRun> runs) {
        int compared = 0;
        int agree = 0;
        double worst = 0;
        for (RecordedRun run : runs) {
            RunSummary.TheoryResult t = run.summary().theory();
            if (t != null && t.exact() && t.maxAbsZ() != null) {
                compared++;
                agree += TheoryAgreement.agrees(t) ? 1 : 0;
                worst = Math.max(worst, t.maxAbsZ());
            }
        }
        if (compared == 0) {
            return Optional.empty();
        }
        return Optional.of(Html.escape(String.format(Locale.ROOT, "Theory: %d of %d run%s with exact expected dynamics agree with them "
                + "(largest |z| %.2f; agreement means below a cut-off that grows with the rows compared; table below).",
                agree, compared, compared == 1 ? "" : "s", worst)));
    }

    private static String checkpointTable(List<RecordedRun> runs) {
        StringBuilder out = new StringBuilder("<h3>Loss at each checkpoint</h3>\n<table><thead><tr><th>run</th><th>schedule</th><th>budget</th>"
                + "<th>line</th><th>compute</th><th>loss</th><th>river loss</th><th>hill excess</th><th>diverged</th></tr></thead><tbody>\n");
        for (RecordedRun run : sorted(runs)) {
            for (RunSummary.CheckpointResult c : run.summary().checkpoints()) {
                out.append("<tr><td>").append(Html.escape(run.name())).append("</td><td>").append(Html.escape(run.family()))
                        .append("</td><td class=\"n\">").append(c.budget()).append("</td><td>").append(Html.escape(c.line()))
                        .append("</td><td class=\"n\">").append(c.compute()).append("</td><td class=\"n\">").append(Html.number(c.loss()))
                        .append("</td><td class=\"n\">").append(Html.number(c.riverLoss())).append("</td><td class=\"n\">")
                        .append(Html.number(c.hillExcess())).append("</td><td class=\"n\">").append(c.diverged()).append("</td></tr>\n");
            }
        }
        return out.append("</tbody></table>\n").toString();
    }

    private static String decayTable(List<RecordedRun> runs) {
        List<Headlines.DecaySplit> splits = new ArrayList<>();
        for (RecordedRun run : sorted(runs)) {
            splits.addAll(Headlines.decaySplits(run));
        }
        StringBuilder out = new StringBuilder("<h3>Where each decay's loss drop came from</h3>\n");
        if (splits.isEmpty()) {
            return out.append("<p>No run has a decay phase (the learning rate never falls).</p>\n").toString();
        }
        out.append("<p>Over each decay phase (found from the learning-rate column), the drop in loss splits exactly into the "
                + "drop in hill excess (settling onto the valley floor) and the drop in river loss (progress along the river "
                + "made during the decay). Values at the first and last step of the decay, replica means.</p>\n");
        out.append("<table><thead><tr><th>run</th><th>line</th><th>decay steps</th><th>loss drop</th><th>from hill excess</th>"
                + "<th>from river loss</th><th>hill share</th></tr></thead><tbody>\n");
        for (Headlines.DecaySplit s : splits) {
            out.append("<tr><td>").append(Html.escape(s.run())).append("</td><td>").append(Html.escape(s.line()))
                    .append("</td><td class=\"n\">").append(s.start()).append("&ndash;").append(s.end())
                    .append("</td><td class=\"n\">").append(Html.number(s.lossDrop())).append("</td><td class=\"n\">")
                    .append(Html.number(s.hillDrop())).append("</td><td class=\"n\">").append(Html.number(s.riverDrop()))
                    .append("</td><td class=\"n\">").append(Html.percent(s.hillShare())).append("</td></tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }

    private static List<RecordedRun> sorted(List<RecordedRun> runs) {
        List<RecordedRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(RecordedRun::family).thenComparing(RecordedRun::name));
        return sorted;
    }
}
