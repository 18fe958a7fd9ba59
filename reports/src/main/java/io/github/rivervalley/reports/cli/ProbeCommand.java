package io.github.rivervalley.reports.cli;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.reports.chart.ChartFiles;
import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.notebook.NotebookCharts;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.iterate.IterateFiles;
import io.github.rivervalley.simulator.iterate.SegmentProbe;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.results.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rivervalley probe RUN_DIR --from LINE@STEP --to LINE@STEP}: the landscape along a segment between two iterates. */
@Command(name = "probe",
        mixinStandardHelpOptions = true,
        header = "Loss, river loss and hill excess along the segment between two stored iterates.",
        description = {
            "Reads two iterates a run stored (record.iterates in its spec) and evaluates",
            "the run's landscape at evenly spaced points of the straight segment between",
            "them: x(a) = (1 - a) FROM + a TO, a in [0, 1]. Writes probe-<FROM>-<TO>.csv",
            "(alpha, loss, river_loss, hill_excess, river_coord, hill_dist) and a chart",
            "(the --formats asked for) into --out. With both ends up the walls (a high",
            "rate) the hill excess dips in the middle; toward an end after a decay it",
            "falls."
        })
final class ProbeCommand extends ChartCommand {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory (spec.yaml and iterates/)")
    Path runDir;

    @Option(names = "--from", paramLabel = "LINE@STEP", required = true, description = "start of the segment, e.g. main@2000")
    String from;

    @Option(names = "--to", paramLabel = "LINE@STEP", required = true, description = "end of the segment, e.g. branch-4000@4000")
    String to;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "mean",
            description = "which stored point: mean (replica mean) or replica0 (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--points", paramLabel = "N", defaultValue = "101", description = "points on the segment, ends included (default: ${DEFAULT-VALUE})")
    int points;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: RUN_DIR/probe)")
    Path out;

    @Override
    void run(ChartFormats chartFormats, PrintWriter stdout) {
        IterateFiles.Kind which = kind(kind);
        double[] a = read("--from", from, which);
        double[] b = read("--to", to, which);
        RunSpec spec = SpecReader.instance().read(runDir.resolve(RunDirectory.SPEC), RunSpec.class);
        List<SegmentProbe.Point> probe = SegmentProbe.along(Simulation.prepare(spec).landscape(), a, b, points);
        Path dir = out != null ? out : runDir.resolve("probe");
        String name = "probe-" + from.replace('@', '_') + "-" + to.replace('@', '_');
        AtomicFile.writeString(dir.resolve(name + ".csv"), SegmentProbe.csv(probe));
        double[] alpha = probe.stream().mapToDouble(SegmentProbe.Point::alpha).toArray();
        ChartFiles.write(NotebookCharts.lines("Along the segment " + from + " -> " + to + " (" + which.text() + ")",
                "a (0 = " + from + ", 1 = " + to + ")", "loss",
                        new NotebookCharts.Series("loss", alpha, probe.stream().mapToDouble(SegmentProbe.Point::loss).toArray()),
                        new NotebookCharts.Series("river loss", alpha, probe.stream().mapToDouble(SegmentProbe.Point::riverLoss).toArray()),
                        new NotebookCharts.Series("hill excess", alpha, probe.stream().mapToDouble(SegmentProbe.Point::hillExcess).toArray())),
                dir, name, 900, 520, chartFormats);
        SegmentProbe.Point mid = probe.get(probe.size() / 2);
        stdout.printf("loss: %s at a = 0, %s at a = %s, %s at a = 1%n", probe.get(0).loss(), mid.loss(), mid.alpha(),
                probe.get(probe.size() - 1).loss());
        stdout.println("wrote " + dir.resolve(name + ".csv") + " and its chart (" + chartFormats + ")");
    }

    private static IterateFiles.Kind kind(String text) {
        for (IterateFiles.Kind k : IterateFiles.Kind.values()) {
            if (k.text().equals(text)) {
                return k;
            }
        }
        throw new InvalidValueException("--kind", text, "mean or replica0");
    }

    private double[] read(String option, String text, IterateFiles.Kind which) {
        int at = text.lastIndexOf('@');
        long step;
        try {
            step = at > 0 ? Long.parseLong(text.substring(at + 1)) : -1;
        } catch (NumberFormatException e) {
            step = -1;
        }
        if (step < 0) {
            throw new InvalidValueException(option, text, "LINE@STEP, e.g. main@2000");
        }
        String line = text.substring(0, at);
        if (!Files.isRegularFile(IterateFiles.file(runDir, line, step, which))) {
            throw new InvalidValueException(option, text, "a stored iterate of " + runDir + " (steps listed in its spec's"
                    + " record.iterates, on a line that reaches them)");
        }
        return IterateFiles.read(runDir, line, step, which);
    }
}
