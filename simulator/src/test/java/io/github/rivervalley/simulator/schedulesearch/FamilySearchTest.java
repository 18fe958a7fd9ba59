package io.github.rivervalley.simulator.schedulesearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.theory.ModeSystem;
import io.github.rivervalley.simulator.theory.MomentAdjoint;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FamilySearchTest {

    /**
     * On a valley with a river to travel and noise to settle, every family's best member satisfies the
     * bounds, the search is deterministic, each best member is at least as good as the family's default
     * start (BOBYQA only accepts improvements), and the free-form optimum (which can take any of their shapes
     * up to its knot resolution) is within 1% of the best family or better.
     */
    @ParameterizedTest
    @CsvSource({"0, 0.0, true", "100, 0.05, true", "50, 0.0, false"})
    void bestFamilyMembersRespectTheBoundsAndTheFreeFormIsNoWorse(long warmup, double floor, boolean nonIncreasing) {
        StraightValley valley = new StraightValley(new RiverProfile.Linear(0.5), new double[] {8.0, 2.0});
        MomentAdjoint adjoint = new MomentAdjoint(ModeSystem.of(valley, Noises.hill(1.0), new double[] {0, 0.5, 0.5}), Optimizers.gd());
        Bounds bounds = new Bounds(2000, 0.1, warmup, floor, nonIncreasing);
        List<FamilySearch.Candidate> a = new FamilySearch(adjoint, bounds).all();
        List<FamilySearch.Candidate> b = new FamilySearch(adjoint, bounds).all();
        assertEquals(3, a.size());
        for (int i = 0; i < a.size(); i++) {
            FamilySearch.Candidate c = a.get(i);
            assertTrue(bounds.admits(c.rates(), 1e-12), c.family() + " violates " + bounds);
            assertEquals(adjoint.loss(c.rates()), c.loss(), 0.0);
            assertEquals(c.loss(), b.get(i).loss(), 0.0, "deterministic");
            assertArrayEquals(c.rates(), b.get(i).rates());
        }
        FreeFormSearch.Result free = new FreeFormSearch(adjoint, new KnotSchedule(bounds, 100)).search(2000);
        double best = a.get(0).loss();
        assertTrue(free.loss() <= best + 0.01 * Math.abs(best), "free form " + free.loss() + " vs best family " + a.get(0));
    }
}
