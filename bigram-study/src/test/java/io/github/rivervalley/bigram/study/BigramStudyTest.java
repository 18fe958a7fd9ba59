package io.github.rivervalley.bigram.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.bigram.data.BigramData;
import io.github.rivervalley.bigram.model.BigramModel;
import io.github.rivervalley.simulator.results.Trace;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study on the shipped synthetic example, run through the simulator. */
class BigramStudyTest {

    /** Tests run in the module directory; the examples live at the repository root. */
    static final Path EXAMPLES = Path.of("..", "examples", "bigram");
    static final Path EXAMPLE = EXAMPLES.resolve("bigram-synthetic.yaml");

    @Test
    void syntheticExample(@TempDir Path out) throws Exception {
        BigramStudy study = BigramStudy.read(EXAMPLE);
        BigramStudy.Comparison result = study.run(out, 2);
        BigramData data = result.data();
        assertEquals(4, result.outcomes().size());

        // The four runs share one landscape spec, so one BigramData: built once, not once per run.
        for (BigramStudy.Outcome o : result.outcomes()) {
            assertSame(data, ((BigramModel) o.run().landscape()).data(), o.schedule());
        }

        // Equal compute: every schedule spends WSD's total.
        for (BigramStudy.Outcome o : result.outcomes()) {
            assertEquals(study.totalCompute(), o.run().schedule().totalCompute(), o.schedule());
        }

        // The population loss is never below L* (rounding of a sum of ~V terms: 1e-12 relative).
        for (BigramStudy.Outcome o : result.outcomes()) {
            Trace trace = o.trace();
            int loss = trace.layout().indexOf("loss");
            for (TraceRow row : trace.rows()) {
                assertTrue(row.get(loss) >= data.lowerBound() * (1 - 1e-12), o.schedule() + " " + row);
            }
        }

        // Decays: at least 70% of each WSD / WSD-S decay's loss drop comes from the uncertain groups.
        int checked = 0;
        for (BigramStudy.Outcome o : result.outcomes()) {
            if (!o.schedule().startsWith("wsd")) {
                continue;
            }
            assertEquals(3, o.decays().size(), o.schedule());
            for (DecayDrop d : o.decays()) {
                assertTrue(d.drop() > 0, d.toString());
                assertTrue(d.hillShare() >= 0.7, d.toString());
                double sum = 0.0;
                for (double g : d.groupDrop()) {
                    sum += g;
                }
                assertEquals(d.drop(), sum, 1e-12);
                checked++;
            }
        }
        assertEquals(6, checked);

        // With a decaying learning rate the model gets close to L*: WSD's final excess is a small fraction
        // of the excess at the start (log V - L*).
        BigramStudy.Outcome wsd = result.outcomes().get(0);
        double initial = Math.log(data.vocabularySize()) - data.lowerBound();
        assertTrue(wsd.finalLoss() - data.lowerBound() < 0.05 * initial, "final excess " + (wsd.finalLoss() - data.lowerBound()));

        // The example is in the regime of the paper's claim. The river is unsaturated: at the peak rate the
        // deterministic tokens' excess still falls like 1/t (about halving from step 7200 to 14400), and cosine,
        // with about 0.55 of WSD's learning-rate area, ends with more of it (measured 1.8x).
        Trace main = wsd.trace();
        assertTrue(main.value("main", 14400, "excess_det") < 0.7 * main.value("main", 7200, "excess_det"));
        BigramStudy.Outcome cosine = result.outcomes().stream().filter(o -> o.schedule().equals("cosine")).findFirst().orElseThrow();
        int river = data.riverGroups().get(0);
        assertTrue(cosine.finalGroupExcess()[river] > 1.3 * wsd.finalGroupExcess()[river]);
        // The summary names the winner from the numbers.
        BigramStudy.Outcome best = result.outcomes().stream().min(java.util.Comparator.comparingDouble(BigramStudy.Outcome::finalLoss)).orElseThrow();
        String summary = Files.readString(out.resolve("study.txt"));
        assertTrue(summary.contains("lowest final loss at equal compute: " + best.schedule() + " "), summary);
        assertTrue(summary.contains(wsd.finalLoss() < cosine.finalLoss() ? "WSD ends below cosine" : "cosine ends below WSD")
                || summary.contains("WSD and cosine tie"), summary);

        List<String> curves = Files.readAllLines(out.resolve("group-curves.csv"));
        int rows = 0;
        for (BigramStudy.Outcome o : result.outcomes()) {
            rows += o.trace().rows().size();
        }
        assertEquals(rows + 1, curves.size());
        assertTrue(curves.get(0).startsWith("run,schedule,line,step,lr,loss,loss_det,"), curves.get(0));
        for (String file : List.of("decay-shares.csv", "final-groups.csv", "study.json", "study.txt",
                "bigram-synthetic-wsd/trace.csv", "bigram-synthetic-wsd-s/summary.json", "bigram-synthetic-cosine/spec.yaml",
                "bigram-synthetic-constant/trace.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        String header = Files.readAllLines(out.resolve("bigram-synthetic-wsd/trace.csv")).get(0);
        for (String g : data.groupNames()) {
            assertTrue(header.contains(",loss_" + g) && header.contains(",excess_" + g), header);
        }
    }

    /**
     * The text example (its file path is relative to the repository root, so the test points it there): the
     * data are word pairs of the shipped text, and the decays' drops come mostly from the uncertain groups.
     */
    @Test
    void textExample() {
        ObjectNode tree = (ObjectNode) SpecReader.instance().readTree(EXAMPLES.resolve("bigram-text.yaml"));
        ObjectNode data = (ObjectNode) tree.get("landscape").get("data");
        data.put("file", Path.of("..").resolve(data.get("file").asText()).toString());
        BigramStudy.Comparison result = BigramStudy.of(tree).execute(2);
        assertEquals(200, result.data().vocabularySize());
        for (DecayDrop d : result.decays()) {
            if (!d.run().equals("cosine")) {
                assertTrue(d.hillShare() >= 0.7, d.toString());
            }
        }
    }

    @Test
    void aStudyNeedsABigramLandscape() {
        SpecException e = rejected("{type: straight-valley, hillCurvature: 2}", "{type: none}", "{peak: 0.1, budgets: [100]}");
        assertEquals("landscape.type", e.field(), e.getMessage());
        e = rejected(ONE_GROUP_BIGRAM, "{type: minibatch, batchSize: 0}", "{peak: 0.1, budgets: [100]}");
        assertEquals("noise.batchSize", e.field(), e.getMessage());
        e = rejected(ONE_GROUP_BIGRAM, "{type: minibatch, batchSize: 2}", "{peak: 0.1, budgets: [100, 50]}");
        assertTrue(e.field().startsWith("schedule.budgets"), e.getMessage());
    }

    /** A valid bigram landscape block: eight tokens, each with one successor. */
    private static final String ONE_GROUP_BIGRAM =
            "{type: bigram, data: {type: synthetic, vocabulary: 8, groups: [{share: 1.0, kind: deterministic}]}, model: {type: tabular}}";

    /** The error of a study spec with these blocks (YAML flow style). */
    private static SpecException rejected(String landscape, String noise, String schedule) {
        String yaml = "name: s\nlandscape: " + landscape + "\nnoise: " + noise + "\nschedule: " + schedule + "\n";
        return assertThrows(SpecException.class, () -> BigramStudy.of(SpecReader.instance().readTree(yaml, "test")));
    }
}
