package io.github.rivervalley.bigram.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which schedule won a study, read from its results: the schedules ranked by final loss (all at the same
 * compute), each with the standard error of its replica mean, and WSD against cosine in standard errors.
 * Nothing here is a fixed sentence: the order and the wording follow the numbers.
 */
final class Verdict {

    /** Differences below this many standard errors (of the difference) are called a tie. */
    static final double SIGNIFICANT = 2.0;

    private final List<BigramStudy.Outcome> ranked;

    Verdict(BigramStudy.Comparison result) {
        List<BigramStudy.Outcome> sorted = new ArrayList<>(result.outcomes());
        sorted.sort(Comparator.comparingDouble(BigramStudy.Outcome::finalLoss));
        this.ranked = List.copyOf(sorted);
    }

    /** Standard error of an outcome's final loss (replica mean), or NaN with one replica. */
    static double standardError(BigramStudy.Outcome o) {
        return o.trace().layout().columns().contains("loss_se") ? o.trace().value(o.finalLine(), o.finalStep(), "loss_se") : Double.NaN;
    }

    private BigramStudy.Outcome find(String schedule) {
        return ranked.stream().filter(o -> o.schedule().equals(schedule)).findFirst().orElse(null);
    }

    /** Two lines for {@code study.txt}: the ranking, then WSD against cosine. */
    String text() {
        StringBuilder out = new StringBuilder("lowest final loss at equal compute: ");
        BigramStudy.Outcome best = ranked.get(0);
        out.append(String.format(Locale.ROOT, "%s %.5f", best.schedule(), best.finalLoss()));
        for (int n = 1; n < ranked.size(); n++) {
            out.append(String.format(Locale.ROOT, ", then %s (+%.5f)", ranked.get(n).schedule(),
                    ranked.get(n).finalLoss() - best.finalLoss()));
        }
        out.append('\n');
        BigramStudy.Outcome wsd = find("wsd");
        BigramStudy.Outcome cosine = find("cosine");
        if (wsd != null && cosine != null) {
            double diff = cosine.finalLoss() - wsd.finalLoss();
            double se = Math.hypot(standardError(wsd), standardError(cosine));
            String who = diff > 0 ? "WSD ends below cosine" : "cosine ends below WSD";
            if (Double.isNaN(se)) {
                out.append(String.format(Locale.ROOT, "%s by %.5f (one replica: no standard error)%n", who, Math.abs(diff)));
            } else if (Math.abs(diff) < SIGNIFICANT * se) {
                out.append(String.format(Locale.ROOT, "WSD and cosine tie: they differ by %.5f, %.1f standard errors%n", Math.abs(diff), Math.abs(diff) / se));
            } else {
                out.append(String.format(Locale.ROOT, "%s by %.5f (%.1f standard errors)%n", who, Math.abs(diff), Math.abs(diff) / se));
            }
        }
        return out.toString();
    }

    /** The ranking as JSON: schedule, final loss and its standard error, best first. */
    void json(ObjectNode root) {
        ArrayNode ranking = root.putArray("ranking");
        for (BigramStudy.Outcome o : ranked) {
            ObjectNode entry = ranking.addObject().put("schedule", o.schedule()).put("final_loss", o.finalLoss());
            double se = standardError(o);
            if (Double.isNaN(se)) {
                entry.putNull("final_loss_se");
            } else {
                entry.put("final_loss_se", se);
            }
        }
    }
}
