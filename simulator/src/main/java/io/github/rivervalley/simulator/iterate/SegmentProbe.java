package io.github.rivervalley.simulator.iterate;

import io.github.rivervalley.landscapes.Decomposer;
import io.github.rivervalley.landscapes.Decomposer.Measure;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.ArrayList;
import java.util.List;

/**
 * The interpolation probe: the landscape along the straight segment {@code x(a) = (1 - a) from + a to},
 * a in [0, 1], at evenly spaced points. Between two iterates far apart along the river the loss is
 * convex-shaped with a dip in the middle when both sit up the walls (a constant rate: the hill excess of the
 * midpoint is smaller than that of the ends), and monotone when both sit on the floor (after a decay).
 */
public final class SegmentProbe {

    /** One point of the segment. */
    public record Point(double alpha, double loss, double riverLoss, double hillExcess, double riverCoord, double hillDist) {
    }

    private SegmentProbe() {
    }

    /**
     * Evaluates {@code points} evenly spaced points (both ends included).
     *
     * @param points at least 2
     */
    public static List<Point> along(Landscape landscape, double[] from, double[] to, int points) {
        if (points < 2) {
            throw new InvalidValueException("points", points, "a whole number >= 2");
        }
        int d = landscape.dimension();
        if (from.length != d || to.length != d) {
            throw new InvalidValueException("iterates", from.length + " and " + to.length + " coordinates",
                    "points of the run's landscape, " + d + " coordinates (was the spec changed after the run?)");
        }
        Decomposer decomposer = landscape instanceof Decomposer dec ? dec : null;
        double[] measured = new double[decomposer == null ? 0 : decomposer.measureCount()];
        double[] x = new double[d];
        List<Point> out = new ArrayList<>(points);
        for (int n = 0; n < points; n++) {
            double a = n == points - 1 ? 1.0 : (double) n / (points - 1);
            for (int j = 0; j < d; j++) {
                x[j] = (1 - a) * from[j] + a * to[j];
            }
            if (decomposer == null) {
                out.add(new Point(a, landscape.value(x), Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            } else {
                decomposer.measure(x, measured);
                out.add(new Point(a, measured[Measure.LOSS.ordinal()], measured[Measure.RIVER_LOSS.ordinal()],
                        measured[Measure.HILL_EXCESS.ordinal()], measured[Measure.RIVER_COORD.ordinal()],
                        measured[Measure.HILL_DIST.ordinal()]));
            }
        }
        return out;
    }

    /** CSV {@code alpha,loss,river_loss,hill_excess,river_coord,hill_dist}, numbers with {@code Double.toString}. */
    public static String csv(List<Point> points) {
        StringBuilder out = new StringBuilder("alpha,loss,river_loss,hill_excess,river_coord,hill_dist\n");
        for (Point p : points) {
            out.append(p.alpha()).append(',').append(p.loss()).append(',').append(p.riverLoss()).append(',')
                    .append(p.hillExcess()).append(',').append(p.riverCoord()).append(',').append(p.hillDist()).append('\n');
        }
        return out.toString();
    }
}
