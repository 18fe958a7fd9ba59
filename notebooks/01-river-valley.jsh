// Lesson 1 - the river valley.
//
// A river valley is a loss with one gentle direction (the river, along the valley floor) and steep
// walls across it (the hills). Here the floor is the curve y = 0.5 sin(x): the loss is
//     L(x, y) = r(x) + (lambda/2) (y - 0.5 sin x)^2,   lambda = 10, river r(x) = -0.1 x (downhill forever).
// Every point splits into two parts that the simulator measures exactly:
//     river loss  = L at the nearest point of the floor   (the progress made along the river)
//     hill excess = L - river loss                          (what it costs to sit up a wall)
// Gradient descent x <- x - eta grad L treats the wall like the quadratic (lambda/2) h^2, so the
// distance h from the floor is multiplied by (1 - eta lambda) each step:
//     eta < 1/lambda          h shrinks without changing sign
//     1/lambda < eta < 2/lambda  h flips sign every step: the iterate bounces between the walls
//     eta > 2/lambda          |1 - eta lambda| > 1: the bounce grows and GD diverges.

var valley = curvedValley(linearRiver(0.1), 10, 0.5, 1);
println(valley);

// On a curved floor the wall is steepest where the floor is steepest (there the curvature across the
// floor is lambda (1 + slope^2)). The sharpness (top Hessian eigenvalue) along the floor tells us which
// curvature GD must survive.
double lo = Double.POSITIVE_INFINITY, hi = 0;
for (double c = 0; c <= 2 * Math.PI; c += 0.01) {
    double[] p = new double[2];
    valley.riverPoint(c, p);
    double s = sharpness(valley, p);
    lo = Math.min(lo, s);
    hi = Math.max(hi, s);
}
printf("sharpness along the floor: from %.4f to %.4f%n", lo, hi);
printf("monotone below eta = 1/%.2f = %.4f; stable everywhere below eta = 2/%.2f = %.4f; unstable everywhere above 2/%.2f = %.4f%n",
        hi, 1 / hi, hi, 2 / hi, lo, 2 / lo);

// Four constant learning rates, each from the same start 0.4 above the floor, 300 steps, every step recorded.
double[] etas = {0.3 / hi, 1.5 / hi, 1.95 / hi, 2.2 / lo};
String[] names = {"small", "between 1 and 2 over lambda", "just below 2 over lambda", "above 2 over lambda"};
Result[] results = new Result[etas.length];
for (int i = 0; i < etas.length; i++) {
    results[i] = run(named(setup(valley, constant(etas[i], 300), gd()).withStart(0, 0.4).withRecord(every(1)),
            String.format("eta %.4f (%s)", etas[i], names[i])));
    println(results[i]);
}

// The small step: the iterate slides down the wall without crossing the floor, then creeps along the river.
println(results[0].tableAt(new long[] {0, 5, 10, 20, 50, 100, 300}, "step", "loss", "river_loss", "hill_excess", "hill_disp", "crossings"));

// Between 1/lambda and 2/lambda: the signed distance from the floor (hill_disp) flips sign every step,
// "crossings" counts the floor crossings since the previous recorded row: 1 on (almost) every step.
println(results[1].tableAt(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 50, 100, 300}, "step", "loss", "river_loss", "hill_excess", "hill_disp", "crossings"));
for (Result r : results) {
    double crossings = java.util.Arrays.stream(r.column("crossings")).filter(Double::isFinite).sum();
    printf("%-45s floor crossings in 300 steps: %4.0f   river coordinate at the end: %.3f%n", r.name(), crossings, r.riverCoord());
}

// Larger steps travel further along the river (progress per step is about slope x eta), which is why
// training wants a large learning rate; but near 2/lambda the bounce dies out ever more slowly.
println(sparkline(results[2], "hill_dist"));
println(plot(results[2], "loss", "river_loss"));

// Above 2/lambda the bounce grows until the loss passes the divergence threshold.
println(results[3]);
println(sparkline(results[3], "hill_dist"));

// Charts: the distance from the floor for the three stable runs (log scale: a straight line means the
// distance shrinks by the same factor every step), and the first 60 steps of the run just below 2/lambda
// split into river loss and hill excess (the loss is their sum at every step).
save(logLines("Distance from the valley floor", "step", "hill distance",
        series(results[0].name(), results[0].steps(), results[0].column("hill_dist")),
        series(results[1].name(), results[1].steps(), results[1].column("hill_dist")),
        series(results[2].name(), results[2].steps(), results[2].column("hill_dist"))), "01-hill-distance");
save(decompositionChart(results[2].until(60)), "01-decomposition");
/exit
