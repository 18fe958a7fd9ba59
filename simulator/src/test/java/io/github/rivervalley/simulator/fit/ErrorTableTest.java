package io.github.rivervalley.simulator.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed error table: every row's column bars at the header's positions, for laws of different name lengths. */
class ErrorTableTest {

    @Test
    void columnsLineUpUnderTheirHeaders() {
        double[] theta = {3.0, 0.5, 0.6, 0.4};
        Law law = new MomentumLaw(0.995);
        Curve fitted = Schedules4Test.generated(law, theta, "fitted", Schedules4Test.rates(2000, 100, 0.01, 1), Schedules4Test.steps(2000, 200, 100));
        Curve heldOut = Schedules4Test.generated(law, theta, "held", Schedules4Test.rates(2000, 100, 0.01, 2), Schedules4Test.steps(2000, 200, 100));
        // Two laws, "river-valley" with a header longer than its numbers and "mtl" with a shorter one: both must align.
        // Their predictions are the curves off by a few thousandths, so the numbers have the width of real ones.
        List<Fit> fits = List.of(
                new Fit(new RiverValleyLaw(0.01, 1234.5678, 2, false, false),
                        new double[] {1.1, 0.3, 0.7, 0.05, 12.5, 0.02, 321.0}, new double[7], 1e-5, 19, 3, true),
                new Fit(law, theta, new double[4], 3e-5, 19, 5, true));
        List<ProtocolResult.LawResult> laws = new ArrayList<>();
        for (int k = 0; k < fits.size(); k++) {
            double off = 0.002 * (k + 1);
            laws.add(new ProtocolResult.LawResult(fits.get(k),
                    List.of(CurveErrors.of(fitted, shifted(fitted, off)), CurveErrors.of(heldOut, shifted(heldOut, -off))), 0.25));
        }
        String text = ErrorTable.text(new ProtocolResult("t", List.of("fitted"), List.of("held"), laws, List.of(fitted, heldOut)));

        List<String> lines = text.lines().toList();
        assertEquals(6, lines.size(), text); // title, header, two curves, held-out mean, parameters
        List<Integer> header = bars(lines.get(1));
        assertEquals(2, header.size(), text);
        for (String line : lines.subList(2, lines.size())) {
            assertEquals(header, bars(line), "bars of '" + line + "' against the header in:\n" + text);
        }
        assertTrue(lines.get(1).contains("river-valley PredE / worst / R^2") && lines.get(1).contains("mtl PredE / worst / R^2"), text);
    }

    /** The curve's losses, each off by {@code off} relative. */
    private static double[] shifted(Curve c, double off) {
        double[] loss = new double[c.size()];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = c.loss()[i] * (1 + (i % 2 == 0 ? off : -off));
        }
        return loss;
    }

    private static List<Integer> bars(String line) {
        List<Integer> at = new ArrayList<>();
        for (int i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) {
            at.add(i);
        }
        return at;
    }
}
