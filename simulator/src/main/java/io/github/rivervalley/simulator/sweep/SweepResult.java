package io.github.rivervalley.simulator.sweep;

import io.github.rivervalley.simulator.io.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code sweep.csv} read back as a table, for reports and notebooks. Columns are looked up by name;
 * the axis columns are those between {@code run} and {@code seed}.
 */
public final class SweepResult {

    private final List<String> columns;
    private final List<String> axes;
    private final List<Row> rows;

    private SweepResult(List<String> columns, List<List<String>> cells) {
        this.columns = List.copyOf(columns);
        int seed = columns.indexOf("seed");
        if (columns.isEmpty() || !columns.get(0).equals("run") || seed < 1) {
            throw new IllegalArgumentException("not a sweep table: its header must start with run, the axis columns, then seed; got " + columns);
        }
        this.axes = List.copyOf(columns.subList(1, seed));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        List<Row> list = new ArrayList<>();
        for (List<String> row : cells) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("sweep table row " + (list.size() + 2) + " has " + row.size() + " cells; the header has " + columns.size());
            }
            list.add(new Row(index, List.copyOf(row)));
        }
        this.rows = Collections.unmodifiableList(list);
    }

    /** Reads {@code sweep.csv}. */
    public static SweepResult read(Path csv) {
        try {
            return parse(Files.readString(csv, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** Parses the text of a {@code sweep.csv}. */
    public static SweepResult parse(String text) {
        List<List<String>> records = Csv.records(text);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("empty sweep table");
        }
        return new SweepResult(records.get(0), records.subList(1, records.size()));
    }

    /** All column names, in order. */
    public List<String> columns() {
        return columns;
    }

    /** The axis columns (dotted field paths), in order. */
    public List<String> axes() {
        return axes;
    }

    /** Every row, in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** Rows of complete runs. */
    public List<Row> done() {
        return rows.stream().filter(r -> r.status().equals("done")).toList();
    }

    /** Axes whose values (over all rows) are all numbers. */
    public List<String> numericAxes() {
        List<String> numeric = new ArrayList<>();
        for (String axis : axes) {
            if (!rows.isEmpty() && rows.stream().allMatch(r -> isNumber(r.axis(axis)))) {
                numeric.add(axis);
            }
        }
        return numeric;
    }

    /**
     * The axis that names schedule families: {@code schedule.type} or a whole-mapping {@code schedule}
     * axis, else the first axis that is not numeric.
     */
    public Optional<String> familyAxis() {
        for (String candidate : List.of("schedule.type", "schedule")) {
            if (axes.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        List<String> numeric = numericAxes();
        return axes.stream().filter(a -> !numeric.contains(a)).findFirst();
    }

    /**
     * One setting of the axes at one checkpoint budget, averaged over seeds.
     *
     * @param axes the axis values (every axis, in column order)
     * @param budget the checkpoint budget
     * @param compute mean compute spent to reach the checkpoint
     * @param loss mean loss over the seeds whose value is finite (NaN when none is)
     * @param lossSe standard error of that mean over seeds (NaN with fewer than two)
     * @param seeds seeds with a finite loss
     * @param diverged seeds whose loss is missing (diverged)
     */
    public record Setting(Map<String, String> axes, long budget, double compute, double loss, double lossSe, int seeds, int diverged) {
        public Setting {
            axes = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(axes));
        }
    }

    /**
     * Done rows grouped by axis values and budget, averaged over seeds, in first-appearance order.
     * Rows without a budget (runs without checkpoints) are left out.
     */
    public List<Setting> settings() {
        Map<List<String>, List<Row>> groups = new java.util.LinkedHashMap<>();
        for (Row row : done()) {
            if (row.text("budget").isEmpty()) {
                continue;
            }
            List<String> key = new ArrayList<>();
            for (String axis : axes) {
                key.add(row.axis(axis));
            }
            key.add(row.text("budget"));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<Setting> settings = new ArrayList<>();
        for (Map.Entry<List<String>, List<Row>> group : groups.entrySet()) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (int i = 0; i < axes.size(); i++) {
                values.put(axes.get(i), group.getKey().get(i));
            }
            double sum = 0;
            double sumSq = 0;
            double compute = 0;
            int n = 0;
            int diverged = 0;
            for (Row row : group.getValue()) {
                compute += row.compute();
                double loss = row.value("loss");
                if (Double.isFinite(loss)) {
                    sum += loss;
                    sumSq += loss * loss;
                    n++;
                } else {
                    diverged++;
                }
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            double se = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)) / n);
            settings.add(new Setting(values, Long.parseLong(group.getKey().get(axes.size())), compute / group.getValue().size(), mean, se, n, diverged));
        }
        return settings;
    }

    /** The largest checkpoint budget in the table (the "final" checkpoint), or -1 without budgets. */
    public long finalBudget() {
        long max = -1;
        for (Row row : done()) {
            if (!row.text("budget").isEmpty()) {
                max = Math.max(max, row.budget());
            }
        }
        return max;
    }

    /** Whether {@code text} is a number. */
    public static boolean isNumber(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** One row: one checkpoint of one run (or a failed or missing run). */
    public static final class Row {
        private final Map<String, Integer> index;
        private final List<String> cells;

        Row(Map<String, Integer> index, List<String> cells) {
            this.index = index;
            this.cells = cells;
        }

        /** The cell of {@code column} as text ("" when empty). */
        public String text(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException("no column '" + column + "'; columns are " + index.keySet());
            }
            return cells.get(i);
        }

        /** The cell as a number; NaN when empty (diverged, failed or missing). */
        public double value(String column) {
            String text = text(column);
            return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
        }

        public String run() {
            return text("run");
        }

        public String axis(String path) {
            return text(path);
        }

        public long seed() {
            return Long.parseLong(text("seed"));
        }

        public String status() {
            return text("status");
        }

        public long budget() {
            return Long.parseLong(text("budget"));
        }

        public long compute() {
            return Long.parseLong(text("compute"));
        }

        public int diverged() {
            return text("diverged").isEmpty() ? 0 : Integer.parseInt(text("diverged"));
        }

        public double wallSeconds() {
            return value("wall_seconds");
        }

        @Override
        public String toString() {
            return "Row[" + run() + (text("budget").isEmpty() ? "" : " @" + text("budget")) + ", " + status() + "]";
        }
    }

    @Override
    public String toString() {
        return "SweepResult[" + rows.size() + " rows, axes " + axes + "]";
    }
}
