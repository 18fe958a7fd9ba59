package io.github.rivervalley.reports.analysis;

import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What to conclude from a set of runs, computed from their checkpoints and traces: at each checkpoint
 * budget, which schedule has the lowest loss among the schedules that spent the same compute on it (the
 * mean over seeds, with its standard error, and the margin to the runner-up in standard errors), which
 * schedules spent a different compute on that budget (so are not compared with the others), and how
 * much of each schedule's decay drops came from the hill excess.
 *
 * @param comparisons one per budget and compute level shared by at least two schedules
 * @param unmatched schedules alone at their compute for a budget
 * @param decayShares per schedule with decays, the hill excess's share of the loss drops
 */
public record Conclusions(List<Comparison> comparisons, List<Unmatched> unmatched, List<DecayShare> decayShares) {

    /** A margin counts as a win when it exceeds this many standard errors of the difference. */
    public static final double DECISIVE_SE = 2.0;

    public Conclusions {
        comparisons = List.copyOf(comparisons);
        unmatched = List.copyOf(unmatched);
        decayShares = List.copyOf(decayShares);
    }

    /** One schedule's loss at a checkpoint. */
    public record Entry(SeedGroup group, Estimate loss) {
    }

    /** Schedules at one budget that spent the same compute on it, lowest mean loss first. */
    public record Comparison(long budget, long compute, List<Entry> ranking) {

        public Comparison {
            ranking = List.copyOf(ranking);
            if (ranking.size() < 2) {
                throw new IllegalArgumentException("a comparison needs two schedules, got " + ranking.size());
            }
        }

        /** The lowest mean loss. */
        public Entry winner() {
            return ranking.get(0);
        }

        /** The second lowest. */
        public Entry runnerUp() {
            return ranking.get(1);
        }

        /** Runner-up's mean loss minus the winner's (>= 0). */
        public double margin() {
            return runnerUp().loss().mean() - winner().loss().mean();
        }

        /** Standard error of {@link #margin()}, treating the two estimates as independent (NaN when unknown). */
        public double marginSe() {
            return winner().loss().seOfDifference(runnerUp().loss());
        }

        /** Whether the winner is ahead by more than {@link #DECISIVE_SE} standard errors. */
        public boolean decisive() {
            return margin() > DECISIVE_SE * marginSe();
        }

        /**
         * One comparison as a sentence: the winner with its loss and SE, its margin over the runner-up in
         * standard errors, or a tie when the margin is within {@link Conclusions#DECISIVE_SE} SE.
         */
        public String sentence(boolean withBudget) {
            Comparison c = this;
            StringBuilder out = new StringBuilder();
            if (withBudget) {
                out.append("Budget ").append(c.budget()).append(" (compute ").append(c.compute()).append(" steps): ");
            } else {
                out.append("At budget ").append(c.budget()).append(" (equal compute, ").append(c.compute()).append(" steps) ");
            }
            Entry w = c.winner();
            Entry r = c.runnerUp();
            double z = c.margin() / c.marginSe();
            if (c.margin() == 0) {
                out.append(w.group().label()).append(" and ").append(r.group().label()).append(" tie exactly (").append(w.loss().text()).append(").");
            } else if (c.decisive()) {
                out.append(w.group().label()).append(" has the lowest loss, ").append(w.loss().text()).append(", below ")
                        .append(r.group().label()).append(" (").append(r.loss().text()).append(") by ").append(Numbers.text(c.margin()))
                        .append(Double.isFinite(c.marginSe()) ? String.format(Locale.ROOT, " \u00b1 %s (%.1f SE)", Numbers.text(c.marginSe()), z) : "")
                        .append('.');
            } else {
                out.append(w.group().label()).append(" (").append(w.loss().text()).append(") and ").append(r.group().label()).append(" (")
                        .append(r.loss().text()).append(") are level: the difference ").append(Numbers.text(c.margin()))
                        .append(String.format(Locale.ROOT, " is %.1f SE.", z));
            }
            if (c.ranking().size() > 2) {
                out.append(" Then ");
                List<String> rest = new ArrayList<>();
                for (Entry e : c.ranking().subList(2, c.ranking().size())) {
                    rest.add(e.group().label() + " (" + e.loss().text() + ")");
                }
                out.append(String.join(", ", rest)).append('.');
            }
            return out.toString();
        }
    }

    /** A schedule whose checkpoint at {@code budget} cost a compute no other schedule spent there. */
    public record Unmatched(long budget, long compute, Entry entry) {
    }

    /** Hill excess's share of the loss drop over the decays of one schedule (all its lines and seeds). */
    public record DecayShare(String label, int decays, double mean, double min, double max) {
    }

    /** The conclusions of {@code runs}. */
    public static Conclusions of(List<RecordedRun> runs) {
        List<SeedGroup> groups = SeedGroup.sorted(SeedGroup.of(runs)); // natural order: peak 0.1 before 0.15 before 0.19
        List<Comparison> comparisons = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        java.util.TreeSet<Long> budgets = new java.util.TreeSet<>();
        groups.forEach(g -> budgets.addAll(g.budgets()));
        for (long budget : budgets) {
            for (List<SeedGroup> problem : byLandscape(groups)) {
                compare(budget, problem, comparisons, unmatched);
            }
        }
        List<DecayShare> shares = new ArrayList<>();
        for (SeedGroup g : groups) {
            List<Double> values = new ArrayList<>();
            for (RecordedRun run : g.runs()) {
                for (Headlines.DecaySplit s : Headlines.decaySplits(run)) {
                    if (Double.isFinite(s.hillShare())) {
                        values.add(s.hillShare());
                    }
                }
            }
            if (!values.isEmpty()) {
                shares.add(new DecayShare(g.label(), values.size(), values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                        values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                        values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
            }
        }
        return new Conclusions(comparisons, unmatched, shares);
    }

    /** Losses compare only on the same landscape: the groups split by their spec's {@code landscape} block. */
    private static List<List<SeedGroup>> byLandscape(List<SeedGroup> groups) {
        Map<String, List<SeedGroup>> out = new LinkedHashMap<>();
        for (SeedGroup g : groups) {
            RecordedRun first = g.runs().get(0);
            String landscape = first.spec().map(s -> SpecReader.instance().toTree(s.landscape()).toString()).orElse("");
            out.computeIfAbsent(landscape, k -> new ArrayList<>()).add(g);
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The groups that spent the same compute on {@code budget} ranked by mean loss; a group alone at its
     * compute is listed as unmatched when some other group has this budget too.
     */
    private static void compare(long budget, List<SeedGroup> groups, List<Comparison> comparisons, List<Unmatched> unmatched) {
        Map<Long, List<Entry>> byCompute = new java.util.TreeMap<>();
        int present = 0;
        for (SeedGroup g : groups) {
            Optional<Estimate> loss = g.loss(budget);
            if (loss.isPresent()) {
                byCompute.computeIfAbsent(g.compute(budget), c -> new ArrayList<>()).add(new Entry(g, loss.get()));
                present++;
            }
        }
        if (present < 2) {
            return;
        }
        byCompute.forEach((compute, entries) -> {
            if (entries.size() >= 2) {
                List<Entry> ranking = new ArrayList<>(entries);
                ranking.sort(Comparator.comparingDouble(x -> x.loss().mean()));
                comparisons.add(new Comparison(budget, compute, ranking));
            } else {
                unmatched.add(new Unmatched(budget, compute, entries.get(0)));
            }
        });
    }

    /** The comparison at {@code budget} that includes the schedule labelled {@code label}, if any. */
    public Optional<Comparison> comparison(long budget, String label) {
        return comparisons.stream().filter(c -> c.budget() == budget)
                .filter(c -> c.ranking().stream().anyMatch(e -> e.group().label().equals(label))).findFirst();
    }
}
