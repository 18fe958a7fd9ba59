package io.github.rivervalley.reports.cli;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.reports.chart.ChartFormats;
import io.github.rivervalley.reports.html.FitReport;
import io.github.rivervalley.simulator.fit.Curve;
import io.github.rivervalley.simulator.fit.CurveCsv;
import io.github.rivervalley.simulator.fit.CurveSource;
import io.github.rivervalley.simulator.fit.ErrorTable;
import io.github.rivervalley.simulator.fit.FitFile;
import io.github.rivervalley.simulator.fit.Fitter;
import io.github.rivervalley.simulator.fit.Laws;
import io.github.rivervalley.simulator.fit.Protocol;
import io.github.rivervalley.simulator.fit.ProtocolResult;
import io.github.rivervalley.simulator.fit.RiverValleyLaw;
import io.github.rivervalley.simulator.io.AtomicFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rivervalley fit}: fit loss-curve laws to real curves, or run a fit-and-predict protocol. */
@Command(name = "fit",
        mixinStandardHelpOptions = true,
        header = "Fit loss-curve laws (river-valley, mpl, mtl) to loss curves; score predictions.",
        description = {
            "Fits each law to all the curves at once; writes DIR/fit.json (parameters",
            "with standard errors, per-curve errors), DIR/errors.csv and the HTML",
            "report DIR/report/index.html.",
            "A curve is CSV with columns step,loss (names selectable). Its learning",
            "rate per step comes from SCHEDULE.yaml (a schedule spec, exact) when given",
            "as CURVE.csv=SCHEDULE.yaml, else it is rebuilt from the lr column (with a",
            "warning when the rows are too sparse). The simulator's trace.csv works as",
            "is (line main, or --line).",
            "With --protocol FILE.yaml: fit on the protocol's fit curves, predict the",
            "others, print the error table. Laws and formulas: docs/fit.md.",
            "Example: rivervalley fit --protocol examples/loss-curves/protocol-25M.yaml"
        })
final class FitCommand extends ChartCommand {

    @Parameters(paramLabel = "CURVE.csv[=SCHEDULE.yaml]", arity = "0..*", description = "loss curves to fit (with their schedule spec)")
    List<String> curves = new ArrayList<>();

    @Option(names = "--protocol", paramLabel = "FILE.yaml", description = "fit and predict as the protocol says (curves, fit, predict, laws)")
    Path protocol;

    @Option(names = "--law", paramLabel = "LAW", description = "river-valley, mpl, mtl or all (default: all; with --protocol: the protocol's laws)")
    String law;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: rivervalley-fit)")
    Path out = Path.of("rivervalley-fit");

    @Option(names = "--step-column", paramLabel = "NAME", description = "name of the step column (default: step)")
    String stepColumn;

    @Option(names = "--loss-column", paramLabel = "NAME", description = "name of the loss column (default: loss)")
    String lossColumn;

    @Option(names = "--lr-column", paramLabel = "NAME", description = "name of the learning-rate column (default: lr)")
    String lrColumn;

    @Option(names = "--line", paramLabel = "NAME", description = "line of a trace.csv or schedule to use (default: main)")
    String line;

    @Option(names = "--min-step", paramLabel = "N", description = "leave out rows before step N (an early transient the laws do not model)")
    Long minStep;

    @Option(names = "--hill-modes", paramLabel = "N", description = "hill modes of the river-valley law (default: ${DEFAULT-VALUE})")
    int hillModes = RiverValleyLaw.DEFAULT_MODES;

    @Option(names = "--spectrum", description = "river-valley hill modes as a geometric spectrum (E, Tfast, Tslow) instead of free modes")
    boolean spectrum;

    @Option(names = "--starts", paramLabel = "N", description = "seeded start points per law (default: ${DEFAULT-VALUE})")
    int starts = Fitter.Options.DEFAULT.starts();

    @Option(names = "--seed", paramLabel = "N", description = "seed of the start points (default: ${DEFAULT-VALUE})")
    long seed = Fitter.Options.DEFAULT.seed();

    @Option(names = "--no-report", description = "skip the HTML report")
    boolean noReport;

    @Override
    void run(ChartFormats chartFormats, PrintWriter stdout) {
        Fitter.Options d = Fitter.Options.DEFAULT;
        Fitter.Options options = new Fitter.Options(starts, Math.min(d.refine(), starts), seed, d.huberDelta(), d.maxIterations());
        PrintWriter err = command.commandLine().getErr();
        List<String> warnings = new ArrayList<>();
        ProtocolResult result;
        if (protocol != null) {
            if (!curves.isEmpty()) {
                throw new InvalidValueException("CURVE.csv", curves, "no curves with --protocol (the protocol lists them)");
            }
            result = Protocol.run(protocol, law == null ? null : List.of(law), hillModes, spectrum, options, warnings);
        } else {
            if (curves.isEmpty()) {
                throw new InvalidValueException("CURVE.csv", "nothing", "at least one curve file (or --protocol FILE.yaml)");
            }
            CurveCsv.Columns columns = new CurveCsv.Columns(stepColumn, lossColumn, lrColumn, line);
            List<Curve> loaded = new ArrayList<>();
            for (String arg : curves) {
                int eq = arg.indexOf('=');
                Path csv = Path.of(eq < 0 ? arg : arg.substring(0, eq));
                Path schedule = eq < 0 ? null : Path.of(arg.substring(eq + 1));
                Curve c = CurveSource.load(csv, schedule, columns, null, warnings);
                loaded.add(minStep == null ? c : c.from(minStep));
            }
            result = Protocol.run("fit", loaded, List.of(), Protocol.expand(List.of(law == null ? "all" : law)), hillModes, spectrum, options);
        }
        warnings.forEach(w -> err.println("warning: " + w));
        err.flush();
        try {
            Files.createDirectories(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + out, e);
        }
        FitFile.write(result, out.resolve("fit.json"));
        AtomicFile.writeString(out.resolve("errors.csv"), ErrorTable.csv(result));
        stdout.print(ErrorTable.text(result));
        for (var lr : result.laws()) {
            stdout.println(lr.fit());
        }
        stdout.println("fit: " + out.resolve("fit.json"));
        if (!noReport) {
            stdout.println("report: " + FitReport.write(result, out.resolve("report"), chartFormats));
        }
    }
}
