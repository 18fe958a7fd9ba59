package io.github.rivervalley.simulator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * YAML's special floats are numbers (issue 17, item 9): {@code .inf}, {@code -.inf}, {@code .nan} read as the
 * doubles they are, then the field's own rule decides; accepted values round-trip through the written spec.
 */
class YamlFloatsTest {

    private static final String RUN = """
            name: floats
            steps: 10
            landscape: {type: straight-valley, hillCurvature: 3.0}
            optimizer: {type: sgd}
            noise: {type: isotropic, sigma: 0.1}
            schedule: {type: constant, peak: 0.1}
            """;

    private final SpecReader reader = SpecReader.instance();

    private RunSpec read(String yaml) {
        return reader.read(yaml, "spec.yaml", RunSpec.class);
    }

    @Test
    void anInfiniteDivergenceThresholdIsAllowedAndRoundTrips() {
        RunSpec spec = read(RUN + "record: {divergenceThreshold: .inf}\n");
        assertEquals(Double.POSITIVE_INFINITY, spec.record().divergenceThreshold());
        String written = reader.toYaml(spec.resolved());
        assertTrue(written.contains("divergenceThreshold: .inf"), written);
        assertEquals(spec.resolved(), read(written).resolved());
    }

    @Test
    void notANumberIsRefusedByTheFieldsRuleNamingTheField() {
        SpecException nan = assertThrows(SpecException.class, () -> read(RUN.replace("sigma: 0.1", "sigma: .nan")));
        assertEquals("noise.sigma", nan.field(), nan.getMessage());
        SpecException negative = assertThrows(SpecException.class, () -> read(RUN.replace("hillCurvature: 3.0", "hillCurvature: -.inf")));
        assertEquals("landscape.hillCurvature", negative.field(), negative.getMessage());
        for (String spelling : new String[] {".Inf", ".INF", "+.inf"}) {
            assertEquals(Double.POSITIVE_INFINITY, reader.readTree("x: " + spelling, "t").get("x").asDouble(), spelling);
        }
        assertTrue(Double.isNaN(reader.readTree("x: .NaN", "t").get("x").asDouble()));
        assertEquals(".inf", reader.readTree("x: '.inf'", "t").get("x").asText(), "a quoted .inf stays text");
    }
}
