package io.github.rivervalley.simulator.schedulesearch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.io.Csv;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.spec.ConstantScheduleSpec;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.ScheduleFileSpec;
import io.github.rivervalley.simulator.spec.ScheduleSpec;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.theory.Exactness;
import io.github.rivervalley.simulator.theory.ModeSystem;
import io.github.rivervalley.simulator.theory.MomentAdjoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code rivervalley optimize}: validates an {@link OptimizeSpec}, finds the free-form optimum and the best
 * WSD, cosine and constant schedules for its budget and constraints on its objective (the exact expected
 * final loss of a valley run, or a fitted law's predicted final loss), and writes into {@code DIR/<name>/}:
 * <ul>
 *   <li>{@code optimal.yaml}: a run spec with the optimum as a {@code piecewise} schedule ({@code rivervalley run}
 *       runs it), and {@code wsd.yaml}, {@code cosine.yaml}, {@code constant.yaml} for the best of each family;
 *       for a fitted law they are schedule files instead ({@code rivervalley predict FIT.json optimal.yaml});</li>
 *   <li>{@code comparison.csv}: each schedule's expected final loss, its gap to the optimum, and with
 *       {@code verify} the Monte Carlo mean and standard error of the same runs (under {@code runs/});</li>
 *   <li>{@code schedules.csv}: the rate of every step of the four schedules;</li>
 *   <li>{@code optimize.json}: the same numbers and the search's iterations.</li>
 * </ul>
 * Everything is a pure function of the spec.
 */
public final class ScheduleOptimization {

    /** One compared schedule. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String schedule, String file, double expectedLoss, double gapToOptimal, Double simulatedLoss, Double simulatedSe) {
    }

    /** The content of {@code optimize.json}; {@code fit} and {@code law} name a fitted objective (null for a valley run). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String name, long steps, String fit, String law, double peak, OptimizeSpec.Constraints constraints, int segments, int iterations,
            List<Entry> schedules) {
    }

    private ScheduleOptimization() {
    }

    /** Runs the search (and the verification, on {@code threads} threads) and writes the files; paths relative to the working folder. */
    public static Outcome run(OptimizeSpec spec, Path outDir, int threads) {
        return run(spec, Path.of(""), outDir, threads);
    }

    /**
     * Runs the search (and the verification, on {@code threads} threads) and writes the files; a fitted
     * objective's {@code fit.json} is found relative to {@code specDir}.
     */
    public static Outcome run(OptimizeSpec spec, Path specDir, Path outDir, int threads) {
        FittedObjective fitted = spec.objective() == null ? null : fitted(spec.objective(), specDir);
        Bounds bounds = within(() -> fitted == null ? spec.bounds() : spec.bounds(fitted.fittedPeak()));
        ScheduleObjective objective = fitted == null ? valley(spec, bounds) : fitted.objective();
        List<FamilySearch.Candidate> families = new FamilySearch(objective, bounds).all();
        FreeFormSearch.Result optimal = new FreeFormSearch(objective, new KnotSchedule(bounds, spec.segments()))
                .searchFrom(spec.iterations(), families);

        Path dir = outDir.resolve(spec.name());
        List<String> names = new ArrayList<>(List.of("optimal"));
        List<ScheduleSpec> specs = new ArrayList<>(List.of(optimal.spec()));
        List<double[]> rates = new ArrayList<>(List.of(optimal.rates()));
        List<Double> losses = new ArrayList<>(List.of(optimal.loss()));
        for (FamilySearch.Candidate c : families) {
            names.add(c.family().label());
            specs.add(c.spec());
            rates.add(c.rates());
            losses.add(c.loss());
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String file = names.get(i) + ".yaml";
            RunSpec run = fitted == null ? spec.runSpec(spec.name() + "-" + names.get(i), specs.get(i)) : null;
            AtomicFile.writeString(dir.resolve(file), SpecReader.instance().toYaml(run != null ? run.resolved()
                    : new ScheduleFileSpec(spec.steps(), specs.get(i))));
            Double mean = null;
            Double se = null;
            if (spec.verify() != null) {
                RunSummary summary = Simulation.run(run, dir.resolve("runs"), threads);
                RunSummary.CheckpointResult last = summary.checkpoints().get(summary.checkpoints().size() - 1);
                mean = last.loss();
                se = last.lossSe();
            }
            entries.add(new Entry(names.get(i), file, losses.get(i), losses.get(i) - optimal.loss(), mean, se));
        }
        AtomicFile.writeString(dir.resolve("schedules.csv"), schedulesCsv(names, rates));
        AtomicFile.writeString(dir.resolve("comparison.csv"), comparisonCsv(entries));
        Outcome outcome = new Outcome(spec.name(), spec.steps(), fitted == null ? null : specDir.resolve(spec.objective().fit()).toString(),
                fitted == null ? null : spec.objective().law(), bounds.peak(), spec.constraints(), spec.segments(), optimal.iterations(), entries);
        try {
            AtomicFile.writeString(dir.resolve("optimize.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(outcome) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outcome;
    }

    /** The exact expected loss of the spec's valley run (which must have one). */
    private static ScheduleObjective valley(OptimizeSpec spec, Bounds bounds) {
        Run valley = Simulation.prepare(spec.runSpec(spec.name() + "-optimal",
                new ConstantScheduleSpec(bounds.peak(), bounds.warmup(), null, null)));
        Exactness exactness = Exactness.of(valley.landscape(), valley.optimizer(), valley.noise());
        if (!exactness.exact()) {
            throw new SpecException("optimizer", "this valley run has no exact expected loss to optimise: " + exactness.reason());
        }
        return ScheduleObjective.of(new MomentAdjoint(ModeSystem.of(valley.landscape(), valley.noise(), valley.start()), valley.optimizer()));
    }

    private static FittedObjective fitted(OptimizeSpec.Objective objective, Path specDir) {
        Path file = specDir.resolve(objective.fit());
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new SpecException("objective.fit", "no file " + file + " (write it with rivervalley fit ... --out DIR: DIR/fit.json)");
        }
        return within(() -> FittedObjective.read(file, objective.law()));
    }

    private static String schedulesCsv(List<String> names, List<double[]> rates) {
        StringBuilder out = new StringBuilder("step");
        for (String name : names) {
            out.append(',').append(Csv.field(name));
        }
        out.append('\n');
        for (int t = 0; t < rates.get(0).length; t++) {
            out.append(t);
            for (double[] r : rates) {
                out.append(',').append(r[t]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String comparisonCsv(List<Entry> entries) {
        StringBuilder out = new StringBuilder("schedule,file,expected_loss,gap_to_optimal,simulated_loss,simulated_se\n");
        for (Entry e : entries) {
            out.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s%n", Csv.field(e.schedule()), Csv.field(e.file()), e.expectedLoss(), e.gapToOptimal(),
                    e.simulatedLoss() == null ? "" : e.simulatedLoss(), e.simulatedSe() == null ? "" : e.simulatedSe()));
        }
        return out.toString();
    }

    private static <T> T within(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidValueException e) {
            throw new SpecException(e.field(), e.value() + " is not allowed; expected " + e.allowed(), e);
        }
    }
}
