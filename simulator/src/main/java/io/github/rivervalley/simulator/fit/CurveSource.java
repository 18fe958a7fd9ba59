package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import io.github.rivervalley.simulator.schedule.Line;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.ScheduleFileSpec;
import io.github.rivervalley.simulator.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;

/** Loads curves: a CSV file plus, optionally, a schedule spec with its exact rates. */
public final class CurveSource {

    private CurveSource() {
    }

    /**
     * The per-update rates of line {@code line} of a schedule spec file, from step 0 to the line's end.
     */
    public static double[] scheduleRates(Path scheduleFile, String line) {
        Schedule schedule = SpecReader.instance().read(scheduleFile, ScheduleFileSpec.class).build();
        return rates(schedule, line);
    }

    /** The per-update rates of line {@code line} of {@code schedule}, from step 0 to the line's end. */
    public static double[] rates(Schedule schedule, String line) {
        Line l;
        try {
            l = schedule.line(line);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("line", line, "a line of the schedule, one of "
                    + schedule.lines().stream().map(Line::name).toList());
        }
        double[] rates = new double[Math.toIntExact(l.endStep())];
        l.lr().fill(0, rates.length, rates);
        return rates;
    }

    /**
     * Loads one curve: {@code csv} with the rates of {@code schedule} (line {@code columns.line()}), or
     * rebuilt from its lr column when {@code schedule} is null (warnings go to {@code warnings}).
     */
    public static Curve load(Path csv, Path schedule, CurveCsv.Columns columns, Long maxStep, List<String> warnings) {
        CurveCsv.Rows rows = CurveCsv.read(csv, columns);
        if (maxStep != null) {
            int n = 0;
            while (n < rows.steps().length && rows.steps()[n] <= maxStep) {
                n++;
            }
            if (n == 0) {
                throw new InvalidValueException("maxStep", maxStep, "a step at or after the first row's (" + rows.steps()[0] + ") of " + csv);
            }
            rows = new CurveCsv.Rows(rows.file(), rows.name(), java.util.Arrays.copyOf(rows.steps(), n), java.util.Arrays.copyOf(rows.loss(), n),
                    rows.lr() == null ? null : java.util.Arrays.copyOf(rows.lr(), n), java.util.Arrays.copyOf(rows.fileRows(), n));
        }
        if (schedule == null) {
            return CurveCsv.withRebuiltRates(rows, warnings);
        }
        return CurveCsv.withRates(rows, scheduleRates(schedule, columns.line()), schedule.toString());
    }
}
