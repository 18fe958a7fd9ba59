package io.github.rivervalley.reports.notebook;

import io.github.rivervalley.reports.chart.FiniteRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Terminal pictures of a series: a one-line sparkline, a small character plot and an aligned table.
 * Pure functions of their arguments (no state, no I/O), so tests can check them exactly.
 *
 * <p>Long series are cut into equal buckets: bucket {@code i} of {@code w} over {@code n} values holds
 * indexes {@code [floor(i n / w), floor((i + 1) n / w))}. A sparkline shows each bucket's mean of the
 * finite values; a plot shows each bucket's whole range (min to max), so an oscillation stays visible
 * as a tall column instead of averaging away.
 */
public final class TextPlots {

    /** The eight sparkline levels, lowest first. */
    public static final String LEVELS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    /** Sparkline character for a bucket without finite values. */
    public static final char MISSING = ' ';
    /** Plot marks of the first, second, ... series. */
    public static final String MARKS = "*o+x#@";

    private TextPlots() {
    }

    /** First index of bucket {@code i} of {@code width} buckets over {@code n} values. */
    static int bucketStart(int i, int n, int width) {
        return (int) ((long) i * n / width);
    }

    /** Mean of the finite values of each bucket (NaN for a bucket without any); at most {@code width} buckets. */
    public static double[] bucketMeans(double[] values, int width) {
        int w = Math.min(width, values.length);
        double[] out = new double[w];
        for (int i = 0; i < w; i++) {
            double sum = 0;
            int count = 0;
            for (int j = bucketStart(i, values.length, w); j < bucketStart(i + 1, values.length, w); j++) {
                if (Double.isFinite(values[j])) {
                    sum += values[j];
                    count++;
                }
            }
            out[i] = count == 0 ? Double.NaN : sum / count;
        }
        return out;
    }

    /**
     * A sparkline of at most {@code width} characters: each bucket mean mapped to one of eight levels
     * by equal-width bins between the smallest and largest mean (a flat series sits on the middle
     * level); buckets without finite values are blank.
     */
    public static String sparkline(double[] values, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        double[] means = bucketMeans(values, width);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double m : means) {
            if (!Double.isNaN(m)) {
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
            }
        }
        StringBuilder out = new StringBuilder(means.length);
        for (double m : means) {
            if (Double.isNaN(m)) {
                out.append(MISSING);
            } else if (hi == lo) {
                out.append(LEVELS.charAt(LEVELS.length() / 2 - 1));
            } else {
                int level = (int) Math.floor((m - lo) / (hi - lo) * LEVELS.length());
                out.append(LEVELS.charAt(Math.min(level, LEVELS.length() - 1)));
            }
        }
        return out.toString();
    }

    /**
     * A character plot of one or more series sharing the x values {@code x}: {@code height} rows by at
     * most {@code width} columns, y range from the smallest to the largest finite value of all series,
     * each series drawn with its own mark from {@link #MARKS} over the rows its bucket spans (min to max),
     * later series on top. The y range is labelled on the left, the x range below, and a legend follows
     * when there are names.
     */
    public static String plot(double[] x, List<double[]> ys, List<String> names, int width, int height) {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("plot needs width >= 2 and height >= 2, got " + width + " x " + height);
        }
        if (ys.isEmpty()) {
            throw new IllegalArgumentException("plot needs at least one series");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] y : ys) {
            if (y.length != x.length) {
                throw new IllegalArgumentException("series of " + y.length + " values against " + x.length + " x values");
            }
            FiniteRange finite = FiniteRange.of(y);
            lo = Math.min(lo, finite.min());
            hi = Math.max(hi, finite.max());
        }
        int w = Math.max(1, Math.min(width, x.length));
        char[][] grid = new char[height][w];
        for (char[] row : grid) {
            java.util.Arrays.fill(row, ' ');
        }
        boolean any = lo <= hi;
        for (int s = 0; any && s < ys.size(); s++) {
            double[] y = ys.get(s);
            char mark = MARKS.charAt(s % MARKS.length());
            for (int i = 0; i < w; i++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = bucketStart(i, x.length, w); j < bucketStart(i + 1, x.length, w); j++) {
                    if (Double.isFinite(y[j])) {
                        min = Math.min(min, y[j]);
                        max = Math.max(max, y[j]);
                    }
                }
                if (min > max) {
                    continue;
                }
                for (int r = row(max, lo, hi, height); r <= row(min, lo, hi, height); r++) {
                    grid[r][i] = mark;
                }
            }
        }
        String top = any ? number(hi) : "no finite values";
        String bottom = any ? number(lo) : "";
        int labelWidth = Math.max(top.length(), bottom.length());
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < height; r++) {
            String label = r == 0 ? top : r == height - 1 ? bottom : "";
            out.append(pad(label, labelWidth, false)).append(" |").append(grid[r]).append('\n');
        }
        out.append(" ".repeat(labelWidth)).append(" +").append("-".repeat(w)).append('\n');
        if (x.length > 0) {
            String left = number(x[0]);
            String right = number(x[x.length - 1]);
            int gap = Math.max(1, w - left.length() - right.length());
            out.append(" ".repeat(labelWidth + 2)).append(left).append(" ".repeat(gap)).append(right).append('\n');
        }
        if (!names.isEmpty()) {
            out.append(" ".repeat(labelWidth + 2));
            for (int s = 0; s < names.size(); s++) {
                out.append(s == 0 ? "" : "   ").append(MARKS.charAt(s % MARKS.length())).append(' ').append(names.get(s));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Grid row (0 = top) of value {@code v} in {@code height} rows spanning {@code [lo, hi]}. */
    static int row(double v, double lo, double hi, int height) {
        if (hi == lo) {
            return height / 2;
        }
        int fromBottom = (int) Math.round((v - lo) / (hi - lo) * (height - 1));
        return height - 1 - fromBottom;
    }

    /**
     * An aligned table: a header row, a rule, then the rows; each cell right-aligned to its column's
     * widest entry, columns separated by two spaces.
     */
    public static String table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = header.get(c).length();
        }
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " cells under " + header.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(joinRow(header, widths));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        lines.add(rule.toString());
        for (List<String> row : rows) {
            lines.add(joinRow(row, widths));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String joinRow(List<String> cells, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            out.append(c == 0 ? "" : "  ").append(pad(cells.get(c), widths[c], false));
        }
        return out.toString();
    }

    private static String pad(String s, int width, boolean left) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return left ? s + fill : fill + s;
    }

    /**
     * A number in at most about ten characters: whole numbers below 1e7 as integers, others with four
     * significant digits ({@code %.4g}), NaN as {@code NaN}.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
