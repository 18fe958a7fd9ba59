package io.github.rivervalley.simulator.schedulesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.spec.WsdScheduleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decay-shape phase diagram on the moment engine: the ordering of linear and inverse-proportional flips. */
class PhaseDiagramTest {

    private static final PhaseDiagram DIAGRAM = new PhaseDiagram("shapes", 4000L, 0.05, 0.02, List.of(3.0), 0.01, List.of(30.0, 3000.0));

    /**
     * A relaxation time a thirtieth of the budget: the hill cannot follow an inverse-proportional decay's
     * early plunge, so the linear decay, which keeps more learning-rate area, wins. A relaxation time
     * 1/3000 of the budget: the hill tracks its stationary excess and the inverse-proportional decay, which
     * lowers the rate as fast as the hill can follow, wins. Both margins are over 1e-3 in loss, far above
     * the searches' tolerance (Brent to 1e-10 in the fraction, exact expected losses).
     */
    @Test
    void linearWinsAtLongRelaxationAndInverseProportionalAtShort() {
        PhaseDiagram.Point slowHill = DIAGRAM.point(3.0, 30.0);
        PhaseDiagram.Point fastHill = DIAGRAM.point(3.0, 3000.0);
        assertTrue(slowHill.linearAdvantage() > 1e-3, "linear wins at N/T = 30: " + slowHill);
        assertTrue(fastHill.linearAdvantage() < -1e-3, "inverse-proportional wins at N/T = 3000: " + fastHill);
    }

    /** Each point's losses are the exact expected losses of the WSD specs found (recomputed independently). */
    @Test
    void pointsAreTheLossesOfTheirBestSchedules() {
        PhaseDiagram.Point p = DIAGRAM.point(3.0, 30.0);
        double lambda = 30.0 / (2 * 0.05 * 4000);
        var valley = new io.github.rivervalley.landscapes.analytic.StraightValley(
                new io.github.rivervalley.landscapes.analytic.RiverProfile.Linear(0.02), new double[] {lambda});
        var adjoint = new io.github.rivervalley.simulator.theory.MomentAdjoint(io.github.rivervalley.simulator.theory.ModeSystem.of(
                valley, io.github.rivervalley.simulator.noise.Noises.hill(3.0), new double[2]),
                io.github.rivervalley.simulator.optim.Optimizers.gd());
        WsdScheduleSpec linear = new WsdScheduleSpec(0.05, 0L, null, 0.01, io.github.rivervalley.simulator.schedule.DecayShape.LINEAR,
                p.linearFraction(), List.of(4000L));
        assertEquals(p.linear(), adjoint.loss(KnotSchedule.rates(linear.build(4000))), 0.0, "same rates, same bits");
    }

    @Test
    void theShippedExampleReads() {
        java.nio.file.Path p = java.nio.file.Path.of("examples/optimize/decay-shape-phases.yaml");
        java.nio.file.Path file = java.nio.file.Files.isRegularFile(p) ? p : java.nio.file.Path.of("..").resolve(p);
        PhaseDiagram d = io.github.rivervalley.simulator.spec.SpecReader.instance().read(file, PhaseDiagram.class);
        assertEquals(List.of(1.0, 3.0), d.noise());
    }

    @Test
    void unstableRatiosAndAZeroFloorAreRefused() {
        InvalidValueException ratio = assertThrows(InvalidValueException.class,
                () -> new PhaseDiagram("x", 100L, 0.1, 0.0, List.of(1.0), 0.01, List.of(500.0)));
        assertEquals("ratios", ratio.field());
        InvalidValueException floor = assertThrows(InvalidValueException.class,
                () -> new PhaseDiagram("x", 100L, 0.1, 0.0, List.of(1.0), 0.0, List.of(5.0)));
        assertEquals("floor", floor.field());
    }
}
