package io.github.rivervalley.simulator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped sweep examples expand into valid runs of the real engine, and the budget study is the paper's. */
class SweepExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    static Stream<Path> sweeps() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> sweeps = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> SpecReader.instance().readTree(p).has("base")).sorted().toList();
            assertTrue(sweeps.size() >= 2, "sweep examples in " + EXAMPLES.toAbsolutePath() + ": " + sweeps);
            return sweeps.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweeps")
    void everyRunOfTheExampleIsValid(Path example) {
        Sweep sweep = Sweep.expand(SweepSpec.read(example), new EngineExecutor());
        assertTrue(sweep.runs().size() >= 2, example + " has " + sweep.runs().size() + " runs");
    }

    @Test
    void budgetStudyComparesTheFourFamiliesAtBudgets1To2To4With10PercentDecaysTo0Point1() {
        Sweep sweep = Sweep.expand(SweepSpec.read(EXAMPLES.resolve("budget-study.yaml")), new EngineExecutor());
        List<String> families = new ArrayList<>();
        for (Sweep.Job run : sweep.runs()) {
            JsonNode schedule = run.runSpec().get("schedule");
            String family = schedule.get("type").asText();
            if (!families.contains(family)) {
                families.add(family);
            }
            JsonNode budgets = schedule.get("budgets");
            assertEquals(3, budgets.size());
            assertEquals(2 * budgets.get(0).asLong(), budgets.get(1).asLong());
            assertEquals(4 * budgets.get(0).asLong(), budgets.get(2).asLong());
            assertEquals(0.1, schedule.get("floor").asDouble());
            if (!family.equals("cosine")) {
                assertEquals(0.1, schedule.get("decayFraction").asDouble(), family);
            }
            assertEquals("sgd", run.runSpec().at("/optimizer/type").asText());
            assertTrue(run.runSpec().at("/noise/sigma").asDouble() > 0, "SGD noise");
        }
        assertEquals(List.of("wsd", "wsd-s", "cosine", "cyclic-cosine"), families);
    }
}
