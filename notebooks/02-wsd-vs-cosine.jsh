// Lesson 2 - why the WSD loss curve looks strange.
//
// Warmup-Stable-Decay (WSD) keeps the learning rate at its peak for most of training and decays it
// only at the end. Its loss stays stubbornly high during the long stable phase, then falls sharply in
// the short decay and ends below a cosine schedule that spent the same compute. The river valley
// explains it: a high learning rate buys fast travel along the river, but SGD noise keeps the iterate
// bouncing up the walls; the hill excess this costs is about eta x (noise variance) / 4, so it only
// goes away once eta goes down. The decay removes the hill excess and *reveals* the river progress.
//
// Landscape: a curved valley whose river flattens like a language-model loss (softplus), walls of
// curvature 10, gradient noise only across the walls (the paper's mechanism). 64 noisy replicas each.

var valley = curvedValley(softplusRiver(1.0), 10, 0.5, 1);
long steps = 2000;
double peak = 0.05, sigma = 2.0;
double[] start = {-3, valley.floor(-3)};
// One recipe for both runs; only the schedule differs (same seed, so the same noise draws).
Result noisy(Schedule schedule, String name) {
    return run(named(setup(valley, schedule, sgd()).withNoise(hillNoise(sigma)).withReplicas(64).withStart(start).withRecord(every(10)), name));
}
Result wsdRun = noisy(wsd(peak, steps, 0.2), "wsd");
Result cosineRun = noisy(cosine(peak, steps), "cosine");
println(wsdRun);
println(cosineRun);
println(compare(wsdRun, cosineRun));

// The loss curves after the first descent: cosine falls smoothly; WSD hovers, then drops at the end.
println(sparkline(wsdRun.after(300), "loss"));
println(sparkline(cosineRun.after(300), "loss"));
long decayStart = wsdRun.forkStep();
printf("WSD decays from step %d; at that step the loss is %.4f for WSD and %.4f for cosine%n",
        decayStart, wsdRun.at(decayStart, "loss"), cosineRun.at(decayStart, "loss"));

// Same numbers split in two. WSD is far ahead along the river (river_coord, river_loss) all along;
// it just hides that progress under a large hill excess until the decay.
long[] when = {0, 500, 1000, 1500, decayStart, 1800, steps};
println("wsd");
println(wsdRun.tableAt(when, "step", "lr", "loss", "river_loss", "hill_excess", "river_coord"));
println("cosine");
println(cosineRun.tableAt(when, "step", "lr", "loss", "river_loss", "hill_excess", "river_coord"));
println(plot(wsdRun.after(300), "loss", "river_loss", "hill_excess"));

// Where did the decay's loss drop come from? loss = river loss + hill excess, so the drop splits exactly.
double dLoss = wsdRun.at(decayStart, "loss") - wsdRun.loss();
double dRiver = wsdRun.at(decayStart, "river_loss") - wsdRun.riverLoss();
double dHill = wsdRun.at(decayStart, "hill_excess") - wsdRun.hillExcess();
printf("decay drop %.4f = river %.4f (%.0f%%) + hill %.4f (%.0f%%)%n", dLoss, dRiver, 100 * dRiver / dLoss, dHill, 100 * dHill / dLoss);
// Theory check: stationary hill excess at the peak, per hill direction, eta s / (2 (2 - eta lambda)) with
// s = sigma^2 and lambda the wall's curvature on the floor (between 10 and 12.5 here).
printf("stable-phase hill excess: measured %.4f (mean of 61 rows from step 1000); theory %.4f to %.4f%n",
        java.util.Arrays.stream(wsdRun.after(1000).column("hill_excess")).limit(61).average().orElse(Double.NaN),
        peak * sigma * sigma / (2 * (2 - peak * 10)), peak * sigma * sigma / (2 * (2 - peak * 12.5)));

save(lossChart(wsdRun.after(200), cosineRun.after(200)), "02-loss-wsd-vs-cosine");
save(chart("river_loss", wsdRun.after(200), cosineRun.after(200)), "02-river-loss-wsd-vs-cosine");
save(decompositionChart(wsdRun.after(200)), "02-wsd-decomposition");
// The path across the valley (river coordinate against the signed distance from the floor, replica
// mean with the replicas' spread as a band): wide while the rate is at its peak, narrow after the decay.
save(trajectoryChart(wsdRun.after(200)), "02-wsd-trajectory");
/exit
