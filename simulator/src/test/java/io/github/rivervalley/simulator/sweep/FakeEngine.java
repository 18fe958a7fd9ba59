package io.github.rivervalley.simulator.sweep;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in engine for testing the sweep machinery: a run spec bound with the real {@link SpecReader}
 * (so unknown keys, bad values and type names are reported as for real specs) and a run that writes
 * {@code spec.yaml}, {@code trace.csv} and then {@code summary.json} atomically, with values that are a
 * closed-form function of the spec ({@link #loss}) plus seeded noise in the trace.
 */
final class FakeEngine implements RunExecutor {

    /** A miniature run spec. */
    record Spec(String name, Long seed, Integer steps, Schedule schedule, Boolean fail, Integer sleepMillis) {
        Spec {
            seed = seed == null ? 0L : seed;
            steps = steps == null ? 100 : steps;
            Check.positive("steps", steps);
            Check.present("schedule", schedule);
            fail = fail != null && fail;
            sleepMillis = sleepMillis == null ? 0 : sleepMillis;
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Wsd.class, name = "wsd"), @JsonSubTypes.Type(value = Cosine.class, name = "cosine")})
    sealed interface Schedule permits Wsd, Cosine {
        double peak();

        List<Long> budgets();
    }

    record Wsd(double peak, Double decayFraction, List<Long> budgets) implements Schedule {
        Wsd {
            Check.positive("peak", peak);
            decayFraction = decayFraction == null ? 0.1 : decayFraction;
            Check.inClosedRange("decayFraction", decayFraction, 0.0, 1.0);
            budgets = budgets == null ? List.of() : List.copyOf(budgets);
        }
    }

    record Cosine(double peak, List<Long> budgets) implements Schedule {
        Cosine {
            Check.positive("peak", peak);
            budgets = budgets == null ? List.of() : List.copyOf(budgets);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicInteger executions = new AtomicInteger();
    /** Specs bound (validated) successfully: each run of a sweep once, plus its base. */
    final AtomicInteger binds = new AtomicInteger();
    final List<String> executed = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public Prepared prepare(JsonNode runSpec) {
        Spec spec = SpecReader.instance().bind(runSpec, Spec.class);
        binds.incrementAndGet();
        return new Prepared(SpecReader.instance().toTree(spec), outDir -> run(spec, outDir));
    }

    /** The loss the fake reports at a checkpoint: an arbitrary smooth function of the spec. */
    static double loss(Spec spec, long budget) {
        double decay = spec.schedule() instanceof Wsd w ? w.decayFraction() : 0.5;
        return spec.schedule().peak() / Math.sqrt(budget) + decay + 1e-3 * spec.seed();
    }

    /** Budgets the fake reports: the schedule's, or the run length. */
    static List<Long> budgets(Spec spec) {
        return spec.schedule().budgets().isEmpty() ? List.of((long) spec.steps()) : spec.schedule().budgets();
    }

    private void run(Spec spec, Path outDir) throws Exception {
        executions.incrementAndGet();
        executed.add(spec.name());
        Path dir = outDir.resolve(spec.name());
        AtomicFile.writeString(dir.resolve("spec.yaml"), SpecReader.instance().toYaml(spec));
        StringBuilder trace = new StringBuilder("line,step,loss\n");
        SplittableRandom random = new SplittableRandom(spec.seed());
        for (int step = 0; step <= spec.steps(); step += 10) {
            trace.append("main,").append(step).append(',').append(random.nextDouble()).append('\n');
        }
        AtomicFile.writeString(dir.resolve("trace.csv"), trace.toString());
        if (spec.sleepMillis() > 0) {
            Thread.sleep(spec.sleepMillis());
        }
        if (spec.fail()) {
            throw new IllegalStateException("asked to fail");
        }
        boolean diverged = spec.schedule().peak() > 1;
        List<RunSummary.CheckpointResult> checkpoints = new ArrayList<>();
        long compute = 0;
        for (long budget : budgets(spec)) {
            compute += budget;
            Double loss = diverged ? null : loss(spec, budget);
            checkpoints.add(new RunSummary.CheckpointResult(budget, "main", budget, compute, loss, loss, 0.0, 1.0, null, diverged ? 1 : 0));
        }
        RunSummary summary = new RunSummary(spec.name(), spec.steps(), 1, spec.seed(), "fake", "wsd", compute,
                List.of(new RunSummary.LineResult("main", null, 0, spec.steps(), null, null, null, null, null, diverged ? 1 : 0, diverged ? 7L : null)),
                checkpoints);
        AtomicFile.writeString(dir.resolve("summary.json"), json(summary));
    }

    private static String json(Object value) throws JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    }
}
