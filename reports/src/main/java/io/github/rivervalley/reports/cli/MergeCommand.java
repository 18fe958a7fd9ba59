package io.github.rivervalley.reports.cli;

import io.github.rivervalley.simulator.results.RunDirectory;
import io.github.rivervalley.simulator.sweep.SweepLock;
import io.github.rivervalley.simulator.sweep.SweepMerger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rivervalley merge DIR}: builds a sweep's sweep.csv and sweep.json from its complete runs. */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        header = "Build sweep.csv and sweep.json from the finished runs of a sweep.",
        description = {
            "Builds DIR/sweep.csv (one row per run and checkpoint) and DIR/sweep.json",
            "(every run with its status: done, failed or missing) from whatever runs of",
            "the sweep in DIR are complete. Run it when the shards of a sharded sweep",
            "have finished; an unsharded sweep merges itself."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:every run is done or failed with a recorded reason",
            " 2:DIR is not a sweep directory",
            " 3:some runs are missing (not run yet, or interrupted); the files list them as missing",
            " 4:DIR is in use (a sweep, shard or merge is running there)"
        })
public final class MergeCommand implements Callable<Integer> {

    /** Exit code when some runs of the sweep are missing. */
    public static final int INCOMPLETE = 3;

    @Parameters(index = "0", paramLabel = "DIR", description = "the sweep directory (the --out of rivervalley sweep)")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SweepMerger.Report report;
        if (!java.nio.file.Files.isDirectory(dir)) {
            report = SweepMerger.merge(dir); // names what is wrong with DIR
        } else {
            try (SweepLock lock = SweepLock.exclusive(dir)) {
                if (!lock.held()) {
                    spec.commandLine().getErr().println("warning: " + lock.note());
                }
                report = SweepMerger.merge(dir);
            }
        }
        return report(spec.commandLine().getErr(), report, dir);
    }

    /** Prints the merge outcome to {@code err} and returns the exit code. */
    static int report(java.io.PrintWriter err, SweepMerger.Report report, Path dir) {
        err.println("merge: " + report.describe() + "; wrote " + dir.resolve(RunDirectory.SWEEP_CSV) + " and " + dir.resolve(RunDirectory.SWEEP_JSON));
        err.flush();
        return report.complete() ? 0 : INCOMPLETE;
    }
}
