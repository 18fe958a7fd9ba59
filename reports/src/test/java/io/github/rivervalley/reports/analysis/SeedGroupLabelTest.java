package io.github.rivervalley.reports.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.results.read.RecordedRun;
import io.github.rivervalley.simulator.results.read.Runs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A schedule is labelled by what sets it apart from the others in the report, not by its family alone. */
class SeedGroupLabelTest {

    private static RecordedRun run(String name, long seed, String optimizer, String schedule) {
        return run(name, seed, optimizer, schedule, 1);
    }

    private static RecordedRun run(String name, long seed, String optimizer, String schedule, int every) {
        String yaml = "name: " + name + "\nseed: " + seed + "\nsteps: 4000\n"
                + "landscape: {type: straight-valley, dimension: 2, hillCurvature: 10}\noptimizer: {type: " + optimizer + "}\n"
                + "schedule: " + schedule + "\nrecord: {every: " + every + "}\n";
        String family = schedule.replaceAll(".*type: ([a-z-]+).*", "$1");
        RunSummary summary = new RunSummary(name, 4000, 16, seed, "straight-valley", family, 4000, List.of(), List.of());
        return Runs.of(Path.of(name), summary, yaml, List.of());
    }

    private static List<String> labels(RecordedRun... runs) {
        return SeedGroup.of(List.of(runs)).stream().map(SeedGroup::label).toList();
    }

    @Test
    void schedulesThatDifferOnlyInTheirScheduleAreNamedByFamily() {
        assertEquals(List.of("wsd", "cosine"), labels(run("a", 1, "sgd", "{type: wsd, peak: 0.1}"),
                run("b", 1, "sgd", "{type: cosine, peak: 0.1, floor: 0.1}")));
    }

    @Test
    void aSingleRunFamilyBesideRunsOfAnotherOptimizerSaysItsOptimizer() {
        // SGD and Adam under WSD, SGD under cosine: "cosine" alone would hide that it is the SGD run.
        assertEquals(List.of("wsd, optimizer sgd", "wsd, optimizer adam", "cosine, optimizer sgd"),
                labels(run("sgd-wsd", 1, "sgd", "{type: wsd, peak: 0.1}"), run("adam-wsd", 1, "adam", "{type: wsd, peak: 0.1}"),
                        run("sgd-cos", 1, "sgd", "{type: cosine, peak: 0.1}")));
    }

    @Test
    void aPeakSweepNamesThePeakAndSeedsAreOneGroup() {
        List<SeedGroup> groups = SeedGroup.of(List.of(run("p1_seed-1", 1, "sgd", "{type: wsd, peak: 0.1}"),
                run("p1_seed-2", 2, "sgd", "{type: wsd, peak: 0.1}"), run("p2_seed-1", 1, "sgd", "{type: wsd, peak: 0.2}")));
        assertEquals(List.of("wsd, peak 0.1", "wsd, peak 0.2"), groups.stream().map(SeedGroup::label).toList());
        assertEquals(2, groups.get(0).runs().size());
    }

    @Test
    void fieldsOnlyOneFamilyHasDoNotNameItsRuns() {
        // A sweep over type and peak: WSD's decay fields, which cosine lacks, are the same in every WSD run.
        assertEquals(List.of("cosine, peak 0.02", "cosine, peak 0.1", "wsd, peak 0.02", "wsd, peak 0.1"),
                labels(run("c1", 1, "sgd", "{type: cosine, peak: 0.02}"), run("c2", 1, "sgd", "{type: cosine, peak: 0.1}"),
                        run("w1", 1, "sgd", "{type: wsd, peak: 0.02, decayFraction: 0.1}"),
                        run("w2", 1, "sgd", "{type: wsd, peak: 0.1, decayFraction: 0.1}")));
    }

    @Test
    void stepsThatDifferOnlyBetweenFamiliesDoNotNameARun() {
        RecordedRun wsd = run("w", 1, "sgd", "{type: wsd, peak: 0.1}");
        RecordedRun cosine = run("c", 1, "sgd", "{type: cosine, peak: 0.1}");
        String shorter = cosine.specText().replace("steps: 4000", "steps: 3600");
        RecordedRun cosine3600 = Runs.of(Path.of("c"), cosine.summary(), shorter, List.of());
        assertEquals(List.of("wsd", "cosine"), labels(wsd, cosine3600));
    }

    @Test
    void whatARunRecordsNeverNamesItAndLabelsThatWouldRepeatFallBackToRunNames() {
        // Same schedule, same seed, only record.every differs: two groups that no result-changing field tells apart.
        assertEquals(List.of("x", "y"), labels(run("x_seed-1", 1, "sgd", "{type: wsd, peak: 0.1}", 1),
                run("y_seed-1", 1, "sgd", "{type: wsd, peak: 0.1}", 2)));
    }

    @Test
    void aFieldIsNamedByItsLastSegmentUnlessTwoDifferingFieldsShareIt() {
        assertEquals("hillCurvature", SeedGroup.shortName("landscape.hillCurvature", List.of("landscape.hillCurvature", "schedule.peak")));
        assertEquals("peak", SeedGroup.shortName("schedule.peak", List.of("landscape.hillCurvature", "schedule.peak")));
        assertEquals("optimizer", SeedGroup.shortName("optimizer.type", List.of("optimizer.type")));
        assertEquals("river", SeedGroup.shortName("landscape.river.type", List.of("landscape.river.type")));
        // two sigmas differ: the paths tell them apart
        List<String> both = List.of("noise.sigma", "landscape.noise.sigma");
        assertEquals("noise.sigma", SeedGroup.shortName("noise.sigma", both));
        assertEquals("landscape.noise.sigma", SeedGroup.shortName("landscape.noise.sigma", both));
    }
}
