package io.github.rivervalley.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Phase;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.LandscapeSpec;
import io.github.rivervalley.simulator.spec.ScheduleSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.schedule.Checkpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rivervalley run}: files on success, exit 2 and nothing written on a bad spec. */
class RunCommandTest {

    /** Test-only spec types, so the command is tested independently of the landscape and schedule families. */
    record CliValley(double slope, double lambda) implements LandscapeSpec {
        @Override
        public Landscape build() {
            return new StraightValley(new RiverProfile.Linear(slope), new double[] {lambda});
        }
    }

    record CliConstant(double peak) implements ScheduleSpec {
        @Override
        public Schedule build(long steps) {
            Line main = new Line(Line.MAIN, Optional.empty(), 0, steps, t -> peak, List.of(new Phase(Phase.Kind.STABLE, 0, steps)));
            return new Schedule() {
                @Override
                public double peak() {
                    return peak;
                }

                @Override
                public List<Line> lines() {
                    return List.of(main);
                }

                @Override
                public List<Checkpoint> checkpoints() {
                    return List.of();
                }
            };
        }
    }

    static {
        SpecReader.instance().mapper().registerSubtypes(new NamedType(CliValley.class, "cli-valley"), new NamedType(CliConstant.class, "cli-constant"));
    }

    private static final String SPEC = """
            name: cli
            steps: 40
            replicas: 2
            landscape: {type: cli-valley, slope: 1.0, lambda: 3.0}
            optimizer: {type: sgd}
            noise: {type: isotropic, sigma: 0.01}
            schedule: {type: cli-constant, peak: 0.1}
            """;

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void runWritesTheThreeFiles(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "run", spec.toString(), "--out", dir.resolve("out").toString(), "--threads", "2");
        assertEquals(0, code, err.toString());
        for (String file : List.of("trace.csv", "summary.json", "spec.yaml")) {
            assertTrue(Files.isRegularFile(dir.resolve("out/cli/" + file)), file);
        }
        assertTrue(out.toString().contains("main: step 40"), out.toString());
    }

    @Test
    void badSpecExitsTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, SPEC.replace("replicas: 2", "replicas: 0"));
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "run", spec.toString(), "--out", dir.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, code);
        assertTrue(err.toString().startsWith("error: replicas: 0 is not allowed"), err.toString());
        assertFalse(Files.exists(dir.resolve("out/cli")));
        assertEquals(Main.BAD_INPUT, run(new StringWriter(), new StringWriter(), "run", dir.resolve("spec.yaml").toString(), "--threads", "0"));
    }
}
