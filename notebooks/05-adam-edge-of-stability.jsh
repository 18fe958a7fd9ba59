// Lesson 5 - Adam in a rotated valley, and sharpness against 2/eta.
//
// Gradient descent does not care how the axes are drawn: rotate the landscape, rotate the start, and
// GD traces the rotated path exactly. Adam does care: it divides each coordinate's step by a running
// root-mean-square of that coordinate's gradient. In a valley aligned with the axes that is a perfect
// per-direction step size; seen through a random rotation every coordinate mixes river and walls.
//
// Stability: GD on a quadratic wall of curvature lambda is stable only while eta < 2/lambda, so the
// top Hessian eigenvalue ("sharpness") must stay below 2/eta. Adam's effective curvature is the
// *preconditioned* sharpness (top eigenvalue of P^-1/2 H P^-1/2, P = sqrt(v) + eps), and with
// momentum beta1 its threshold is (2 + 2 beta1) / ((1 - beta1) eta) = 38/eta for beta1 = 0.9.

// A straight valley with a flattening river and five walls of curvature 100 down to 1 (6 dimensions),
// and the same valley seen through a random rotation.
var straight = straightValley(softplusRiver(1), 100, 30, 10, 3, 1);
var rotated = rotatedValley(straight, 7);
double[] y0 = {-3, 0.05, 0.1, 0.2, 0.3, 0.5};
double[] z0 = new double[6];
rotated.fromValleyFrame(y0, z0); // the same start point, in rotated coordinates

// Part 1: GD is rotation invariant, Adam is not.
Result gdStraight = run(named(setup(straight, constant(0.015, 1000), gd()).withStart(y0), "gd straight"));
Result gdRotated = run(named(setup(rotated, constant(0.015, 1000), gd()).withStart(z0), "gd rotated"));
Result adamStraight = run(named(setup(straight, constant(0.01, 1000), adam()).withStart(y0), "adam straight"));
Result adamRotated = run(named(setup(rotated, constant(0.01, 1000), adam()).withStart(z0), "adam rotated"));
println(compare(gdStraight, gdRotated, adamStraight, adamRotated));
printf("GD:   |loss straight - loss rotated| = %.3g (the same path, up to rounding)%n", Math.abs(gdStraight.loss() - gdRotated.loss()));
printf("Adam: |loss straight - loss rotated| = %.3g; hill excess %.3g (aligned) vs %.3g (rotated)%n",
        Math.abs(adamStraight.loss() - adamRotated.loss()), adamStraight.hillExcess(), adamRotated.hillExcess());
println(sparkline(adamStraight, "hill_excess"));
println(sparkline(adamRotated, "hill_excess"));

// Part 2: GD and the 2/eta line. The sharpness here is the steepest wall, whatever the point.
double sharp = sharpness(straight, y0);
printf("sharpness %.4f, so GD needs eta < 2/%.1f = %.5f%n", sharp, sharp, 2 / sharp);
Result safe = run(named(setup(rotated, wsd(0.95 * 2 / sharp, 600, 0.2), gd()).withStart(z0).withRecord(everyWithSharpness(10)), "gd at 0.95 x 2/sharpness"));
Result unsafe = run(named(setup(rotated, wsd(1.05 * 2 / sharp, 600, 0.2), gd()).withStart(z0).withRecord(everyWithSharpness(10)), "gd at 1.05 x 2/sharpness"));
println(safe);
println(unsafe);
println(safe.tableAt(new long[] {0, 100, 300, 480, 540, 600}, "step", "lr", "loss", "hill_excess", "sharpness", "crossings"));

// Part 3: Adam at the edge of stability. Under WSD at peak 0.05 the preconditioned sharpness climbs
// (the walls' gradients shrink, so Adam's denominators shrink and its steps across the walls grow)
// until it meets the threshold 38/eta, and hovers there; when the decay raises the threshold it climbs again.
double beta1 = io.github.rivervalley.simulator.optim.Adam.DEFAULT_BETA1;
double peak = 0.05;
Result edge = run(named(setup(rotated, wsd(peak, 3000, 0.2), adam()).withStart(z0).withRecord(everyWithPreconditionedSharpness(20)), "adam at the edge"));
println(edge);
double[] lr = edge.column("lr");
double[] pre = edge.column("preconditioned_sharpness");
double[] threshold = new double[lr.length];
double[] ratio = new double[lr.length];
for (int i = 0; i < lr.length; i++) {
    threshold[i] = (2 + 2 * beta1) / ((1 - beta1) * lr[i]);
    ratio[i] = pre[i] / threshold[i];
}
printf("threshold (2 + 2 beta1)/((1 - beta1) eta) at the peak: %.1f%n", (2 + 2 * beta1) / ((1 - beta1) * peak));
println(edge.tableAt(new long[] {100, 500, 1000, 1500, 2000, 2400, 2700, 3000}, "step", "lr", "loss", "preconditioned_sharpness"));
println("preconditioned sharpness / threshold along the run:");
println(sparkline(ratio));
double maxRatio = java.util.Arrays.stream(ratio).filter(Double::isFinite).max().orElse(Double.NaN);
printf("largest ratio %.3f: the preconditioned sharpness climbs to the threshold and hovers there instead of growing past it%n", maxRatio);

save(sharpnessChart(safe), "05-gd-sharpness");
save(logLines("Adam: preconditioned sharpness against its threshold", "step", "curvature",
        series("preconditioned sharpness", edge.steps(), pre), series("(2 + 2 beta1) / ((1 - beta1) lr)", edge.steps(), threshold)),
        "05-adam-edge-of-stability");
save(chart("hill_excess", adamStraight, adamRotated), "05-adam-straight-vs-rotated");
/exit
