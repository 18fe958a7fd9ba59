package io.github.rivervalley.reports.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.results.RunSummary;
import io.github.rivervalley.simulator.spec.SpecReader;
import io.github.rivervalley.simulator.sweep.EngineExecutor;
import io.github.rivervalley.simulator.sweep.Overrides;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rivervalley run SPEC.yaml [PATH=VALUE ...] --out DIR [--threads N]}: one simulation, written to {@code DIR/<name>/}. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        header = "Run one simulation spec: trace.csv, summary.json, spec.yaml.",
        description = {
            "Runs a simulation spec and writes DIR/<name>/trace.csv (one row per recorded",
            "step and line), summary.json (final values per line, checkpoints, divergence)",
            "and spec.yaml (the resolved spec). The results do not depend on --threads. The",
            "directory is written whole: a rerun of the same name replaces the earlier run",
            "entirely, or (killed, disk full) leaves it. PATH=VALUE arguments override",
            "fields of the spec by dotted path, as a sweep's axes do, e.g.",
            "schedule.peak=0.01 optimizer.type=adam; the run is then named",
            "<name>_<overrides>."
        })
final class RunCommand extends SpecCommand {

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "PATH=VALUE",
            description = "override a spec field by dotted path (value in YAML), e.g. schedule.peak=0.01")
    List<String> overrides = List.of();

    @Mixin
    ThreadsOption threads;

    @Override
    void run(PrintWriter stdout) {
        int n = threads.count();
        JsonNode tree = SpecReader.instance().readTree(spec);
        EngineExecutor executor = new EngineExecutor(); // validates the overrides; its landscape is kept for the run
        if (!overrides.isEmpty()) {
            tree = Overrides.apply((ObjectNode) tree, overrides, executor);
        }
        RunSummary summary = Simulation.run(executor.bind(tree), out, n);
        stdout.println("wrote " + out.resolve(summary.name()) + " (" + RunDirectory.TRACE + ", " + RunDirectory.SUMMARY
                + ", " + RunDirectory.SPEC + ")");
        for (RunSummary.LineResult line : summary.lines()) {
            stdout.println("  " + line.name() + ": step " + line.endStep() + ", loss " + line.loss() + ", river_loss "
                    + line.riverLoss() + ", hill_excess " + line.hillExcess()
                    + (line.diverged() > 0 ? ", diverged " + line.diverged() + " (first at step " + line.firstDivergenceStep() + ")" : ""));
        }
    }
}
