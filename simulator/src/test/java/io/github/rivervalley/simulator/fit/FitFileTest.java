package io.github.rivervalley.simulator.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fit.json round trip: every law, constants and values exact, a missing standard error kept as NaN. */
class FitFileTest {

    @Test
    void roundTripIsExact(@TempDir Path dir) {
        double[] rates = Schedules4Test.rates(2000, 100, 0.01, 1);
        Curve c = Curve.ofSchedule("c", Schedules4Test.steps(2000, 200, 100), rates);
        RiverValleyLaw rv = new RiverValleyLaw(0.01, 1234.5678, 2, false, false);
        List<Fit> fits = List.of(
                new Fit(rv, new double[] {1.1, 0.3, 0.7, 0.05, 12.5, 0.02, 321.0}, new double[] {0.1, 0.2, Double.NaN, 0.4, 0.5, 0.6, 0.7}, 1e-5, 19, 3, true),
                new Fit(new MultiPowerLaw(), new double[] {3.04, 0.525, 0.508, 363.788, 2.066, 0.583, 0.641}, new double[7], 2e-5, 19, 4, true),
                new Fit(new MomentumLaw(0.995), new double[] {3.0, 0.5, 0.6, 0.4}, new double[4], 3e-5, 19, 5, false));
        List<ProtocolResult.LawResult> laws = fits.stream()
                .map(f -> new ProtocolResult.LawResult(f, List.of(CurveErrors.of(c, f.predict(c))), 0)).toList();
        Path file = dir.resolve("fit.json");
        FitFile.write(new ProtocolResult("t", List.of("c"), List.of(), laws, List.of(c)), file);
        List<Fit> read = FitFile.read(file);
        assertEquals(3, read.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(fits.get(i).law().name(), read.get(i).law().name());
            assertEquals(fits.get(i).law().constants(), read.get(i).law().constants());
            assertArrayEquals(fits.get(i).theta(), read.get(i).theta(), 0.0);
            assertArrayEquals(fits.get(i).predict(c), read.get(i).predict(c), 0.0, "same law, same values: same bits");
        }
        assertTrue(Double.isNaN(read.get(0).se()[2]));
    }
}
