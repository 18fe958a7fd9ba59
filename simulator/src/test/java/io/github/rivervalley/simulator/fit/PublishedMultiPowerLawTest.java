package io.github.rivervalley.simulator.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Multi-Power Law with its authors' published parameters on the shipped curves (exact schedules)
 * gives the authors' published PredE.
 *
 * <p>The published figure (0.00110 at 25M, 0.00142 at 100M) is reproduced by the mean PredE over all
 * nine curves (fitted and held out): 0.001129 and 0.001420 with the published, 3-decimal parameters.
 * The mean over the six held-out curves alone is 0.001154 and 0.001557 (4.9% and 9.6% above), so the
 * published number is the nine-curve mean; docs/fit.md says so. Tolerance: the 3%, which also
 * covers the rounding of the published parameters to 3 decimals (a change of 5e-4 in alpha moves the
 * power-law term by ~1.5e-4 in loss, ~5% of the mean absolute error).
 */
class PublishedMultiPowerLawTest {

    static Path examples() {
        Path p = Path.of("examples/loss-curves");
        return Files.isDirectory(p) ? p : Path.of("../examples/loss-curves");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "25M, 3.040, 0.525, 0.508, 363.788, 2.066, 0.583, 0.641, 0.00110",
        "100M, 2.651, 0.601, 0.453, 437.946, 2.132, 0.598, 0.655, 0.00142"
    })
    void publishedParametersGiveThePublishedPredE(String size, double l0, double a, double alpha, double b, double c, double beta,
            double gamma, double published) {
        Path protocol = examples().resolve("protocol-" + size + ".yaml");
        ProtocolSpec spec = io.github.rivervalley.simulator.spec.SpecReader.instance().read(protocol, ProtocolSpec.class);
        Fit fit = new Fit(new MultiPowerLaw(), new double[] {l0, a, alpha, b, c, beta, gamma}, new double[7], 0, 0, 0, true);
        List<Double> errors = new ArrayList<>();
        for (ProtocolSpec.CurveSpec cs : spec.curves()) {
            Curve curve = CurveSource.load(examples().resolve(cs.csv()), examples().resolve(cs.schedule()), CurveCsv.Columns.DEFAULT,
                    cs.maxStep(), new ArrayList<>());
            errors.add(CurveErrors.of(curve, fit.predict(curve)).predE());
        }
        double mean = errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(published, mean, 0.03 * published, size + " mean PredE over the nine curves " + errors);
    }
}
