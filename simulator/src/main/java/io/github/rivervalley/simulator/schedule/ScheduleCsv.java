package io.github.rivervalley.simulator.schedule;

import io.github.rivervalley.simulator.io.Csv;
import java.io.IOException;
import java.io.Writer;

/**
 * A schedule as CSV with header {@code line,step,lr,phase}: one row per step of each line's own steps
 * {@code [forkStep, endStep)}, lines in schedule order. Learning rates are written with
 * {@link Double#toString(double)}, which reads back to the same bits.
 */
public final class ScheduleCsv {

    /** The header row. */
    public static final String HEADER = "line,step,lr,phase";

    private static final int BLOCK = 4096;

    private ScheduleCsv() {
    }

    /** Writes the table (header included) to {@code out}. */
    public static void write(Schedule schedule, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        double[] rates = new double[BLOCK];
        StringBuilder row = new StringBuilder(64);
        for (Line line : schedule.lines()) {
            for (Phase phase : line.phases()) {
                for (long from = phase.start(); from < phase.end(); from += BLOCK) {
                    int count = (int) Math.min(BLOCK, phase.end() - from);
                    line.lr().fill(from, count, rates);
                    for (int i = 0; i < count; i++) {
                        row.setLength(0);
                        row.append(Csv.field(line.name())).append(',').append(from + i).append(',').append(rates[i]).append(',')
                                .append(phase.kind().label()).append('\n');
                        out.append(row);
                    }
                }
            }
        }
        out.flush();
    }
}
