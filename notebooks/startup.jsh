// rivervalley notebook startup: loaded by `./rivervalley notebook` after jshell's DEFAULT and PRINTING
// startups (so println(...) works). It imports the notebook API and the library's own factories.
import io.github.rivervalley.reports.notebook.*;
import static io.github.rivervalley.reports.notebook.Notebook.*;
import static io.github.rivervalley.reports.notebook.NotebookCharts.*;
import static io.github.rivervalley.reports.notebook.LossCurves.*;
import io.github.rivervalley.bigram.data.*;
import io.github.rivervalley.bigram.model.*;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.*;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.schedule.*;
import io.github.rivervalley.simulator.spec.RecordSpec;
import io.github.rivervalley.simulator.trace.TraceColumns;

/** Prints a one-screen reminder of the notebook API. */
void help() {
    println("""
        rivervalley notebook: build a run from parts, run it, look at it.
          landscapes  curvedValley(), curvedValley(lambda), straightValley(l1, l2, ...), rotatedValley(dim, maxL, minL),
                      curvedValley(softplusRiver(1), lambda, amplitude, wavenumber), sharpness(landscape, x...)
                      bigram models: tabular(bigrams(64)), factored(bigrams(64), k) with noise minibatch(batch)
          schedules   constant(peak, steps), cosine(peak, steps), wsd(peak, steps, decayFraction),
                      wsd(peak, p, budgets(1000, 2000)), wsdS(peak, p, budgets(...)), cyclicCosine(peak, p, budgets(...))
          optimizers  gd(), sgd(), momentum(), nesterov(), adam(), adamw(wd)
          noise       isotropic(sigma), hillNoise(sigma), riverNoise(sigma), curvatureNoise(batch)
          runs        var r = run(landscape, schedule, optimizer [, noise [, replicas]])
                      run(setup(landscape, schedule, optimizer).withNoise(..).withReplicas(64).withRecord(every(10)))
                      expected(landscape, schedule, optimizer [, noise]) or expected(setup(..)): exact replica means,
                      no sampling (straight/rotated valleys; gd, sgd, momentum, nesterov)
          optimize    var o = optimize(setup(valley, wsd(0.05, 4000, 0.1), sgd()).withNoise(hillNoise(2)), 100)
                      best schedule for that budget and peak vs best wsd/cosine/constant; o.rates(), o.yaml()
                      optimize(fitLaw("river-valley", c1, c2), 24000, 3e-4, 2159): the same on a fitted law's prediction
          loss curves var c = curve("examples/loss-curves/25M/cosine_24000.csv", "examples/loss-curves/schedules/cosine_24000.yaml")
                      fitLaw("river-valley", c), protocol("examples/loss-curves/protocol-25M.yaml"), predict(fit, "schedule.yaml")
          look        r   r.loss()   r.table(8)   table(r, 0, 500, 1000)   sparkline(r, "loss")   plot(r, "loss", "river_loss")
                      compare(r1, r2)   r.column("hill_excess")   r.after(500)   r.until(100)
          charts      save(lossChart(r1, r2), "name")   chart("river_loss", r1, r2)   decompositionChart(r)   scheduleChart(r)
                      trajectoryChart(r)   sharpnessChart(r)   frontierChart(r1, r2)   lines(title, x, y, series(name, xs, ys), ...)
                      PNG and SVG go to %s
        """.formatted(outDir()));
}
