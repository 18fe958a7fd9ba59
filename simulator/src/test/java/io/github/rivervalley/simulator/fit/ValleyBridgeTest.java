package io.github.rivervalley.simulator.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.ScheduleFileSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import org.junit.jupiter.api.Test;

/** A fitted law turned into a valley: simulating it gives back the law's curve and its river/hill split. */
class ValleyBridgeTest {

    @Test
    void simulatedValleyReproducesTheLaw() {
        double peak = 0.01;
        RiverValleyLaw law = new RiverValleyLaw(peak, 1000, 1, false, false);
        double[] theta = {1.0, 0.3, 0.5, 0.05, 40};
        Fit fit = new Fit(law, theta, new double[5], 0, 0, 0, true);
        SpecReader reader = SpecReader.instance();
        ScheduleFileSpec schedule = reader.read(
                "steps: 4000\nschedule: {type: wsd-s, peak: 0.01, warmup: 100, floor: 0.1, decayFraction: 0.2, budgets: [2000, 4000]}\n", "s",
                ScheduleFileSpec.class);
        RunSpec spec = ValleyBridge.runSpec(fit, schedule, "bridge", 2048, 3);
        RunSpec reread = reader.read(reader.toYaml(spec), "bridge.yaml", RunSpec.class);
        Trace t = Simulation.trace(reread, 1);
        double[] step = t.column("main", "step");
        double[] loss = t.column("main", "loss");
        double[] hill = t.column("main", "hill_excess");
        double[] hillSe = t.column("main", "hill_excess_se");
        double[] river = t.column("main", "river_loss");
        int first = 1;
        while (step[first] < 500) {
            first++;
        }
        long[] steps = new long[step.length - first];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = (long) step[i + first];
        }
        Curve target = Curve.ofSchedule("bridge", steps, CurveSource.rates(schedule.build(), "main"));
        double[][] parts = law.decompose(theta, target);
        double[] tau = RiverValleyLaw.intrinsicTimes(target, peak);
        for (int i = 0; i < steps.length; i++) {
            // hill: the exact expectation against a 2048-replica mean, 5 standard errors
            assertEquals(parts[1][i], hill[i + first], 5 * hillSe[i + first], "hill at step " + steps[i]);
            // river: the valley's river runs ahead of the law by about one step (the power law's one-step time
            // offset plus gradient descent's first, large steps), a relative error alpha * delay / tau in its
            // excess over the floor (measured: 2.4 to 3.1 steps over the run); allow a delay of 5 steps
            double riverTol = 5 * theta[2] / tau[i] * (parts[0][i] - theta[0]);
            assertEquals(parts[0][i], river[i + first], riverTol, "river at step " + steps[i]);
            assertEquals(parts[0][i] + parts[1][i], loss[i + first], 5 * hillSe[i + first] + riverTol, "loss at step " + steps[i]);
        }
    }

    @Test
    void hillCountsShareTheExcessAmongModes() {
        RiverValleyLaw law = new RiverValleyLaw(1.0, 1, 2, false, false);
        // per-direction excess ratio 1 : 0.5 (same relaxation-time correction): counts 2 : 1
        HillReading hill = HillReading.of(law, new double[] {0, 1, 0.5, 0.2, 1000, 0.1, 1000});
        assertArrayEquals(new int[] {2, 1}, ValleyBridge.counts(hill, 1.0));
    }
}
