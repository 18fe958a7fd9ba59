// Lesson 4 - bigram uncertainty: which tokens are the river, which are the hills, and who gains at the decay.
//
// A bigram language model predicts the next token from the current one. Give every token i a row of
// logits W_i; the population loss is sum_i pi_i CE(q_i, softmax(W_i)), never below the entropy bound
// L* = sum_i pi_i H(q_i). Two kinds of tokens behave very differently:
//   deterministic tokens (one possible successor) have no finite optimum: their loss keeps falling as
//     the margin grows, ever more slowly, and a minibatch gives them no noise. That is a river.
//   uncertain tokens (several successors) have a finite optimum W_i = log q_i; minibatch sampling
//     jiggles them around it, and their excess over the entropy stays at about eta Tr(H_i) / (4 B)
//     until the learning rate goes down. Those are hills.
// So the prediction: in the stable phase the deterministic tokens keep improving while the uncertain
// ones plateau; the decay's drop in loss comes mostly from the uncertain tokens.

// 64 tokens with uniform frequencies: half deterministic ("det"), the rest uniform over 2, 4, 8 or 16
// successors ("k2" ... "k16"). The tabular model starts from zeros (uniform predictions).
var data = bigrams(64);
var model = tabular(data);
println(data);
printf("entropy bound L* = %.4f%n", data.lowerBound());

// SGD on minibatches of 32 (token, next token) pairs, WSD over 3000 steps, decaying over the last 20%.
// The learning rate looks large because each row's gradient carries its token's frequency (1/64).
double peak = 32;
long steps = 3000;
Result sampled(Schedule schedule, int batch, String name) {
    return run(named(setup(model, schedule, sgd()).withNoise(minibatch(batch)).withReplicas(8).withRecord(every(20)), name));
}
Result wsdRun = sampled(wsd(peak, steps, 0.2), 32, "wsd, batch 32");
println(wsdRun);

List<String> groups = data.groupNames();
String[] excessColumns = groups.stream().map(g -> "excess_" + g).toArray(String[]::new);
long decayStart = wsdRun.forkStep();
List<String> columns = new ArrayList<>(List.of("step", "lr", "loss"));
columns.addAll(List.of(excessColumns));
println(wsdRun.tableAt(new long[] {0, 250, 500, 1000, 1500, 2000, decayStart, 2700, steps}, columns.toArray(String[]::new)));

// Stable phase, from step 500 to the decay: the river tokens keep gaining, the hill tokens do not.
for (String g : groups) {
    double before = wsdRun.at(500, "excess_" + g), after = wsdRun.at(decayStart, "excess_" + g);
    printf("stable phase  %-4s excess %.5f -> %.5f  (%s)%n", g, before, after,
            after < 0.5 * before ? "keeps improving" : "plateau");
}

// The decay: split its loss drop by group. The groups' losses add up to the loss, so the shares add up to 100%.
double drop = wsdRun.at(decayStart, "loss") - wsdRun.loss();
double uncertainShare = 0;
for (String g : groups) {
    double groupDrop = wsdRun.at(decayStart, "loss_" + g) - wsdRun.at(steps, "loss_" + g);
    double share = groupDrop / drop;
    if (!data.isRiverGroup(groups.indexOf(g))) {
        uncertainShare += share;
    }
    printf("decay drop from %-4s %.5f = %5.1f%% of %.5f%n", g, groupDrop, 100 * share, drop);
}
printf("the uncertain tokens account for %.1f%% of the decay's drop%n", 100 * uncertainShare);

// The hill excess scales like eta / B: double the batch at the same learning rate and the
// uncertain tokens' plateau halves (constant learning rate, stable phase only).
Result small = sampled(constant(peak, 1500), 32, "constant, batch 32");
Result large = sampled(constant(peak, 1500), 64, "constant, batch 64");
double plateauSmall = java.util.Arrays.stream(small.after(1000).column("hill_excess")).average().orElse(Double.NaN);
double plateauLarge = java.util.Arrays.stream(large.after(1000).column("hill_excess")).average().orElse(Double.NaN);
printf("uncertain tokens' excess, steps 1000-1500: batch 32 %.5f, batch 64 %.5f, ratio %.2f (eta/B predicts 2)%n",
        plateauSmall, plateauLarge, plateauSmall / plateauLarge);

println(sparkline(wsdRun.after(200), "loss"));
println(sparkline(wsdRun.after(200), "excess_det"));
println(sparkline(wsdRun.after(200), "excess_k16"));

// (In jshell a statement ends at the end of a line when it is complete, so chained calls keep their dots at line ends.)
Result zoom = wsdRun.after(200);
NotebookCharts.Series[] perGroup = groups.stream().
        map(g -> series(data.groupLabel(groups.indexOf(g)), zoom.steps(), zoom.column("excess_" + g))).
        toArray(NotebookCharts.Series[]::new);
save(logLines("Excess over the entropy per token group (WSD, batch 32)", "step", "excess", perGroup), "04-excess-per-group");
save(decompositionChart(wsdRun.after(200)), "04-wsd-decomposition");
/exit
