package io.github.rivervalley.bigram.data;

import static io.github.rivervalley.bigram.data.SyntheticBigramsTest.assertField;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-group frequency masses: each group's tokens sum to its mass, in the frequency law's ratios. */
class GroupMassTest {

    private static SyntheticGroup group(double share, Uncertainty kind, Integer k, Double mass) {
        return new SyntheticGroup(null, share, kind, k, null, mass);
    }

    @Test
    void groupsGetTheirMassInTheLawsRatios() {
        List<SyntheticGroup> groups = List.of(group(0.75, Uncertainty.DETERMINISTIC, null, 0.1),
                group(0.25, Uncertainty.UNIFORM, 3, 0.9));
        BigramData zipf = SyntheticBigrams.generate(40, Frequencies.ZIPF, 1.0, groups, 3);
        // Sums of 40 terms: a few ulps.
        assertEquals(0.1, zipf.groupMass(0), 1e-15);
        assertEquals(0.9, zipf.groupMass(1), 1e-15);
        // Within a group the Zipf ratios (i + 1)^-1 / (j + 1)^-1 are kept.
        int first = -1;
        for (int i = 0; i < 40; i++) {
            if (zipf.groupOf(i) == 1) {
                if (first < 0) {
                    first = i;
                } else {
                    assertEquals((first + 1.0) / (i + 1.0), zipf.frequency(i) / zipf.frequency(first), 1e-14);
                }
            }
        }
    }

    @Test
    void massesAreAllOrNothingAndSumToOne() {
        assertField("groups[1].mass", () -> SyntheticBigrams.validate(8, Frequencies.UNIFORM, 1.0,
                List.of(group(0.5, Uncertainty.DETERMINISTIC, null, 0.5), group(0.5, Uncertainty.UNIFORM, 2, null))));
        assertField("groups.mass", () -> SyntheticBigrams.validate(8, Frequencies.UNIFORM, 1.0,
                List.of(group(0.5, Uncertainty.DETERMINISTIC, null, 0.5), group(0.5, Uncertainty.UNIFORM, 2, 0.6))));
        assertField("mass", () -> group(0.5, Uncertainty.DETERMINISTIC, null, 0.0));
    }
}
