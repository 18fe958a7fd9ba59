package io.github.rivervalley.reports.analysis;

import io.github.rivervalley.simulator.results.TraceColumns;
import io.github.rivervalley.simulator.results.read.Column;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.RecordedTrace;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.ScheduleFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Figure captions: what a chart shows, followed only by statements the data support (computed here from
 * the same runs the chart draws), never by a fixed claim that may be false for these runs.
 */
public final class Captions {

    private Captions() {
    }

    /** Caption of the loss comparison, with the runs' {@link Conclusions}. */
    public static String compareLoss(List<RecordedRun> runs) {
        return compareLoss(runs, Conclusions.of(runs));
    }

    /** Caption of the loss comparison: the ranking at the largest budget and WSD against cosine when both ran. */
    public static String compareLoss(List<RecordedRun> runs, Conclusions conclusions) {
        StringBuilder out = new StringBuilder("Loss of every run, coloured by schedule family.");
        List<SeedGroup> groups = SeedGroup.of(runs);
        OptionalLong last = lastBudget(groups);
        if (last.isEmpty()) {
            return out.toString();
        }
        long budget = last.getAsLong();
        for (Conclusions.Comparison c : conclusions.comparisons()) {
            if (c.budget() == budget) {
                out.append(' ').append(c.sentence(false));
            }
        }
        Optional<SeedGroup> wsd = groups.stream().filter(g -> g.family().equals(ScheduleFamily.WSD.label())).findFirst();
        Optional<SeedGroup> cosine = groups.stream().filter(g -> g.family().equals(ScheduleFamily.COSINE.label())).findFirst();
        if (wsd.isPresent() && cosine.isPresent()) {
            Optional<Estimate> a = wsd.get().loss(budget);
            Optional<Estimate> b = cosine.get().loss(budget);
            if (a.isPresent() && b.isPresent()) {
                double d = a.get().mean() - b.get().mean();
                double se = a.get().seOfDifference(b.get());
                String relation = Math.abs(d) <= Conclusions.DECISIVE_SE * se ? "level with" : d < 0 ? "below" : "above";
                long wc = wsd.get().compute(budget);
                long cc = cosine.get().compute(budget);
                out.append(String.format(Locale.ROOT, " At budget %d %s ends %s %s (%s vs %s), which spent %s compute (%d vs %d steps).",
                        budget, wsd.get().label(), relation, cosine.get().label(), a.get().text(), b.get().text(),
                        cc == wc ? "the same" : cc > wc ? "more" : "less", wc, cc));
            }
        }
        return out.toString();
    }

    /** Caption of the river-loss comparison: which run is furthest along the river at its end. */
    public static String compareRiverLoss(List<RecordedRun> runs) {
        StringBuilder out = new StringBuilder("River loss of every run: the loss on the valley floor below the iterate, i.e. progress along the river without the hill excess.");
        RecordedRun best = null;
        RecordedRun worst = null;
        for (RecordedRun run : runs) {
            double v = finalRiverLoss(run);
            if (!Double.isFinite(v)) {
                continue;
            }
            if (best == null || v < finalRiverLoss(best)) {
                best = run;
            }
            if (worst == null || v > finalRiverLoss(worst)) {
                worst = run;
            }
        }
        if (best != null && worst != best) {
            out.append(String.format(Locale.ROOT, " At the end of its main line %s is furthest along (%s), %s least (%s).",
                    best.name(), Numbers.text(finalRiverLoss(best)), worst.name(), Numbers.text(finalRiverLoss(worst))));
        }
        return out.toString();
    }

    private static double finalRiverLoss(RecordedRun run) {
        return run.mainTrace().map(t -> t.last(TraceColumns.RIVER_LOSS)).orElse(Double.NaN);
    }

    /**
     * The line to stack for a run as a whole: the line of its largest checkpoint when that line starts where
     * the run starts (cosine's longest run, a constant rate's one line), else the first line (WSD's main line,
     * of which the last checkpoint's branch is only the final decay).
     */
    public static Optional<RecordedTrace> wholeRunLine(RecordedRun run) {
        Optional<RecordedTrace> first = run.mainTrace();
        Optional<RecordedTrace> last = run.summary().checkpoints().stream()
                .max(java.util.Comparator.comparingLong(io.github.rivervalley.simulator.results.RunSummary.CheckpointResult::budget))
                .flatMap(c -> run.trace(c.line()));
        return last.isPresent() && first.isPresent() && last.get().firstStep() <= first.get().firstStep() ? last : first;
    }

    /** Caption of a run's decomposition chart: the hill excess's share of the loss at the end of each stable phase and at the end. */
    public static String decomposition(RecordedRun run, boolean log) {
        StringBuilder out = new StringBuilder(log
                ? "Loss decomposition on a log scale: loss, river loss and hill excess as lines."
                : "Loss decomposition, stacked: the river loss (blue) plus the hill excess (orange area) is the loss (black).");
        Optional<RecordedTrace> main = log ? run.mainTrace() : wholeRunLine(run);
        if (main.isEmpty()) {
            return out.toString();
        }
        RecordedTrace t = main.get();
        List<String> parts = new ArrayList<>();
        for (Phase p : t.phases(Phase.Kind.STABLE)) {
            share(t, p.end()).ifPresent(s -> parts.add(Numbers.percent(s) + " at the end of the stable phase at step " + p.end()));
        }
        share(t, t.lastStep()).ifPresent(s -> parts.add(Numbers.percent(s) + " at the last step (" + t.lastStep() + ")"));
        if (!parts.isEmpty()) {
            out.append(" On the ").append(t.line()).append(" line the hill excess is ").append(String.join(", ", parts)).append(" of the loss.");
        }
        return out.toString();
    }

    /** Caption of the zoom on the decay that ends last: how much of its loss drop was hill excess. */
    public static String decompositionZoom(RecordedRun run) {
        StringBuilder out = new StringBuilder("The stacked decomposition around the decay that ends last.");
        Headlines.DecaySplit last = null;
        for (Headlines.DecaySplit s : Headlines.decaySplits(run)) {
            if (last == null || s.end() > last.end()) {
                last = s;
            }
        }
        if (last != null && Double.isFinite(last.hillShare())) {
            out.append(" Over steps ").append(last.start()).append('\u2013').append(last.end()).append(" of ").append(last.line())
                    .append(" the loss falls by ").append(Numbers.text(last.lossDrop())).append(", ").append(Numbers.percent(last.hillShare()))
                    .append(" of it hill excess and the rest river progress.");
        }
        return out.toString();
    }

    private static OptionalDouble share(RecordedTrace t, long step) {
        OptionalDouble loss = t.exact(step, TraceColumns.LOSS);
        OptionalDouble hill = t.exact(step, TraceColumns.HILL_EXCESS);
        if (loss.isPresent() && hill.isPresent() && loss.getAsDouble() > 0) {
            return OptionalDouble.of(hill.getAsDouble() / loss.getAsDouble());
        }
        return OptionalDouble.empty();
    }

    /** Caption of a run's trajectory chart, with the aliasing note when its rows hide the oscillation. */
    public static String trajectory(RecordedRun run, boolean path) {
        String text = path
                ? "Trajectory on the landscape: one sample iterate (replica 0) over the loss, coloured by phase; circles mark where each decay ends."
                : "Trajectory in the plane (river coordinate, signed hill displacement), replica mean; the band is the replicas' largest "
                        + "displacement from the floor between rows (the recorded amplitude).";
        return text + Aliasing.check(run).map(n -> " Note: " + n.text()).orElse("");
    }

    /**
     * Caption of a run's sharpness chart: for GD-like optimizers the share of recorded rows below GD's
     * {@code 2 / lr}; Adam's stability is not set by that threshold, and the caption says so.
     */
    public static String sharpness(RecordedRun run) {
        String optimizer = run.specValue("optimizer.type").orElse("");
        boolean adam = optimizer.startsWith("adam");
        StringBuilder out = new StringBuilder("Sharpness (top Hessian eigenvalue) and 2 / learning rate, GD's stability threshold.");
        if (adam) {
            out.append(" This run uses ").append(optimizer).append(", whose stability is set by the preconditioned sharpness, not by 2 / learning rate.");
            return out.toString();
        }
        Optional<RecordedTrace> main = run.mainTrace();
        if (main.isPresent() && main.get().has(TraceColumns.SHARPNESS) && main.get().has(TraceColumns.LR)) {
            Column s = main.get().column(TraceColumns.SHARPNESS);
            Column lr = main.get().column(TraceColumns.LR);
            int rows = 0;
            int below = 0;
            for (int i = 0; i < s.size(); i++) {
                if (Double.isFinite(s.mean(i)) && lr.mean(i) > 0) {
                    rows++;
                    below += s.mean(i) < 2 / lr.mean(i) ? 1 : 0;
                }
            }
            if (rows > 0) {
                out.append(String.format(Locale.ROOT, " On the %s line sharpness is below 2 / learning rate on %s of the recorded rows (%s).",
                        main.get().line(), Numbers.percent((double) below / rows), below == rows ? "stable along the top hill direction throughout"
                                : "above it, GD is unstable along the top hill direction"));
            }
        }
        return out.toString();
    }

    private static OptionalLong lastBudget(List<SeedGroup> groups) {
        long last = -1;
        for (SeedGroup g : groups) {
            for (long b : g.budgets()) {
                last = Math.max(last, b);
            }
        }
        return last < 0 ? OptionalLong.empty() : OptionalLong.of(last);
    }
}
