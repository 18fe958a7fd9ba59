package io.github.rivervalley.reports.cli;

import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.schedule.ScheduleCsv;
import io.github.rivervalley.simulator.spec.ScheduleFileSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rivervalley schedule SPEC.yaml [--out FILE]}: the learning rate of every step of every line, as CSV. */
@Command(name = "schedule",
        mixinStandardHelpOptions = true,
        header = "Print a schedule spec as CSV: line, step, lr, phase.",
        description = {
            "Prints a schedule as CSV with header line,step,lr,phase: one row per step",
            "of each line (the main line, then each branch from its fork step).",
            "SPEC.yaml holds 'steps' and a 'schedule' block of type constant, cosine,",
            "wsd, wsd-s, cyclic-cosine or piecewise (fields: docs/spec.md)."
        })
final class ScheduleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC.yaml", description = "the schedule spec (YAML)")
    Path spec;

    @Option(names = "--out", paramLabel = "FILE", description = "write the CSV to FILE (atomically) instead of standard output")
    Path out;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        Schedule schedule = SpecReader.instance().read(spec, ScheduleFileSpec.class).build();
        if (out == null) {
            Writer writer = new BufferedWriter(command.commandLine().getOut(), 1 << 16);
            ScheduleCsv.write(schedule, writer);
        } else {
            try (AtomicFile file = AtomicFile.begin(out); Writer writer = file.writer()) {
                ScheduleCsv.write(schedule, writer);
                writer.flush();
                file.commit();
            }
        }
        return 0;
    }
}
