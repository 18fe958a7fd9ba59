package io.github.rivervalley.reports.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextPlotsTest {

    /**
     * Each of 64 buckets of 3 values gets the mean lo + (k + 1/2)(hi - lo)/8 for a chosen level k (the
     * middle of bin k, so rounding cannot move it), spread as mean - d, mean, mean + d; the first and
     * last buckets pin lo and hi. The sparkline must show exactly the chosen levels.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void sparklineShowsTheLevelOfEachBucketMean(long seed) {
        Random random = new Random(seed);
        double lo = -3 + random.nextDouble();
        double hi = lo + 0.5 + 10 * random.nextDouble();
        double width = (hi - lo) / 8;
        int buckets = 64;
        int[] levels = new int[buckets];
        double[] values = new double[3 * buckets];
        StringBuilder expected = new StringBuilder();
        for (int b = 0; b < buckets; b++) {
            double mean;
            if (b == 0) {
                mean = lo;
                levels[b] = 0;
            } else if (b == buckets - 1) {
                mean = hi;
                levels[b] = 7;
            } else {
                levels[b] = random.nextInt(8);
                mean = lo + (levels[b] + 0.5) * width;
            }
            double d = width * random.nextDouble();
            values[3 * b] = mean - d;
            values[3 * b + 1] = mean;
            values[3 * b + 2] = mean + d;
            expected.append("\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588".charAt(levels[b]));
        }
        assertEquals(expected.toString(), TextPlots.sparkline(values, buckets));
    }

    @Test
    void sparklineOfARampClimbsThroughEveryLevelOnce() {
        double[] ramp = new double[16];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        // Bucket means 0.5, 2.5, ..., 14.5 are equally spaced: one bucket per level.
        assertEquals(TextPlots.LEVELS, TextPlots.sparkline(ramp, 8));
    }

    @Test
    void shortSeriesGetOneCharacterPerValueAndGapsForMissingValues() {
        String line = TextPlots.sparkline(new double[] {1, Double.NaN, 3}, 64);
        assertEquals(3, line.length());
        assertEquals(TextPlots.LEVELS.charAt(0), line.charAt(0));
        assertEquals(TextPlots.MISSING, line.charAt(1));
        assertEquals(TextPlots.LEVELS.charAt(7), line.charAt(2));
        String flat = TextPlots.sparkline(new double[] {2, 2, 2, 2}, 64);
        assertEquals(1, flat.chars().distinct().count(), flat);
    }

    @Test
    void bucketMeansAverageTheFiniteValuesOfEachBucket() {
        double[] values = {1, 2, 3, Double.NaN, 5, 6, 7};
        // Buckets of 7 values into 3: [0,2), [2,4), [4,7).
        double[] means = TextPlots.bucketMeans(values, 3);
        assertEquals(3, means.length);
        assertEquals((1 + 2) / 2.0, means[0], 0);
        assertEquals(3.0, means[1], 0);
        assertEquals((5 + 6 + 7) / 3.0, means[2], 0);
    }

    /** Every plotted column spans the rows between its bucket's min and max; the extremes reach the top and bottom rows. */
    @Test
    void plotMarksTheRangeOfEachBucket() {
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 10.0) * (i % 2 == 0 ? 1 : 0.5);
        }
        int width = 40;
        int height = 10;
        String[] lines = TextPlots.plot(x, List.of(y), List.of("y"), width, height).split("\n");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        List<String> grid = new ArrayList<>();
        for (int r = 0; r < height; r++) {
            grid.add(lines[r].substring(lines[r].indexOf('|') + 1));
        }
        for (int c = 0; c < width; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = c * n / width; j < (c + 1) * n / width; j++) {
                min = Math.min(min, y[j]);
                max = Math.max(max, y[j]);
            }
            int top = height - 1 - (int) Math.round((max - lo) / (hi - lo) * (height - 1));
            int bottom = height - 1 - (int) Math.round((min - lo) / (hi - lo) * (height - 1));
            for (int r = 0; r < height; r++) {
                char expected = r >= top && r <= bottom ? '*' : ' ';
                assertEquals(expected, grid.get(r).charAt(c), "row " + r + " column " + c);
            }
        }
        assertTrue(lines[0].strip().startsWith(TextPlots.number(hi)), lines[0]);
        assertTrue(lines[height - 1].strip().startsWith(TextPlots.number(lo)), lines[height - 1]);
        assertTrue(lines[height + 1].contains("0") && lines[height + 1].contains("199"), lines[height + 1]);
    }

    @Test
    void tableRightAlignsEveryColumn() {
        List<String> header = List.of("step", "loss");
        List<List<String>> rows = List.of(List.of("0", "3.049"), List.of("2000", "0.01439"));
        String[] lines = TextPlots.table(header, rows).split("\n");
        assertEquals(4, lines.length);
        int widthStep = "2000".length();
        int widthLoss = "0.01439".length();
        for (String line : lines) {
            assertEquals(widthStep + 2 + widthLoss, line.length(), "'" + line + "'");
        }
        assertEquals("2000", lines[3].substring(0, widthStep));
        assertEquals("0.01439", lines[3].substring(widthStep + 2));
        assertEquals("3.049", lines[2].substring(widthStep + 2).strip());
        assertTrue(lines[1].matches("-+  -+"), lines[1]);
    }

    @Test
    void numbersKeepFourSignificantDigits() {
        Random random = new Random(9);
        for (int i = 0; i < 1000; i++) {
            double v = Math.pow(10, 12 * random.nextDouble() - 6) * (random.nextBoolean() ? 1 : -1);
            double back = Double.parseDouble(TextPlots.number(v));
            // %.4g keeps four significant digits: relative error at most half a unit in the fourth digit.
            assertEquals(v, back, Math.abs(v) * 5e-4, TextPlots.number(v));
        }
        assertEquals("2000", TextPlots.number(2000));
        assertEquals("NaN", TextPlots.number(Double.NaN));
    }

    @Test
    void multiLineTextStartsOnItsOwnLineInJshell() {
        assertEquals("one line", new Text("one line").toString());
        assertEquals("one line\n", new Text("one line\n").toString());
        assertEquals("\na\nb\n", new Text("a\nb\n").toString());
    }
}
