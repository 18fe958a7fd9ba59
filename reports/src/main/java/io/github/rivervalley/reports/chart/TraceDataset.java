package io.github.rivervalley.reports.chart;

import io.github.rivervalley.simulator.results.read.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.data.xy.AbstractIntervalXYDataset;

/**
 * A read-only {@link org.jfree.data.xy.IntervalXYDataset} over trace columns: no copies of the data,
 * just an index of the buckets each series shows. The y interval is the band drawn around a series:
 * the minimum and maximum within each bucket (oscillation survives downsampling), widened by a multiple
 * of a spread column when one is given (two standard errors of the replica mean, say).
 */
public final class TraceDataset extends AbstractIntervalXYDataset {

    private static final long serialVersionUID = 1L;

    /**
     * One series: y against x over the buckets {@code rows}, its band widened by {@code factor * spread}
     * (spread may be null) and clamped below at {@code floor} when that is positive.
     */
    public record Series(String key, Column x, Column y, Column spread, double factor, int[] rows, double floor) {

        /** Mean x of point {@code item}. */
        double xAt(int item) {
            return x.mean(rows[item]);
        }

        /** Mean y of point {@code item}. */
        double yAt(int item) {
            return y.mean(rows[item]);
        }

        /** Bottom of the band at point {@code item}. */
        double lowerAt(int item) {
            int i = rows[item];
            double lower = y.min(i) - width(i);
            // On a log axis a band reaching zero or below runs off the bottom: clamp it to the axis floor.
            return floor > 0 && !(lower >= floor) ? floor : lower;
        }

        /** Top of the band at point {@code item}. */
        double upperAt(int item) {
            int i = rows[item];
            return y.max(i) + width(i);
        }

        private double width(int i) {
            return spread == null || Double.isNaN(spread.max(i)) ? 0 : factor * spread.max(i);
        }

        /** Number of points. */
        public int size() {
            return rows.length;
        }
    }

    private final List<Series> series = new ArrayList<>();
    private final boolean positiveOnly;

    /**
     * A dataset; with {@code positiveOnly} (for log axes) points whose y is not positive are left out and
     * bands are clamped below at a tenth of the series' smallest positive value.
     */
    public TraceDataset(boolean positiveOnly) {
        this.positiveOnly = positiveOnly;
    }

    /** Adds all buckets of {@code y} against {@code x}; band min/max widened by {@code factor * spread} (spread may be null). */
    public Series add(String key, Column x, Column y, Column spread, double factor) {
        return add(key, x, y, spread, factor, null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Adds the buckets whose {@code filter} value (x when null) lies in {@code [from, to]}. */
    public Series add(String key, Column x, Column y, Column spread, double factor, Column filter, double from, double to) {
        Column f = filter == null ? x : filter;
        int[] keep = new int[x.size()];
        int n = 0;
        for (int i = 0; i < x.size(); i++) {
            double fi = f.mean(i);
            if (!(fi >= from && fi <= to) || Double.isNaN(y.mean(i)) || Double.isNaN(x.mean(i))) {
                continue;
            }
            keep[n++] = i;
        }
        int[] rows = Arrays.copyOf(keep, n);
        double floor = 0;
        if (positiveOnly) {
            int m = 0;
            double smallest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double yj = y.mean(keep[j]);
                if (yj > 0) {
                    keep[m++] = keep[j];
                    smallest = Math.min(smallest, Math.min(yj, y.min(keep[j]) > 0 ? y.min(keep[j]) : yj));
                }
            }
            rows = Arrays.copyOf(keep, m);
            floor = m > 0 ? smallest / 10 : 0;
        }
        Series s = new Series(key, x, y, spread, factor, rows, floor);
        series.add(s);
        fireDatasetChanged();
        return s;
    }

    @Override
    public int getSeriesCount() {
        return series.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int s) {
        return series.get(s).key;
    }

    @Override
    public int getItemCount(int s) {
        return series.get(s).rows.length;
    }

    @Override
    public Number getX(int s, int item) {
        return getXValue(s, item);
    }

    @Override
    public double getXValue(int s, int item) {
        return series.get(s).xAt(item);
    }

    @Override
    public Number getY(int s, int item) {
        return getYValue(s, item);
    }

    @Override
    public double getYValue(int s, int item) {
        return series.get(s).yAt(item);
    }

    @Override
    public Number getStartX(int s, int item) {
        return getXValue(s, item);
    }

    @Override
    public Number getEndX(int s, int item) {
        return getXValue(s, item);
    }

    @Override
    public Number getStartY(int s, int item) {
        return getStartYValue(s, item);
    }

    @Override
    public double getStartYValue(int s, int item) {
        return series.get(s).lowerAt(item);
    }

    @Override
    public Number getEndY(int s, int item) {
        return getEndYValue(s, item);
    }

    @Override
    public double getEndYValue(int s, int item) {
        return series.get(s).upperAt(item);
    }
}
