package io.github.rivervalley.simulator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.analytic.CurvedValley;
import io.github.rivervalley.landscapes.analytic.HillSpectrum;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.RotatedValley;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import org.junit.jupiter.api.Test;

class LandscapeSpecTest {

    /** A spec file's {@code landscape} block, so that error paths start with {@code landscape.}. */
    record Holder(LandscapeSpec landscape) {
    }

    private static LandscapeSpec read(String yaml) {
        SpecReader reader = SpecReader.instance();
        return reader.read(yaml, "test", Holder.class).landscape();
    }

    private static SpecException error(String yaml) {
        return assertThrows(SpecException.class, () -> read(yaml));
    }

    /** Writing a spec back and reading it again gives the same, fully resolved spec. */
    private static void assertRoundTrips(LandscapeSpec spec) {
        String yaml = SpecReader.instance().toYaml(new Holder(spec));
        assertEquals(spec, read(yaml), yaml);
    }

    @Test
    void straightValleyWithASpread() {
        LandscapeSpec spec = read("""
                landscape:
                  type: straight-valley
                  dimension: 6
                  hillCurvature: 100
                  spread: {type: geometric, min: 0.1}
                  river: {type: quadratic, curvature: 0.5}
                """);
        StraightValley expected = new StraightValley(new RiverProfile.Quadratic(0.5, 0.0), HillSpectrum.geometric(100, 0.1, 5));
        assertEquals(expected, spec.build());
        assertRoundTrips(spec);
        LandscapeSpec powerLaw = read("landscape: {type: straight-valley, dimension: 4, hillCurvature: 12, spread: {type: power-law}}");
        assertEquals(new StraightValley(new RiverProfile.Linear(1), HillSpectrum.powerLaw(12, 1, 3)), powerLaw.build());
    }

    @Test
    void straightValleyDefaultsAreFilledIn() {
        LandscapeSpec spec = read("landscape: {type: straight-valley, hillCurvature: 10}");
        assertEquals(new StraightValley(new RiverProfile.Linear(1.0), new double[] {10.0}), spec.build());
        String yaml = SpecReader.instance().toYaml(new Holder(spec));
        for (String resolved : new String[] {"type: straight-valley", "dimension: 2", "hillCurvature: 10.0", "type: constant", "type: linear", "slope: 1.0"}) {
            assertTrue(yaml.contains(resolved), resolved + " in\n" + yaml);
        }
        assertRoundTrips(spec);
    }

    @Test
    void straightValleyWithEveryHillListed() {
        LandscapeSpec spec = read("landscape: {type: straight-valley, hillCurvature: [5, 50, 0.5], river: {type: softplus, slope: 2}}");
        assertEquals(new StraightValley(new RiverProfile.Softplus(2), new double[] {5, 50, 0.5}), spec.build());
        assertEquals(4, ((StraightValleySpec) spec).dimension());
        assertRoundTrips(spec);
    }

    @Test
    void curvedValley() {
        LandscapeSpec spec = read("""
                landscape:
                  type: curved-valley
                  hillCurvature: 20
                  amplitude: 0.5
                  wavenumber: 2
                  extraHills: [30, 3]
                """);
        assertEquals(new CurvedValley(new RiverProfile.Linear(1), 20, 0.5, 2, new double[] {30, 3}), spec.build());
        assertRoundTrips(spec);
        CurvedValleySpec defaults = (CurvedValleySpec) read("landscape: {type: curved-valley, hillCurvature: 20}");
        assertEquals(new CurvedValleySpec(20.0, 1.0, 1.0, new RiverSpec.Linear(1.0), java.util.List.of()), defaults);
    }

    @Test
    void rotatedValleyWithOrWithoutTheInnerType() {
        LandscapeSpec bare = read("landscape: {type: rotated-valley, seed: 7, valley: {dimension: 5, hillCurvature: 10, spread: {type: geometric, min: 1}}}");
        LandscapeSpec typed = read("landscape: {type: rotated-valley, seed: 7, valley: {type: straight-valley, dimension: 5, hillCurvature: 10, spread: {type: geometric, min: 1}}}");
        assertEquals(bare, typed);
        RotatedValley expected = new RotatedValley(new StraightValley(new RiverProfile.Linear(1), HillSpectrum.geometric(10, 1, 4)), 7L);
        assertEquals(expected, bare.build());
        assertRoundTrips(bare);
        assertEquals(0L, ((RotatedValleySpec) read("landscape: {type: rotated-valley, valley: {hillCurvature: 3}}")).seed());
    }

    @Test
    void badValuesNameTheirField() {
        assertEquals("landscape.hillCurvature[1]", error("landscape: {type: straight-valley, hillCurvature: [1, -2]}").field());
        assertEquals("landscape.hillCurvature[1]", error("landscape: {type: straight-valley, hillCurvature: [1, null]}").field());
        assertEquals("landscape.hillCurvature", error("landscape: {type: straight-valley, hillCurvature: 0}").field());
        assertEquals("landscape.hillCurvature", error("landscape: {type: straight-valley}").field());
        assertEquals("landscape.dimension", error("landscape: {type: straight-valley, dimension: 3, hillCurvature: [1, 2, 3]}").field());
        assertEquals("landscape.dimension", error("landscape: {type: straight-valley, dimension: 1, hillCurvature: 1}").field());
        assertEquals("landscape.spread", error("landscape: {type: straight-valley, hillCurvature: [1, 2], spread: {type: constant}}").field());
        assertEquals("landscape.spread.min", error("landscape: {type: straight-valley, dimension: 3, hillCurvature: 1, spread: {type: geometric, min: 2}}").field());
        assertEquals("landscape.spread.min", error("landscape: {type: straight-valley, dimension: 3, hillCurvature: 1, spread: {type: geometric}}").field());
        assertEquals("landscape.spread.exponent", error("landscape: {type: straight-valley, dimension: 3, hillCurvature: 1, spread: {type: power-law, exponent: -1}}").field());
        assertEquals("landscape.river.slope", error("landscape: {type: straight-valley, hillCurvature: 1, river: {type: softplus, slope: -1}}").field());
        assertEquals("landscape.river.curvature", error("landscape: {type: straight-valley, hillCurvature: 1, river: {type: quadratic}}").field());
        assertEquals("landscape.wavenumber", error("landscape: {type: curved-valley, hillCurvature: 1, wavenumber: 0}").field());
        assertEquals("landscape.hillCurvature", error("landscape: {type: curved-valley, hillCurvature: -1}").field());
        assertEquals("landscape.extraHills[1]", error("landscape: {type: curved-valley, hillCurvature: 1, extraHills: [1, -1]}").field());
        assertEquals("landscape.valley.dimension", error("landscape: {type: rotated-valley, valley: {dimension: 5000, hillCurvature: 1}}").field());
        assertEquals("landscape.valley", error("landscape: {type: rotated-valley, seed: 1}").field());
        SpecException negative = error("landscape: {type: straight-valley, hillCurvature: [1, -2]}");
        assertTrue(negative.getMessage().contains("-2.0") && negative.getMessage().contains("> 0"), negative.getMessage());
    }

    @Test
    void unknownKeysAndTypesSuggestTheClosestName() {
        SpecException typo = error("landscape: {type: curved-valley, hillCurvature: 1, amplitud: 2}");
        assertTrue(typo.getMessage().contains("did you mean 'amplitude'"), typo.getMessage());
        SpecException type = error("landscape: {type: straight-vally, hillCurvature: 1}");
        assertTrue(type.getMessage().contains("did you mean 'straight-valley'"), type.getMessage());
        SpecException spread = error("landscape: {type: straight-valley, hillCurvature: 1, dimension: 3, spread: {type: powerlaw}}");
        assertTrue(spread.getMessage().contains("power-law"), spread.getMessage());
        SpecException inner = error("landscape: {type: rotated-valley, valley: {type: curved-valley, hillCurvature: 1}}");
        assertEquals("landscape.valley.type", inner.field(), inner.getMessage());
        assertTrue(inner.getMessage().contains("curved-valley"), inner.getMessage());
    }
}
