package io.github.rivervalley.simulator.fit;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads loss curves from CSV: a header, then one row per recorded step (rows may be sparse, every
 * {@code k} steps, say). Column names are selectable ({@link Columns}); W&B and TensorBoard exports use
 * other headers. A file with a {@code line} column (the simulator's {@code trace.csv}) keeps the rows of
 * one line; a branch's rows (which start at its fork) are preceded by the {@code main} line's rows before
 * the fork, so a WSD branch is read as the whole path that trained it. Rows at step 0 (the state before any update, with no learning-rate area) are skipped.
 */
public final class CurveCsv {

    /**
     * Which columns hold what.
     *
     * @param step the step column (updates applied so far)
     * @param loss the loss column
     * @param lr the learning-rate column (the rate of the update that led to the row); only read when
     *     the rates are rebuilt from it
     * @param line in files with a {@code line} column, the line to keep
     */
    public record Columns(String step, String loss, String lr, String line) {

        /** {@code step,loss,lr}, line {@code main}. */
        public static final Columns DEFAULT = new Columns("step", "loss", "lr", "main");

        public Columns {
            step = step == null ? "step" : step;
            loss = loss == null ? "loss" : loss;
            lr = lr == null ? "lr" : lr;
            line = line == null ? "main" : line;
        }
    }

    /**
     * The rows of a curve file.
     *
     * @param file where they came from
     * @param name the file name without extension
     * @param steps the steps (strictly increasing, >= 1)
     * @param loss the losses (finite, > 0)
     * @param lr the learning-rate column, or null when the file has none
     * @param fileRows each row's line number in the file (for messages)
     */
    public record Rows(Path file, String name, long[] steps, double[] loss, double[] lr, int[] fileRows) {
    }

    private CurveCsv() {
    }

    /** Reads {@code file}. */
    public static Rows read(Path file, Columns columns) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new CurveFormatException(file, 1, columns.step(), "an empty file", "a header naming the columns");
            }
            List<String> names = Arrays.asList(header.trim().split(",", -1));
            int step = column(file, names, columns.step(), true);
            int loss = column(file, names, columns.loss(), true);
            int lr = column(file, names, columns.lr(), false);
            int line = names.indexOf("line");
            Accumulator acc = new Accumulator();
            List<String> mainRows = new ArrayList<>();
            List<Integer> mainRowNumbers = new ArrayList<>();
            int n = 0;
            int row = 1;
            long previous = -1;
            int previousRow = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                row++;
                if (text.isBlank()) {
                    continue;
                }
                String[] f = text.split(",", -1);
                if (f.length != names.size()) {
                    throw new CurveFormatException(file, row, columns.step(), f.length + " fields", names.size() + " fields, one per header column");
                }
                if (line >= 0 && !f[line].trim().equals(columns.line())) {
                    if (f[line].trim().equals(MAIN) && n == 0) {
                        mainRows.add(text); // a branch's rows start at its fork: the main line's rows before it lead there
                        mainRowNumbers.add(row);
                    }
                    continue;
                }
                if (line >= 0 && n == 0 && !mainRows.isEmpty()) {
                    long fork = parseStep(file, row, columns.step(), f[step]);
                    for (int m = 0; m < mainRows.size(); m++) {
                        String[] g = mainRows.get(m).split(",", -1);
                        long s = parseStep(file, mainRowNumbers.get(m), columns.step(), g[step]);
                        if (s < fork && s > previous) {
                            if (s > 0) {
                                n = append(file, mainRowNumbers.get(m), g, step, loss, lr, columns, n, acc);
                            }
                            previous = s;
                            previousRow = mainRowNumbers.get(m);
                        }
                    }
                    mainRows.clear();
                }
                long s = parseStep(file, row, columns.step(), f[step]);
                if (s <= previous) {
                    throw new CurveFormatException(file, row, columns.step(), s, "a step after the previous row's (" + previous
                            + " at row " + previousRow + "): steps must increase");
                }
                previous = s;
                previousRow = row;
                if (s == 0) {
                    continue; // the state before training: no learning-rate area yet
                }
                n = append(file, row, f, step, loss, lr, columns, n, acc);
            }
            if (n == 0) {
                throw new CurveFormatException(file, row, columns.step(), "no rows" + (line >= 0 ? " of line '" + columns.line() + "'" : "")
                        + " after step 0", "at least one row with a step >= 1");
            }
            String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            return new Rows(file, name, Arrays.copyOf(acc.steps, n), Arrays.copyOf(acc.losses, n), lr >= 0 ? Arrays.copyOf(acc.lrs, n) : null,
                    Arrays.copyOf(acc.fileRows, n));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The name of the root line in a simulator trace. */
    private static final String MAIN = "main";

    /** Growing row arrays. */
    private static final class Accumulator {
        long[] steps = new long[16];
        double[] losses = new double[16];
        double[] lrs = new double[16];
        int[] fileRows = new int[16];
    }

    /** Parses one row's loss (and lr) into {@code acc} at index {@code n}; returns {@code n + 1}. */
    private static int append(Path file, int row, String[] f, int step, int loss, int lr, Columns columns, int n, Accumulator acc) {
        double l = parse(file, row, columns.loss(), f[loss]);
        if (!(l > 0) || Double.isInfinite(l)) {
            throw new CurveFormatException(file, row, columns.loss(), f[loss].trim(), "a finite loss > 0");
        }
        double r = Double.NaN;
        if (lr >= 0) {
            r = parse(file, row, columns.lr(), f[lr]);
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw new CurveFormatException(file, row, columns.lr(), f[lr].trim(), "a finite learning rate >= 0");
            }
        }
        if (n == acc.steps.length) {
            acc.steps = Arrays.copyOf(acc.steps, 2 * n);
            acc.losses = Arrays.copyOf(acc.losses, 2 * n);
            acc.lrs = Arrays.copyOf(acc.lrs, 2 * n);
            acc.fileRows = Arrays.copyOf(acc.fileRows, 2 * n);
        }
        acc.steps[n] = parseStep(file, row, columns.step(), f[step]);
        acc.losses[n] = l;
        acc.lrs[n] = r;
        acc.fileRows[n] = row;
        return n + 1;
    }

    private static int column(Path file, List<String> names, String name, boolean required) {
        int i = names.indexOf(name);
        if (i < 0 && required) {
            throw new CurveFormatException(file, 1, name, "a header without it " + names,
                    "a header with a '" + name + "' column (choose the column names with the column options)");
        }
        return i;
    }

    private static long parseStep(Path file, int row, String column, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                throw new CurveFormatException(file, row, column, text.trim(), "a whole step count >= 0");
            }
            return (long) v;
        } catch (NumberFormatException e) {
            throw new CurveFormatException(file, row, column, "'" + text.trim() + "'", "a whole step count >= 0");
        }
    }

    private static double parse(Path file, int row, String column, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new CurveFormatException(file, row, column, "'" + text.trim() + "'", "a number");
        }
    }

    /**
     * The curve with the rates of {@code schedule} (per update, from step 0). Fails naming the last row
     * when the schedule is shorter than the curve.
     *
     * @param source the schedule's name for messages
     */
    public static Curve withRates(Rows rows, double[] schedule, String source) {
        long last = rows.steps()[rows.steps().length - 1];
        if (schedule.length < last) {
            throw new CurveFormatException(rows.file(), rows.fileRows()[rows.fileRows().length - 1], "step", last,
                    "a step the schedule covers: the row needs the rates of " + last + " updates but " + source + " has "
                    + schedule.length + " steps");
        }
        return new Curve(rows.name(), rows.steps(), rows.loss(), schedule);
    }

    /** Reads {@code file} and rebuilds its rates from the lr column ({@link RateRebuild}). */
    public static Curve withRebuiltRates(Rows rows, List<String> warnings) {
        if (rows.lr() == null) {
            throw new InvalidValueException(rows.file() + " column 'lr'", "absent",
                    "an lr column (or a schedule: CURVE.csv=SCHEDULE.yaml) to know the learning rate of every step");
        }
        return new Curve(rows.name(), rows.steps(), rows.loss(), RateRebuild.rebuild(rows, warnings));
    }
}
