// Lesson 3 - one training run, many budgets: WSD, WSD-S and cyclic cosine at equal compute.
//
// You rarely know the compute budget in advance. Three schedules give a usable model at several
// budgets B1 < B2 < B3 from a single run:
//   WSD           one constant main line; for each budget a short decay *branch* forks off it at
//                 (1 - p) B and is thrown away after the checkpoint (the main line continues undecayed).
//   WSD-S         one line only: decay, take the checkpoint, then continue *from the decayed point*
//                 with the learning rate back at the peak. No branch is wasted.
//   cyclic cosine one line of cosine cycles, each ending at a checkpoint, restarting at the peak.
// All three spend exactly the same compute: B3 + p (B1 + B2) steps. The budget frontier plots the
// loss at each checkpoint against the compute spent to get it; lower is better.

var valley = curvedValley(softplusRiver(1.0), 10, 0.5, 1);
double peak = 0.05, p = 0.1;
long[] budgets = budgets(600, 1200, 2400);
double[] start = {-3, valley.floor(-3)};

Result noisy(Schedule schedule, String name) {
    return run(named(setup(valley, schedule, sgd()).withNoise(hillNoise(2.0)).withReplicas(64).withStart(start).withRecord(every(10)), name));
}
Result wsdRun = noisy(wsd(peak, p, budgets), "wsd");
Result wsdSRun = noisy(wsdS(peak, p, budgets), "wsd-s");
Result cyclicRun = noisy(cyclicCosine(peak, p, budgets), "cyclic cosine");
Result[] families = {wsdRun, wsdSRun, cyclicRun};
for (Result r : families) {
    println(r.run().schedule());
    println(r);
}

// Every checkpoint of every schedule: the budget, the compute spent when it became available, and
// the loss split into river loss and hill excess.
println(String.format("%-14s %7s %8s %9s %9s %11s %12s", "schedule", "budget", "compute", "loss", "(+- se)", "river_loss", "hill_excess"));
for (Result r : families) {
    for (var c : r.checkpoints()) {
        println(String.format("%-14s %7d %8d %9.5f %9.5f %11.5f %12.5f", r.name(), c.budget(), c.compute(), c.loss(), c.lossSe(), c.riverLoss(), c.hillExcess()));
    }
}
// Equal compute, as promised:
for (Result r : families) {
    printf("%-14s total compute %d%n", r.name(), r.summary().totalCompute());
}

// Who wins at each budget? WSD-S carries the decayed (settled) point forward, so later decays start
// lower on the walls; WSD's branches all start from the noisy main line.
// (Before its first decay ends, WSD-S is the same run as WSD, so the first budget is a tie.)
for (int k = 0; k < budgets.length; k++) {
    double best = Double.POSITIVE_INFINITY;
    for (Result r : families) {
        best = Math.min(best, r.checkpoints().get(k).loss());
    }
    List<String> winners = new ArrayList<>();
    for (Result r : families) {
        if (r.checkpoints().get(k).loss() == best) {
            winners.add(r.name());
        }
    }
    printf("budget %5d: lowest loss %.5f by %s%n", budgets[k], best, String.join(" and ", winners));
}

// The single WSD-S line, in one glance: each decay dips, and the line jumps back up at the peak.
println(sparkline(wsdSRun.after(200), "loss"));
println(sparkline(cyclicRun.after(200), "loss"));
println(sparkline(wsdSRun, "lr"));

save(frontierChart(wsdRun, wsdSRun, cyclicRun), "03-budget-frontier");
save(lossChart(wsdSRun.after(200), cyclicRun.after(200)), "03-loss-wsd-s-vs-cyclic-cosine");
/exit
