package io.github.rivervalley.reports.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.chart.SchedulePlanChart;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.ScheduleCsv;
import io.github.rivervalley.simulator.spec.ScheduleFileSpec;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecException;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.spec.Suggestions;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rivervalley schedule SPEC.yaml [--out FILE] [--chart PATH]}: the learning rate of every step of every line, as CSV, and its chart. */
@Command(name = "schedule",
        mixinStandardHelpOptions = true,
        header = "Print a schedule spec as CSV: line, step, lr, phase; optionally draw it.",
        description = {
            "Prints a schedule as CSV with header line,step,lr,phase: one row per step",
            "of each line (the main line, then each branch from its fork step).",
            "SPEC.yaml holds 'steps' and a 'schedule' block of type constant, cosine,",
            "wsd, wsd-s, cyclic-cosine or piecewise (fields: docs/spec.md); a run spec",
            "works too (its other fields are ignored). --chart draws the schedule",
            "(every chart format, or the --formats asked for)."
        })
final class ScheduleCommand implements Callable<Integer> {

    static final int WIDTH = 1100;
    static final int HEIGHT = 560;

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "the schedule spec (YAML)")
    Path spec;

    @Mixin
    CsvOutput out;

    @Option(names = "--chart", paramLabel = "PATH",
            description = "also draw the schedule chart as PATH.png, PATH@2x.png, PATH.svg and PATH.pdf (or the --formats asked for)")
    Path chart;

    @Mixin
    FormatsOption formats;

    @Option(names = "--no-csv", description = "do not print the CSV (with --chart)")
    boolean noCsv;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        ChartFormats chartFormats = formats.parse();
        if (chart == null && command.commandLine().getParseResult().hasMatchedOption("--formats")) {
            throw new InvalidValueException("--formats", formats.formats, "only together with --chart (there is no chart to write)");
        }
        JsonNode tree = SpecReader.instance().readTree(spec);
        Schedule schedule = SpecReader.instance().bind(scheduleFields(tree), ScheduleFileSpec.class).build();
        if (chart != null) {
            Path parent = chart.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            String name = tree.path("name").asText(spec.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
            JFreeChart drawn = SchedulePlanChart.of(schedule, name);
            ChartFiles.write(drawn, parent, chart.getFileName().toString().replaceFirst("\\.(png|svg|pdf)$", ""), WIDTH, HEIGHT,
                    chartFormats);
        }
        if (noCsv) {
            if (chart == null) {
                throw new InvalidValueException("--no-csv", true, "only together with --chart (otherwise there is nothing to do)");
            }
            return 0;
        }
        out.write(command.commandLine().getOut(), w -> ScheduleCsv.write(schedule, w));
        return 0;
    }

    /**
     * The fields a schedule file has ({@code steps}, {@code schedule}). A run spec is accepted too: its
     * other top-level keys are ignored, but each must be a run-spec field, so a misspelling still fails.
     */
    static ObjectNode scheduleFields(JsonNode tree) {
        Set<String> schedule = Set.of("steps", "schedule");
        Set<String> run = new LinkedHashSet<>();
        for (RecordComponent c : RunSpec.class.getRecordComponents()) {
            run.add(c.getName());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (schedule.contains(key)) {
                out.set(key, tree.get(key));
            } else if (!run.contains(key)) {
                String hint = Suggestions.closest(key, run).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw new SpecException(key, "is not a field of a schedule file (steps, schedule) or of a run spec" + hint);
            }
        }
        return out;
    }
}
