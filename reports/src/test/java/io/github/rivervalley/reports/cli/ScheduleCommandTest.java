package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.ScheduleFileSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code rivervalley schedule} on every shipped schedule example, and on a bad spec. */
class ScheduleCommandTest {

    static Path examples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples/schedules");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/schedules not found above " + Path.of("").toAbsolutePath());
    }

    static Stream<Path> scheduleExamples() throws IOException {
        try (Stream<Path> files = Files.list(examples())) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(yaml.size() >= 6, "the shipped schedule examples: " + yaml);
            return yaml.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scheduleExamples")
    void everyExampleGivesOneRowPerStepOfEveryLine(Path spec, @TempDir Path dir) throws IOException {
        Path csv = dir.resolve("out/schedule.csv");
        CliRun result = CliRun.execute("schedule", spec.toString(), "--out", csv.toString());
        assertEquals(0, result.exit(), result.err());
        assertEquals("", result.out(), "with --out nothing goes to standard output");
        Schedule schedule = SpecReader.instance().read(spec, ScheduleFileSpec.class).build();
        List<String> rows = Files.readAllLines(csv);
        assertEquals("line,step,lr,phase", rows.get(0));
        assertEquals(schedule.totalCompute(), rows.size() - 1, "one row per step of each line's own steps");
        int r = 1;
        for (Line line : schedule.lines()) {
            for (long step = line.forkStep(); step < line.endStep(); step++, r++) {
                String[] cells = rows.get(r).split(",");
                assertEquals(4, cells.length, rows.get(r));
                assertEquals(line.name(), cells[0]);
                assertEquals(step, Long.parseLong(cells[1]));
                // Double.toString reads back to the same bits.
                assertEquals(Double.doubleToRawLongBits(line.lr().at(step)), Double.doubleToRawLongBits(Double.parseDouble(cells[2])),
                        rows.get(r));
                assertEquals(line.phaseAt(step).orElseThrow().kind().label(), cells[3]);
            }
        }
    }

    @Test
    void standardOutputCarriesTheSameTable(@TempDir Path dir) throws IOException {
        Path spec = examples().resolve("wsd.yaml");
        Path csv = dir.resolve("wsd.csv");
        assertEquals(0, CliRun.execute("schedule", spec.toString(), "--out", csv.toString()).exit());
        CliRun stdout = CliRun.execute("schedule", spec.toString());
        assertEquals(0, stdout.exit(), stdout.err());
        assertEquals(Files.readString(csv), stdout.out());
        assertTrue(stdout.out().contains("\nbranch-10000,9000,"), "branch rows start at the fork");
        assertFalse(stdout.out().contains("\nbranch-10000,8999,"), "no branch rows before the fork");
    }

    @Test
    void aBadSpecExitsTwoWithOneMessageAndWritesNothing(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("bad.yaml"), "steps: 100\nschedule:\n  type: wsd\n  peak: 0.01\n  floor: 1.5\n");
        Path csv = dir.resolve("never.csv");
        CliRun result = CliRun.execute("schedule", spec.toString(), "--out", csv.toString());
        assertEquals(Main.BAD_INPUT, result.exit());
        assertEquals("error: schedule.floor: 1.5 is not allowed; expected a number in [0.0, 1.0]", result.err().strip());
        assertFalse(Files.exists(csv), "nothing is written for a bad spec");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(spec), left.toList(), "no temporary file is left behind");
        }
        assertEquals(Main.BAD_INPUT, CliRun.execute("schedule", dir.resolve("missing.yaml").toString()).exit());
    }

    @Test
    void aRunSpecGivesTheSameTableAndTheChartIsDrawn(@TempDir Path dir) throws IOException {
        // The demo's WSD run spec: its landscape, optimizer, noise and record fields are ignored.
        Path run = dir.resolve("wsd-run.yaml");
        try (var in = Main.class.getResourceAsStream("/io/github/rivervalley/reports/demo/wsd.yaml")) {
            Files.write(run, in.readAllBytes());
        }
        Path scheduleOnly = Files.writeString(dir.resolve("wsd-schedule.yaml"), "steps: 4000\nschedule: "
                + SpecReader.instance().readTree(run).get("schedule").toString() + "\n");
        CliRun fromRun = CliRun.execute("schedule", run.toString(), "--chart", dir.resolve("charts/wsd").toString());
        assertEquals(0, fromRun.exit(), fromRun.err());
        CliRun fromSchedule = CliRun.execute("schedule", scheduleOnly.toString());
        assertEquals(fromSchedule.out(), fromRun.out());
        for (String file : List.of("wsd.png", "wsd@2x.png", "wsd.svg", "wsd.pdf")) {
            assertTrue(Files.size(dir.resolve("charts").resolve(file)) > 1000, file);
        }
        // --formats: only the files asked for; without --chart it is refused, naming the option, and nothing is written.
        CliRun svgOnly = CliRun.execute("schedule", scheduleOnly.toString(), "--chart", dir.resolve("svg/wsd").toString(),
                "--formats", "svg", "--no-csv");
        assertEquals(0, svgOnly.exit(), svgOnly.err());
        try (var files = Files.list(dir.resolve("svg"))) {
            assertEquals(List.of("wsd.svg"), files.map(f -> f.getFileName().toString()).toList());
        }
        CliRun formatsAlone = CliRun.execute("schedule", scheduleOnly.toString(), "--formats", "svg");
        formatsAlone.assertRefused("--formats: svg is not allowed", "only together with --chart");
        assertTrue(formatsAlone.out().isEmpty(), formatsAlone.out());
        // A top-level key that is neither a schedule-file nor a run-spec field is still an error.
        Path typo = Files.writeString(dir.resolve("typo.yaml"), Files.readString(run).replace("replicas:", "replicaz:"));
        CliRun bad = CliRun.execute("schedule", typo.toString());
        bad.assertRefused("replicaz: is not a field", "did you mean 'replicas'");
    }
}
