package io.github.rivervalley.reports.cli;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.fit.CurveSource;
import io.github.rivervalley.simulator.fit.Fit;
import io.github.rivervalley.simulator.fit.FitFile;
import io.github.rivervalley.simulator.fit.Prediction;
import io.github.rivervalley.simulator.fit.RiverValleyLaw;
import io.github.rivervalley.simulator.fit.ValleyBridge;
import io.github.rivervalley.simulator.io.AtomicFile;
import io.github.rivervalley.simulator.spec.ScheduleFileSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rivervalley predict FIT.json SCHEDULE.yaml}: the loss each fitted law predicts for a schedule. */
@Command(name = "predict",
        mixinStandardHelpOptions = true,
        header = "Predict the loss curve of any schedule from a fit.json.",
        description = {
            "Prints CSV step,lr,loss_<law>... for every law in FIT.json (written by",
            "rivervalley fit), and for the river-valley law its parts river_loss and",
            "hill_excess. SCHEDULE.yaml is any schedule spec (wsd, wsd-s,",
            "cyclic-cosine, piecewise, ...); a row at step s is the loss after s",
            "updates. --run-spec also writes the fitted valley as a run spec."
        })
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FIT.json", description = "fits written by rivervalley fit")
    Path fit;

    @Parameters(index = "1", paramLabel = "SCHEDULE.yaml", description = "the schedule spec to predict")
    Path schedule;

    @Mixin
    CsvOutput out;

    @Option(names = "--line", paramLabel = "NAME", description = "line of the schedule (default: ${DEFAULT-VALUE})")
    String line = "main";

    @Option(names = "--every", paramLabel = "N", description = "a row every N steps (default: about 1000 rows)")
    Integer every;

    @Option(names = "--run-spec", paramLabel = "FILE.yaml", description = "also write a run spec of the river-valley fit's valley under this schedule "
        + "(rivervalley run FILE.yaml simulates it)")
    Path runSpec;

    @Option(names = "--replicas", paramLabel = "N", description = "replicas in the --run-spec (default: ${DEFAULT-VALUE})")
    int replicas = 64;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        List<Fit> fits = FitFile.read(fit);
        double[] rates = CurveSource.scheduleRates(schedule, line);
        if (every != null && every < 1) {
            throw new InvalidValueException("--every", every, "a step count >= 1");
        }
        int n = every != null ? every : Math.max(1, rates.length / 1000);
        long[] steps = Prediction.steps(rates.length, n);
        if (runSpec != null) {
            Fit rv = fits.stream().filter(f -> f.law().name().equals(RiverValleyLaw.NAME)).findFirst()
                    .orElseThrow(() -> new InvalidValueException("--run-spec", runSpec, "a FIT.json with a river-valley fit"));
            String name = runSpec.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            ScheduleFileSpec file = SpecReader.instance().read(schedule, ScheduleFileSpec.class);
            AtomicFile.writeString(runSpec, "# The valley of a fitted river-valley law (rivervalley predict --run-spec): see docs/fit.md.\n"
                    + SpecReader.instance().toYaml(ValleyBridge.runSpec(rv, file, name, replicas, 1)));
        }
        out.write(command.commandLine().getOut(), w -> Prediction.write(fits, rates, steps, w));
        return 0;
    }
}
