package io.github.rivervalley.simulator.schedulesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.spec.ScheduleFileSpec;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code optimize} on a fitted law: schedule files that hold what was optimised, the peak bound, clear errors. */
class FittedOptimizationTest {

    /** The shipped example's folder (tests run from the module or the project root). */
    private static Path examples() {
        Path p = Path.of("examples/optimize");
        return Files.isDirectory(p) ? p : Path.of("../examples/optimize");
    }

    private static final String SPEC = """
            name: fitted
            steps: 3000
            objective: {fit: fitted-100M/fit.json, law: river-valley}
            constraints: {warmup: 300}
            segments: 30
            iterations: 200
            """;

    private static OptimizeSpec spec(String yaml) {
        return SpecReader.instance().read(yaml, "optimize spec", OptimizeSpec.class);
    }

    @Test
    void writesScheduleFilesWhosePredictedLossIsTheOneReported(@TempDir Path dir) {
        ScheduleOptimization.Outcome outcome = ScheduleOptimization.run(spec(SPEC), examples(), dir, 1);
        FittedObjective fitted = FittedObjective.read(examples().resolve("fitted-100M/fit.json"), "river-valley");
        assertEquals(fitted.fittedPeak(), outcome.peak(), 0.0, "the peak defaults to the fitted curves' peak");
        Bounds bounds = spec(SPEC).bounds(fitted.fittedPeak());
        for (ScheduleOptimization.Entry e : outcome.schedules()) {
            ScheduleFileSpec file = SpecReader.instance().read(dir.resolve("fitted").resolve(e.file()), ScheduleFileSpec.class);
            double[] rates = KnotSchedule.rates(file.build());
            assertTrue(bounds.admits(rates, 1e-12), e.schedule() + " keeps the constraints");
            // the file holds exactly the rates that were scored: same function, same inputs, same bits
            assertEquals(e.expectedLoss(), fitted.objective().loss(rates), 0.0, e.schedule());
            assertTrue(e.gapToOptimal() >= 0, e.schedule() + " is no better than the optimum");
        }
    }

    @Test
    void theShippedExampleReadsAndKeepsToTheFittedPeak() {
        OptimizeSpec example = SpecReader.instance().read(examples().resolve("fitted-100M.yaml"), OptimizeSpec.class);
        FittedObjective fitted = FittedObjective.read(examples().resolve(example.objective().fit()), example.objective().law());
        assertEquals(3e-4, example.bounds(fitted.fittedPeak()).peak(), 0.0);
    }

    @Test
    void aPeakAboveTheFittedCurvesIsExtrapolationAndRefusedUnlessAskedFor(@TempDir Path dir) {
        String above = SPEC.replace("{warmup: 300}", "{warmup: 300, peak: 1.0e-3}");
        SpecException e = assertThrows(SpecException.class, () -> ScheduleOptimization.run(spec(above), examples(), dir, 1));
        assertTrue(e.getMessage().contains("constraints.peak") && e.getMessage().contains("extrapolate"), e.getMessage());
        String allowed = above.replace("law: river-valley}", "law: river-valley, extrapolate: true}");
        assertEquals(1.0e-3, ScheduleOptimization.run(spec(allowed), examples(), dir, 1).peak(), 0.0);
    }

    @Test
    void aValleyBesideAnObjectiveAMissingFileAndAnUnknownLawAreClearErrors(@TempDir Path dir) {
        SpecException both = assertThrows(SpecException.class,
                () -> spec(SPEC + "landscape: {type: straight-valley, hillCurvature: 2}\n"));
        assertTrue(both.getMessage().startsWith("landscape: ") && both.getMessage().contains("objective"), both.getMessage());
        SpecException missing = assertThrows(SpecException.class,
                () -> ScheduleOptimization.run(spec(SPEC.replace("fitted-100M/fit.json", "nowhere/fit.json")), examples(), dir, 1));
        assertTrue(missing.getMessage().contains("objective.fit"), missing.getMessage());
        SpecException law = assertThrows(SpecException.class,
                () -> ScheduleOptimization.run(spec(SPEC.replace("law: river-valley", "law: mtl")), examples(), dir, 1));
        assertTrue(law.getMessage().contains("objective.law") && law.getMessage().contains("mpl"), law.getMessage());
    }
}
