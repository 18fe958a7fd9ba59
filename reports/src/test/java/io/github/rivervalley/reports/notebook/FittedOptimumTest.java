package io.github.rivervalley.reports.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.fit.Fit;
import io.github.rivervalley.simulator.fit.FitFile;
import io.github.rivervalley.simulator.schedulesearch.FittedObjective;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The notebook's {@code optimize(fit, steps, peak, warmup)} on the shipped 100M fit. */
class FittedOptimumTest {

    private static Fit riverValley() {
        Path p = Path.of("examples/optimize/fitted-100M/fit.json");
        Path file = Files.isRegularFile(p) ? p : Path.of("..").resolve(p);
        return FitFile.read(file).stream().filter(f -> f.law().name().equals("river-valley")).findFirst().orElseThrow();
    }

    @Test
    void theOptimumIsScoredByTheLawAndNoWorseThanTheFamilies() {
        Fit fit = riverValley();
        Optimum o = LossCurves.optimize(fit, 3000, 3e-4, 300);
        // the reported loss is the law's own prediction for the returned rates: same function, same bits
        assertEquals(FittedObjective.of(fit).objective().loss(o.rates()), o.loss(), 0.0);
        o.families().forEach(c -> assertTrue(c.loss() >= o.loss(), c.family() + " " + c.loss() + " vs " + o.loss()));
        for (int t = 300; t < 3000; t++) {
            assertTrue(o.rates()[t] <= 3e-4 && (t == 300 || o.rates()[t] <= o.rates()[t - 1]), "step " + t);
        }
    }

    @Test
    void aPeakAboveTheFittedCurvesIsRefused() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> LossCurves.optimize(riverValley(), 3000, 1e-3, 300));
        assertEquals("peak", e.field());
    }
}
